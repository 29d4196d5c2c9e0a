package org.weiquan.app.petition;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deployment still configuring the retired "more than N" threshold is told what to set, not silently changed (ADR 40). */
class RetiredCollectiveVisitThresholdTest {
    @Test
    void the_app_refuses_to_start_with_the_retired_threshold_and_says_what_to_set() {
        PetitionPolicyProperties properties = new PetitionPolicyProperties("15 calendar-days", "15 calendar-days",
                "5 working-days", "60 calendar-days", 30, "30 calendar-days", "30 calendar-days", "30 calendar-days",
                "30 calendar-days", 5);
        MockEnvironment environment = new MockEnvironment().withProperty("weiquan.petition.collective-visit-threshold", "5");
        assertThatThrownBy(() -> new PetitionConfig().petitionPolicy(properties, null, environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("collective-visit-minimum").hasMessageContaining("N + 1");
    }
}

package org.weiquan.app.legalaid;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.HolidayCalendar;
import org.weiquan.command.deadline.LegalPeriod;
import org.weiquan.command.legalaid.LegalAidPolicy;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code weiquan.legal-aid.*} binds to the policy; without it the law's periods apply. */
class LegalAidPolicyPropertiesTest {
    private final DeadlineCalculator calculator = new DeadlineCalculator(HolidayCalendar.weekendsOnly());

    private static LegalAidPolicyProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("weiquan.legal-aid", LegalAidPolicyProperties.class);
    }

    @Test
    void without_any_property_the_policy_is_the_statutory_one() {
        LegalAidPolicy policy = new LegalAidConfig().legalAidPolicy(bind(Map.of()), calculator);
        assertThat(policy).isEqualTo(LegalAidPolicy.statutory(calculator));
    }

    @Test
    void each_period_and_the_urgent_aid_threshold_can_be_configured() {
        LegalAidPolicyProperties properties = bind(Map.of(
                "weiquan.legal-aid.decision", "7 working-days",
                "weiquan.legal-aid.lawyer-assignment", "3 working-days",
                "weiquan.legal-aid.objection-review", "5 working-days",
                "weiquan.legal-aid.urgent-aid-threshold-days", "10"));
        LegalAidPolicy policy = new LegalAidConfig().legalAidPolicy(properties, calculator);
        assertThat(policy).isEqualTo(new LegalAidPolicy(LegalPeriod.workingDays(7), LegalPeriod.workingDays(3),
                LegalPeriod.workingDays(5), 10, calculator));
    }

    @Test
    void a_period_without_its_unit_is_refused_at_start_up() {
        LegalAidPolicyProperties properties = bind(Map.of("weiquan.legal-aid.decision", "7"));
        assertThatThrownBy(() -> new LegalAidConfig().legalAidPolicy(properties, calculator))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
    }

    @Test
    void a_threshold_that_is_not_a_number_is_refused_at_binding() {
        assertThatThrownBy(() -> bind(Map.of("weiquan.legal-aid.urgent-aid-threshold-days", "a week")))
                .isInstanceOf(BindException.class);
    }
}

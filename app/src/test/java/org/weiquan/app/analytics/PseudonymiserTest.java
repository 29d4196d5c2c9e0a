package org.weiquan.app.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.weiquan.app.casefile.PartyKeys;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff named in event data become the same pseudonym as when they act, with or without their name. */
class PseudonymiserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pseudonymiser pseudonymiser = new Pseudonymiser(
            new PartyKeys(Base64.getEncoder().encodeToString(new byte[32]), "unused"));

    @Test
    void a_mediator_kept_with_their_name_is_the_staff_pseudonym_in_place_of_user_name_and_name() throws Exception {
        JsonNode data = JSON.readTree("{\"disputeId\":\"d-1\",\"mediator\":{\"id\":\"mediator.qian\",\"name\":\"钱调解员\"},"
                + "\"previousMediator\":{\"id\":\"mediator.sun\",\"name\":null}}");

        String out = pseudonymiser.pseudonymise(data).toString();

        assertThat(out).doesNotContain("mediator.qian", "钱调解员", "mediator.sun");
        assertThat(data.path("mediator").path("id").asText()).isEqualTo(pseudonymiser.actor("mediator.qian"))
                .startsWith("staff-");
        assertThat(data.path("mediator").path("name").asText()).isEqualTo(pseudonymiser.actor("mediator.qian"));
        assertThat(data.path("previousMediator").path("id").asText()).isEqualTo(pseudonymiser.actor("mediator.sun"));
        assertThat(data.path("disputeId").asText()).isEqualTo("d-1");
    }

    @Test
    void a_mediator_named_by_user_name_only_is_the_staff_pseudonym_too() throws Exception {
        JsonNode data = JSON.readTree("{\"mediator\":\"mediator.sun\",\"previousMediator\":null}");

        pseudonymiser.pseudonymise(data);

        assertThat(data.path("mediator").asText()).isEqualTo(pseudonymiser.actor("mediator.sun"));
        assertThat(data.path("previousMediator").isNull()).isTrue();
    }
}

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

    @Test
    void finding_2_id_and_phone_numbers_typed_into_free_text_are_masked_and_ids_dates_and_amounts_are_not() throws Exception {
        JsonNode data = JSON.readTree("{\"disputeId\":\"5f0c1e2a-1391-2345-6789-a13912345678\",\"caseNumber\":\"LD-2026-000123\","
                + "\"heldOn\":\"2026-11-20\",\"amount\":12000.00,"
                + "\"summary\":\"工人电话13912345678，另一号码 +86 139-1234-5678，办公室0512-65123456，身份证11010519491231002X。\","
                + "\"notes\":[\"回电 15800001111\"]}");

        pseudonymiser.pseudonymise(data);

        assertThat(data.path("summary").asText()).isEqualTo(
                "工人电话[电话]，另一号码 [电话]，办公室[电话]，身份证[身份证号]。");
        assertThat(data.path("notes").get(0).asText()).isEqualTo("回电 [电话]");
        assertThat(data.path("disputeId").asText()).isEqualTo("5f0c1e2a-1391-2345-6789-a13912345678");
        assertThat(data.path("caseNumber").asText()).isEqualTo("LD-2026-000123");
        assertThat(data.path("heldOn").asText()).isEqualTo("2026-11-20");
    }
}

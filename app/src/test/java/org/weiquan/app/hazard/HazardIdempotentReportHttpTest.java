package org.weiquan.app.hazard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.Hazards;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * A retried report files nothing twice: the same {@code hazardId}, or the same user and
 * Idempotency-Key, answers the first result; the same id for something else is a conflict.
 */
class HazardIdempotentReportHttpTest extends HazardHttpTest {

    @Test
    void reporting_the_same_hazard_id_twice_answers_the_first_case_number_and_files_one_case() {
        String hazardId = UUID.randomUUID().toString();
        ObjectNode body = Hazards.report().put("hazardId", hazardId);

        ApiResponse first = api.as(OFFICER_LI).post(Hazards.PATH, body);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(first.json().path("hazardId").asText()).isEqualTo(hazardId);
        long events = storedEvents();
        long cases = registeredCases();

        ApiResponse retry = api.as(OFFICER_LI).post(Hazards.PATH, body);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));

        assertThat(storedEvents()).isEqualTo(events);
        assertThat(registeredCases()).isEqualTo(cases);
        assertThat(awaitHazardHistory(hazardId, 1)).hasSize(1);
    }

    @Test
    void retrying_with_the_same_idempotency_key_answers_the_first_result() {
        String key = "report-" + UUID.randomUUID();
        ObjectNode body = Hazards.report();

        ApiResponse first = api.as(OFFICER_LI).header("Idempotency-Key", key).post(Hazards.PATH, body);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        long events = storedEvents();

        ApiResponse retry = api.as(OFFICER_LI).header("Idempotency-Key", key).post(Hazards.PATH, body);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void the_same_hazard_id_for_a_different_report_or_a_dispute_is_a_conflict_and_stores_nothing() {
        String hazardId = UUID.randomUUID().toString();
        String caseNumber = reportHazard(Hazards.report().put("hazardId", hazardId)).path("caseNumber").asText();
        long events = storedEvents();
        long cases = registeredCases();

        assertProblem(api.as(OFFICER_LI).post(Hazards.PATH, Hazards.report().put("hazardId", hazardId)), 409,
                "idempotency-conflict");
        assertProblem(api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing().put("disputeId", hazardId)), 409,
                "idempotency-conflict");
        JsonNode otherOrganisation = assertProblem(api.as(OFFICER_CHEN).post(Hazards.PATH,
                Hazards.report().put("hazardId", hazardId)), 409, "idempotency-conflict");
        assertThat(otherOrganisation.toString()).doesNotContain(caseNumber);

        assertThat(storedEvents()).isEqualTo(events);
        assertThat(registeredCases()).isEqualTo(cases);
    }

    @Test
    void the_same_idempotency_key_with_a_different_report_is_refused_with_409() {
        String key = "report-" + UUID.randomUUID();
        assertThat(api.as(OFFICER_LI).header("Idempotency-Key", key).post(Hazards.PATH, Hazards.report()).status())
                .isEqualTo(201);
        long events = storedEvents();

        JsonNode problem = assertProblem(api.as(OFFICER_LI).header("Idempotency-Key", key)
                .post(Hazards.PATH, Hazards.report()), 409, "idempotency-conflict");

        assertThat(problem.path("detail").asText()).contains(key);
        assertThat(storedEvents()).isEqualTo(events);
    }
}

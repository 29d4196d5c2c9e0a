package org.weiquan.app.legalaid;

import org.weiquan.app.support.LegalAidCases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;

/**
 * A retried application files nothing twice (same {@code legalAidCaseId}, or same user and
 * Idempotency-Key), and intake shows the open legal-aid cases of the same applicant or employer.
 */
class LegalAidIntakeHttpTest extends LegalAidHttpTest {

    @Test
    void applying_with_the_same_case_id_twice_answers_the_first_case_number_and_files_one_case() {
        String caseId = UUID.randomUUID().toString();
        ObjectNode body = LegalAidCases.application(200).put("legalAidCaseId", caseId);

        ApiResponse first = api.as(OFFICER_LI).post(LegalAidCases.PATH, body);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(first.json().path("legalAidCaseId").asText()).isEqualTo(caseId);
        long events = storedEvents();
        long cases = registeredCases();

        ApiResponse retry = api.as(OFFICER_LI).post(LegalAidCases.PATH, body);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(registeredCases()).isEqualTo(cases);
        assertThat(awaitCaseHistory(caseId, 1)).hasSize(1);
    }

    @Test
    void the_same_case_id_with_a_different_application_is_refused_with_409() {
        String caseId = UUID.randomUUID().toString();
        applyFor(LegalAidCases.application(201).put("legalAidCaseId", caseId));
        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(LegalAidCases.PATH,
                LegalAidCases.application(201).put("legalAidCaseId", caseId)), 409, "idempotency-conflict");
    }

    @Test
    void the_same_case_id_from_another_organisation_is_a_conflict_that_reveals_nothing() {
        String caseId = UUID.randomUUID().toString();
        ObjectNode body = LegalAidCases.application(202).put("legalAidCaseId", caseId);
        String number = applyFor(body).path("caseNumber").asText();
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_CHEN).post(LegalAidCases.PATH, body), 409,
                "idempotency-conflict");
        assertThat(problem.toString()).doesNotContain(number);
    }

    @Test
    void retrying_with_the_same_idempotency_key_answers_the_first_result() {
        String key = "legal-aid-" + UUID.randomUUID();
        ObjectNode body = LegalAidCases.application(203);
        ApiResponse first = api.as(OFFICER_LI).header("Idempotency-Key", key).post(LegalAidCases.PATH, body);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        long events = storedEvents();

        ApiResponse retry = api.as(OFFICER_LI).header("Idempotency-Key", key).post(LegalAidCases.PATH, body);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(storedEvents()).isEqualTo(events);

        refusedWithoutStoring(() -> api.as(OFFICER_LI).header("Idempotency-Key", key)
                .post(LegalAidCases.PATH, LegalAidCases.application(203)), 409, "idempotency-conflict");
    }

    @Test
    void a_second_application_of_the_same_applicant_lists_the_first_as_a_possible_duplicate() {
        JsonNode first = applyFor(LegalAidCases.application(204));
        assertThat(first.path("possibleDuplicates")).as("nothing before it with this applicant or employer:"
                + " the employer's other cases in this class are legal-aid cases too")
                .allSatisfy(d -> assertThat(d.path("matchedOn").asText()).isEqualTo("employer"));

        ObjectNode again = LegalAidCases.application(204);
        again.remove("employer");
        JsonNode second = applyFor(again);
        assertThat(second.path("possibleDuplicates")).singleElement().satisfies(duplicate -> {
            assertThat(duplicate.path("caseId").asText()).isEqualTo(first.path("legalAidCaseId").asText());
            assertThat(duplicate.path("caseNumber").asText()).isEqualTo(first.path("caseNumber").asText());
            assertThat(duplicate.path("kind").asText()).isEqualTo("LEGAL_AID");
            assertThat(duplicate.path("matchedOn").asText()).isEqualTo("worker");
        });
        assertThat(second.toString()).as("the duplicate is named by number, not by ID number")
                .doesNotContain(LegalAidCases.idNumber(204));
    }

    @Test
    void an_application_without_an_employer_is_accepted_and_shows_none() {
        ObjectNode body = LegalAidCases.application(205);
        body.remove("employer");
        body.remove("amountClaimed");
        String id = applied(body);
        JsonNode detail = awaitCase(id, 0).json();
        assertThat(detail.path("employer").isNull()).isTrue();
        assertThat(detail.path("amountClaimed").isNull()).isTrue();
    }
}

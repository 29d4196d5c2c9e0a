package org.weiquan.app.petition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.Petitions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Petitions.path;
import static org.weiquan.app.support.Problems.assertProblem;
import static org.weiquan.app.support.Problems.errorFields;

/**
 * Every class of error on the petition API is problem+json with a stable {@code code}, and a refused
 * request stores nothing: the event log and the registry have as many rows after it as before.
 */
class PetitionErrorsHttpTest extends PetitionHttpTest {

    /** A petition of officer.li (szftu/gusu), received and registered: at version 1. */
    private String registered;

    @BeforeEach
    void aRegisteredPetition() {
        registered = receive(Petitions.letter()).path("petitionId").asText();
        advance(registered, "registration", Petitions.registration(), 0);
    }

    @Test
    void a_receipt_with_invalid_fields_is_refused_with_400_and_a_message_for_each_field() {
        ObjectNode body = Petitions.letter();
        ((ObjectNode) body.withArray("petitioners").get(0)).put("idNumber", "110105194912310021"); // wrong check digit
        body.put("claim", "  ");
        body.put("receivedOn", Petitions.daysAgo(-2).toString());
        body.put("accusedOrganisation", "Gusu District");
        body.putArray("materials").add(Petitions.material("x.pdf", "not-a-hash", false).put("mediaType", "pdf"));

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Petitions.PATH, body),
                400, "validation-failed");

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("petitioners[0].idNumber", "claim", "receivedOn",
                "accusedOrganisation", "materials[0].sha256", "materials[0].mediaType");
    }

    @Test
    void a_receipt_without_petitioners_or_channel_is_refused_naming_them() {
        ObjectNode body = Petitions.letter();
        body.putArray("petitioners");
        body.remove("channel");

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Petitions.PATH, body),
                400, "validation-failed");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("petitioners", "channel");
    }

    @Test
    void an_unknown_channel_is_refused_naming_the_channels_there_are() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Petitions.PATH,
                Petitions.letter().put("channel", "FAX")), 400, "validation-failed");
        assertThat(errorFields(problem)).containsExactly("channel");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("FAX").contains("HOTLINE_12351");
    }

    @Test
    void visitors_on_a_letter_and_a_visit_without_visitors_are_refused_by_the_petition_s_rules() {
        JsonNode letter = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Petitions.PATH,
                Petitions.letter().put("visitorCount", 3)), 400, "petition.visitors-only-for-a-visit");
        assertThat(errorFields(letter)).containsExactly("visitorCount");

        ObjectNode visit = Petitions.visit(3);
        visit.remove("visitorCount");
        JsonNode uncounted = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Petitions.PATH, visit), 400,
                "petition.missing-field");
        assertThat(errorFields(uncounted)).containsExactly("visitorCount");

        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Petitions.PATH, Petitions.visit(0)), 400,
                "validation-failed");
    }

    @Test
    void the_same_petitioner_named_twice_is_refused() {
        ObjectNode body = Petitions.letter();
        body.withArray("petitioners").addObject().put("name", "王信访").put("idNumber", Petitions.idNumber(500));
        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Petitions.PATH, body), 400,
                "petition.duplicate-petitioner");
    }

    @Test
    void an_unknown_petition_answers_404_for_its_detail_its_history_and_its_transitions() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(api.as(OFFICER_LI).get(path(unknown)), 404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).get(path(unknown) + "/history"), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(path(unknown, "assignment"), Petitions.assignment(1)),
                404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).get(path("not-a-petition-id")), 404, "case-not-found");
    }

    @Test
    void a_petition_of_another_organisation_answers_404_exactly_like_an_unknown_one() {
        JsonNode problem = assertProblem(api.as(OFFICER_CHEN).get(path(registered)), 404, "case-not-found");
        JsonNode unknown = api.as(OFFICER_CHEN).get(path(UUID.randomUUID().toString())).json();
        assertThat(problem.path("detail")).isEqualTo(unknown.path("detail"));

        assertProblem(api.as(OFFICER_CHEN).get(path(registered) + "/history"), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_CHEN).ifMatch(1).post(path(registered, "assignment"),
                Petitions.assignment(1)), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_CHEN).ifMatch(1).post(path(registered, "materials"),
                Petitions.material("x.pdf", Petitions.PLAIN_SHA, false)), 404, "case-not-found");
    }

    @Test
    void a_reply_before_acceptance_is_refused_with_409_and_stores_nothing() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(registered, "reply"), Petitions.reply(1)), 409, "petition.illegal-transition");
        assertThat(problem.path("detail").asText()).contains("REGISTERED");

        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(registered, "closure"),
                Petitions.closure("RESOLVED")), 409, "petition.cannot-close");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(registered, "rating"),
                Petitions.rating("SATISFIED", 0)), 409, "petition.nothing-to-rate");
    }

    @Test
    void a_second_extension_or_one_of_more_than_thirty_days_is_refused() {
        advance(registered, "assignment", Petitions.assignment(9), 1);
        advance(registered, "acceptance", Petitions.acceptance(8), 2);

        JsonNode tooLong = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(3)
                .post(path(registered, "reply-extension"), Petitions.extension(31)), 400, "petition.extension-out-of-range");
        assertThat(errorFields(tooLong)).containsExactly("days");
        advance(registered, "reply-extension", Petitions.extension(10), 3);
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(4)
                .post(path(registered, "reply-extension"), Petitions.extension(5)), 409, "petition.reply-already-extended");
    }

    @Test
    void a_competence_objection_after_five_working_days_is_refused_with_409() {
        // Assigned 35 days ago: at least five working days ago whatever holidays lie between. Its
        // deadlines have passed, so the system records them overdue meanwhile: no If-Match here.
        ObjectNode old = Petitions.letter().put("receivedOn", Petitions.daysAgo(40).toString());
        String id = receive(old).path("petitionId").asText();
        assertThat(api.as(OFFICER_LI).post(path(id, "registration"),
                Petitions.registration().put("registeredOn", Petitions.daysAgo(40).toString())).status()).isEqualTo(200);
        assertThat(api.as(OFFICER_LI).post(path(id, "assignment"), Petitions.assignment(35)).status()).isEqualTo(200);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(eventTypes(awaitPetitionHistory(id, 4)))
                .contains("petition.acceptance-notice-overdue"));

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI)
                .post(path(id, "competence-objection"), Petitions.objection()), 409, "petition.objection-period-over");
        assertThat(problem.path("detail").asText()).contains("5 working days");
    }

    @Test
    void a_transition_on_a_stale_version_is_refused_with_409_stale_version_and_stores_nothing() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(registered, "assignment"), Petitions.assignment(1)), 409, "stale-version");
        assertThat(problem.path("detail").asText()).contains("0").contains("1");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(5)
                .post(path(registered, "assignment"), Petitions.assignment(1)), 409, "stale-version");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).header("If-Match", "\"newest\"")
                .post(path(registered, "assignment"), Petitions.assignment(1)), 400, "malformed-if-match");

        ApiResponse current = advance(registered, "assignment", Petitions.assignment(1), 1);
        assertThat(current.etagVersion()).isEqualTo(2);
    }

    @Test
    void marking_a_material_the_petition_does_not_have_is_refused_with_400() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(registered, "materials/3/whistleblower-mark"), ""), 400, "petition.unknown-material");
        assertThat(errorFields(problem)).containsExactly("materialNumber");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(registered, "materials/first/whistleblower-mark"), ""), 400, "validation-failed");
    }

    @Test
    void an_analyst_may_not_read_a_petition_detail_or_history_and_gets_403() {
        assertProblem(api.as(ANALYST_ZHAO).get(path(registered)), 403, "forbidden");
        assertProblem(api.as(ANALYST_ZHAO).get(path(registered) + "/history"), 403, "forbidden");
        assertThat(api.as(ANALYST_ZHAO).get(Petitions.PATH).status()).as("the list is theirs to read").isEqualTo(200);
    }

    @Test
    void a_supervisor_reads_but_may_not_receive_or_advance_a_petition() {
        assertThat(awaitPetition(SUPERVISOR_WANG, registered, 1).json().path("status").asText())
                .isEqualTo("REGISTERED");
        refusedWithoutStoring(() -> api.as(SUPERVISOR_WANG).ifMatch(1).post(path(registered, "assignment"),
                Petitions.assignment(1)), 403, "forbidden");
        refusedWithoutStoring(() -> api.as(SUPERVISOR_WANG).post(Petitions.PATH, Petitions.letter()), 403,
                "forbidden");
    }

    @Test
    void list_parameters_out_of_range_are_refused_with_400_naming_the_parameter() {
        JsonNode size = assertProblem(api.as(OFFICER_LI).get(Petitions.PATH + "?size=201"), 400, "validation-failed");
        assertThat(errorFields(size)).containsExactly("size");
        JsonNode channel = assertProblem(api.as(OFFICER_LI).get(Petitions.PATH + "?channel=FAX"), 400,
                "validation-failed");
        assertThat(errorFields(channel)).containsExactly("channel");
    }

    @Test
    void receiving_the_same_petition_id_twice_answers_the_first_case_and_stores_one_petition() {
        String petitionId = UUID.randomUUID().toString();
        ObjectNode body = Petitions.letter().put("petitionId", petitionId);

        ApiResponse first = api.as(OFFICER_LI).post(Petitions.PATH, body);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(first.json().path("petitionId").asText()).isEqualTo(petitionId);
        long events = storedEvents();
        long cases = registeredCases();

        ApiResponse retry = api.as(OFFICER_LI).post(Petitions.PATH, body);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(registeredCases()).isEqualTo(cases);

        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Petitions.PATH,
                Petitions.letter().put("petitionId", petitionId)), 409, "idempotency-conflict");
    }

    @Test
    void retrying_with_the_same_idempotency_key_answers_the_first_result() {
        String key = "receive-" + UUID.randomUUID();
        ObjectNode body = Petitions.letter();
        ApiResponse first = api.as(OFFICER_LI).header("Idempotency-Key", key).post(Petitions.PATH, body);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        long events = storedEvents();

        ApiResponse retry = api.as(OFFICER_LI).header("Idempotency-Key", key).post(Petitions.PATH, body);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("petitionId").asText()).isEqualTo(first.json().path("petitionId").asText());
        assertThat(retry.json().path("caseNumber").asText()).isEqualTo(first.json().path("caseNumber").asText());
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void a_second_petition_of_the_same_petitioner_lists_the_first_as_a_possible_duplicate() {
        ObjectNode letter = Petitions.letter();
        ((ObjectNode) letter.withArray("petitioners").get(0)).put("idNumber", Disputes.uniqueIdNumber());
        String firstNumber = receive(letter.deepCopy()).path("caseNumber").asText();
        ApiResponse second = api.as(OFFICER_LI).post(Petitions.PATH, letter.put("claim", "再次来信: " + letter.path("claim").asText()));
        assertThat(second.status()).as("%s", second).isEqualTo(201);
        JsonNode duplicates = second.json().path("possibleDuplicates");
        assertThat(duplicates.findValuesAsText("caseNumber")).contains(firstNumber);
        for (JsonNode duplicate : duplicates) {
            assertThat(duplicate.path("kind").asText()).isEqualTo("PETITION");
        }
    }

    @Test
    void a_material_with_a_bad_hash_added_later_is_refused_and_a_good_one_is_numbered_next() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(registered, "materials"),
                Petitions.material("x.pdf", "ABC", false)), 400, "validation-failed");
        assertThat(errorFields(problem)).containsExactly("sha256");

        advance(registered, "materials", Petitions.material("补充材料.pdf", Petitions.PLAIN_SHA, false), 1);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(
                awaitPetition(registered, 2).json().path("materials").get(0).path("number").asInt()).isEqualTo(1));
    }

    @Test
    void a_stale_if_match_is_refused_as_stale_version_before_the_petition_decides() {
        // registered at version 1: a second registration is illegal, but the client's version is
        // what is wrong, so it must reload
        refusedWithoutStoring(() -> as(OFFICER_LI).ifMatch(0).post(path(registered, "registration"),
                Petitions.registration()), 409, "stale-version");
    }
}

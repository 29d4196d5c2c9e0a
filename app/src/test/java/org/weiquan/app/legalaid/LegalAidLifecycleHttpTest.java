package org.weiquan.app.legalaid;

import org.weiquan.app.support.LegalAidCases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.LegalAidCases.daysAgo;
import static org.weiquan.app.support.LegalAidCases.path;
import static org.weiquan.app.support.LegalAidCases.today;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;

/**
 * Each way a legal-aid case goes, step by step over HTTP: every transition answers the new version (body
 * and ETag), the read side catches up to it, and the history records every event in order with who did
 * it, in which role and organisation, from where, and in which conversation.
 */
class LegalAidLifecycleHttpTest extends LegalAidHttpTest {

    /** One step of a case: what was stored because of it, and in which conversation. */
    private record Step(String eventType, String correlationId) {
    }

    @Test
    void materials_requested_and_received_then_approved_on_a_means_test_aided_by_a_panel_lawyer_reported_and_closed() {
        List<Step> steps = new ArrayList<>();
        String id = applyAndAwait(steps, LegalAidCases.application(1));
        JsonNode applied = awaitCase(id, 0).json();
        assertThat(applied.path("meansTestExempt").asBoolean()).isFalse();
        assertThat(applied.path("decisionDueOn").asText()).isNotBlank();

        step(steps, id, "materials-request", LegalAidCases.materialsRequest("劳动合同复印件", "经济困难状况说明表"), 1,
                "AWAITING_MATERIALS", "legal-aid.missing-materials-requested");
        JsonNode awaiting = awaitCase(id, 1).json();
        assertThat(awaiting.path("materials").path("items")).hasSize(2);
        assertThat(awaiting.path("materials").path("supplyBy").asText()).isEqualTo(today().plusDays(10).toString());
        assertThat(awaiting.path("overdue").asBoolean()).isFalse();

        step(steps, id, "materials-received", LegalAidCases.materialsReceived(), 2, "APPLIED",
                "legal-aid.missing-materials-received");
        JsonNode resumed = awaitCase(id, 2).json();
        assertThat(resumed.path("decisionDueOn").asText()).as("the notice came on the day of the application:"
                + " the whole period runs from the day the materials arrived")
                .isGreaterThanOrEqualTo(daysAgo(1).plusDays(7).toString());

        step(steps, id, "approval", LegalAidCases.approval(true), 3, "APPROVED", "legal-aid.approved");
        JsonNode approved = awaitCase(id, 3).json();
        assertThat(approved.path("decision").path("approved").asBoolean()).isTrue();
        assertThat(approved.path("decision").path("meansTest").path("hardshipEstablished").asBoolean()).isTrue();
        assertThat(approved.path("lawyer").path("assignmentDueOn").asText()).isNotBlank();

        step(steps, id, "lawyer", LegalAidCases.lawyer("lawyer.zhou"), 4, "LAWYER_ASSIGNED", "legal-aid.lawyer-assigned");
        step(steps, id, "activities", LegalAidCases.activity("CONSULTATION", 1), 5, "LAWYER_ASSIGNED",
                "legal-aid.activity-recorded");
        step(steps, id, "activities", LegalAidCases.activity("FILING", 0), 6, "LAWYER_ASSIGNED",
                "legal-aid.activity-recorded");
        step(steps, id, "outcome", LegalAidCases.outcome("SETTLED", "20000.00"), 7, "OUTCOME_RECORDED",
                "legal-aid.outcome-recorded");
        step(steps, id, "closing-report", LegalAidCases.closingReport(), 8, "REPORTED",
                "legal-aid.closing-report-submitted");
        step(steps, id, "closure", LegalAidCases.closure("COMPLETED"), 9, "CLOSED", "legal-aid.closed");

        JsonNode detail = awaitCase(id, 9).json();
        assertThat(detail.path("lawyer").path("id").asText()).isEqualTo("lawyer.zhou");
        assertThat(detail.path("lawyer").path("name").asText()).as("from the panel").isEqualTo("周律师");
        assertThat(detail.path("activities")).hasSize(2);
        assertThat(detail.path("activities").get(1).path("type").asText()).isEqualTo("FILING");
        assertThat(detail.path("outcome").path("outcome").asText()).isEqualTo("SETTLED");
        assertThat(detail.path("outcome").path("amountRecovered").decimalValue()).isEqualByComparingTo("20000");
        assertThat(detail.path("closingReport").path("summary").asText()).isNotBlank();
        assertThat(detail.path("closureReason").asText()).isEqualTo("COMPLETED");
        assertThat(detail.path("officerInCharge").asText()).isEqualTo(OFFICER_LI);
        assertThat(detail.path("organisation").asText()).isEqualTo("szftu/gusu");
        assertThat(detail.path("overdue").asBoolean()).isFalse();

        JsonNode history = assertCompleteHistory(id, steps);
        JsonNode notice = history.get(1).path("data");
        assertThat(notice.path("items")).hasSize(2);
        assertThat(notice.path("decisionDaysUsed").asInt()).isZero();
    }

    @Test
    void a_rejection_in_writing_an_objection_upheld_and_aid_given_after_all() {
        List<Step> steps = new ArrayList<>();
        String id = applyAndAwait(steps, LegalAidCases.application(2));

        step(steps, id, "rejection", LegalAidCases.rejection(), 1, "REJECTED", "legal-aid.rejected");
        step(steps, id, "objection", LegalAidCases.objection(), 2, "OBJECTION_UNDER_REVIEW",
                "legal-aid.objection-lodged");
        JsonNode underReview = awaitCase(id, 2).json();
        assertThat(underReview.path("objection").path("reviewDueOn").asText())
                .isGreaterThanOrEqualTo(daysAgo(1).plusDays(5).toString());
        step(steps, id, "objection-review", LegalAidCases.objectionReview("UPHELD"), 3, "APPROVED",
                "legal-aid.objection-upheld");
        step(steps, id, "lawyer", LegalAidCases.lawyerAssignedToday("lawyer.wu"), 4, "LAWYER_ASSIGNED",
                "legal-aid.lawyer-assigned");

        JsonNode detail = awaitCase(id, 4).json();
        assertThat(detail.path("decision").path("approved").asBoolean()).as("the first decision stays on record")
                .isFalse();
        assertThat(detail.path("decision").path("reasons").asText()).contains("经济困难标准");
        assertThat(detail.path("objection").path("finding").asText()).isEqualTo("UPHELD");
        assertThat(detail.path("lawyer").path("name").asText()).isEqualTo("吴律师");

        JsonNode history = assertCompleteHistory(id, steps);
        assertThat(history.get(1).path("data").path("reasons").asText()).as("the written reasons")
                .isEqualTo("申请人月收入高于本市经济困难标准");
    }

    @Test
    void a_dismissed_objection_closes_the_case_with_two_events_of_one_command() {
        String id = applied(LegalAidCases.application(3));
        advance(id, "rejection", LegalAidCases.rejection(), 0);
        advance(id, "objection", LegalAidCases.objection(), 1);
        ApiResponse dismissed = advance(id, "objection-review", LegalAidCases.objectionReview("DISMISSED"), 2);
        assertThat(dismissed.etagVersion()).as("dismissed at 3, closed at 4").isEqualTo(4);

        JsonNode detail = awaitCase(id, 4).json();
        assertThat(detail.path("status").asText()).isEqualTo("CLOSED");
        assertThat(detail.path("closureReason").asText()).isEqualTo("REJECTED");
        JsonNode history = awaitCaseHistory(id, 5);
        assertThat(eventTypes(history)).containsExactly("legal-aid.applied", "legal-aid.rejected",
                "legal-aid.objection-lodged", "legal-aid.objection-dismissed", "legal-aid.closed");
        assertThat(history.get(4).path("causationId").asText()).as("both caused by the review command")
                .isEqualTo(history.get(3).path("causationId").asText());
    }

    @Test
    void a_migrant_worker_claiming_wages_gets_urgent_aid_a_lawyer_at_once_and_approval_without_a_means_test() {
        String id = applied(LegalAidCases.migrantWorkerClaimingWages(4));
        JsonNode applied = awaitCase(id, 0).json();
        assertThat(applied.path("meansTestExempt").asBoolean()).as("decided by the case, §42").isTrue();

        advance(id, "urgent-aid", LegalAidCases.urgentAid(4), 0);
        JsonNode urgent = awaitCase(id, 1).json();
        assertThat(urgent.path("status").asText()).isEqualTo("APPLIED");
        assertThat(urgent.path("urgentAid").path("daysRemaining").asInt()).isEqualTo(4);
        assertThat(urgent.path("urgentAid").path("deadlineOn").asText()).isEqualTo(today().plusDays(4).toString());

        advance(id, "lawyer", LegalAidCases.lawyerAssignedToday("lawyer.zhou"), 1);
        advance(id, "activities", LegalAidCases.activity("FILING", 0), 2);
        advance(id, "approval", LegalAidCases.approval(false), 3);

        JsonNode detail = awaitCase(id, 4).json();
        assertThat(detail.path("status").asText()).as("the lawyer already acts").isEqualTo("LAWYER_ASSIGNED");
        assertThat(detail.path("decision").path("meansTest").isNull()).isTrue();
        assertThat(detail.path("lawyer").path("id").asText()).isEqualTo("lawyer.zhou");
        assertThat(eventTypes(awaitCaseHistory(id, 5))).containsExactly("legal-aid.applied",
                "legal-aid.urgent-aid-granted", "legal-aid.lawyer-assigned", "legal-aid.activity-recorded",
                "legal-aid.approved");
    }

    @Test
    void an_application_withdrawn_before_the_decision_is_closed_without_a_report() {
        String id = applied(LegalAidCases.application(5));
        advance(id, "closure", LegalAidCases.closure("WITHDRAWN"), 0);
        JsonNode detail = awaitCase(id, 1).json();
        assertThat(detail.path("status").asText()).isEqualTo("CLOSED");
        assertThat(detail.path("closureReason").asText()).isEqualTo("WITHDRAWN");
    }

    @Test
    void a_supervisor_reads_the_detail_and_history_of_a_case_of_an_organisation_below_theirs() {
        String id = applied(LegalAidCases.application(6));
        assertThat(awaitCase(SUPERVISOR_WANG, id, 0).json().path("status").asText()).isEqualTo("APPLIED");
        awaitCaseHistory(id, 1);
        assertThat(api.as(SUPERVISOR_WANG).get(path(id) + "/history").json()).hasSize(1);
    }

    @Test
    void the_list_shows_each_officer_only_the_cases_of_their_organisation_with_the_applicant_masked() {
        String id = applied(LegalAidCases.application(7));
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(listedIds(OFFICER_LI)).contains(id));
        assertThat(listedIds(SUPERVISOR_WANG)).as("szftu covers szftu/gusu").contains(id);
        assertThat(listedIds(OFFICER_CHEN)).as("szftu/kunshan does not").doesNotContain(id);
        JsonNode analystsRow = row(ANALYST_ZHAO, id);
        assertThat(row(OFFICER_LI, id).path("applicantMasked").asText()).isEqualTo("李**");
        assertThat(analystsRow.path("applicantMasked").isNull()).as("analysts see no name at all").isTrue();
        assertThat(analystsRow.toString()).doesNotContain("李小红").doesNotContain(LegalAidCases.idNumber(7));

        ApiResponse filtered = api.as(OFFICER_LI).get(LegalAidCases.PATH + "?status=APPLIED&district=GUSU&overdue=false");
        assertThat(filtered.status()).as("%s", filtered).isEqualTo(200);
        assertThat(filtered.json().path("items").findValues("legalAidCaseId").stream().map(JsonNode::asText))
                .contains(id);
        assertThat(api.as(OFFICER_LI).get(LegalAidCases.PATH + "?status=CLOSED&size=200").json().path("items")
                .findValues("legalAidCaseId").stream().map(JsonNode::asText)).doesNotContain(id);
    }

    @Test
    void the_case_is_found_by_its_number_in_the_cross_kind_api_and_links_to_its_detail() {
        JsonNode applied = applyFor(LegalAidCases.application(8));
        String number = applied.path("caseNumber").asText();
        assertThat(number).matches("LA-" + today().getYear() + "-\\d{6}");
        ApiResponse found = api.as(OFFICER_LI).get("/api/cases/" + number);
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        assertThat(found.json().path("kind").asText()).isEqualTo("LEGAL_AID");
        assertThat(found.json().path("detail").asText())
                .isEqualTo(LegalAidCases.PATH + "/" + applied.path("legalAidCaseId").asText());
    }

    @Test
    void a_link_from_a_dispute_is_recorded_on_the_legal_aid_case_too() {
        String id = applied(LegalAidCases.application(9));
        String dispute = file(Disputes.filing()).path("disputeId").asText();
        ApiResponse linked = api.as(OFFICER_LI).post("/api/cases/" + dispute + "/links",
                JsonNodeFactory.instance.objectNode()
                        .put("linkedCase", id).put("relation", "LED_TO").put("note", "争议转法律援助"));
        assertThat(linked.status()).as("%s", linked).isEqualTo(201);

        JsonNode detail = awaitCase(OFFICER_LI, id, d -> d.path("links").size() == 1, "one link").json();
        assertThat(detail.path("links").get(0).path("linkedKind").asText()).isEqualTo("LABOUR_DISPUTE");
        assertThat(detail.path("links").get(0).path("relation").asText()).isEqualTo("AROSE_FROM");
        assertThat(eventTypes(awaitCaseHistory(id, 2))).containsExactly("legal-aid.applied", "case.linked");
    }

    // --- steps ---

    private String applyAndAwait(List<Step> steps, Object body) {
        ApiResponse response = api.as(OFFICER_LI).post(LegalAidCases.PATH, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        String id = response.json().path("legalAidCaseId").asText();
        assertThat(response.header("Location")).endsWith(path(id));
        assertThat(response.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(response.json().path("caseNumber").asText()).matches("LA-" + today().getYear() + "-\\d{6}");
        steps.add(new Step("legal-aid.applied", correlationIdOf(response)));

        ApiResponse detail = awaitCase(id, 0);
        assertThat(detail.etagVersion()).isZero();
        assertThat(detail.json().path("status").asText()).isEqualTo("APPLIED");
        assertThat(detail.json().path("caseNumber").asText()).isEqualTo(response.json().path("caseNumber").asText());
        return id;
    }

    private void step(List<Step> steps, String id, String transition, Object body, long newVersion,
                      String expectedStatus, String eventType) {
        ApiResponse response = api.as(OFFICER_LI).ifMatch(newVersion - 1).post(path(id, transition), body);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.etagVersion()).isEqualTo(newVersion);
        assertThat(response.json().path("version").asLong()).isEqualTo(newVersion);
        assertThat(response.json().path("legalAidCaseId").asText()).isEqualTo(id);
        steps.add(new Step(eventType, correlationIdOf(response)));
        ApiResponse detail = awaitCase(id, newVersion);
        assertThat(detail.json().path("version").asLong()).isEqualTo(newVersion);
        assertThat(detail.etagVersion()).isEqualTo(newVersion);
        assertThat(detail.json().path("status").asText()).as("status after %s", transition).isEqualTo(expectedStatus);
    }

    private JsonNode assertCompleteHistory(String id, List<Step> steps) {
        JsonNode history = awaitCaseHistory(id, steps.size());
        assertThat(eventTypes(history)).containsExactlyElementsOf(steps.stream().map(Step::eventType).toList());
        Set<String> causations = new HashSet<>();
        Instant previous = Instant.MIN;
        for (int i = 0; i < steps.size(); i++) {
            JsonNode entry = history.get(i);
            String where = "history entry " + i + " " + entry;
            assertThat(entry.path("sequence").asLong()).as(where).isEqualTo(i);
            assertThat(entry.path("eventId").asText()).as(where).isNotBlank();
            assertThat(entry.path("actor").asText()).as(where).isEqualTo(OFFICER_LI);
            assertThat(entry.path("actorRole").asText()).as(where).isEqualTo("OFFICER");
            assertThat(entry.path("organisation").asText()).as(where).isEqualTo("szftu/gusu");
            assertThat(entry.path("clientAddress").asText()).as(where).isEqualTo("127.0.0.1");
            assertThat(entry.path("correlationId").asText()).as(where).isEqualTo(steps.get(i).correlationId());
            String causation = entry.path("causationId").asText();
            assertThat(causation).as(where).isNotBlank().isNotEqualTo(entry.path("correlationId").asText());
            assertThat(causations.add(causation)).as("each step is its own command: " + where).isTrue();
            Instant at = Instant.parse(entry.path("occurredAt").asText());
            assertThat(at).as(where).isAfterOrEqualTo(previous);
            previous = at;
        }
        return history;
    }

    private JsonNode row(String user, String id) {
        for (JsonNode item : api.as(user).get(LegalAidCases.PATH + "?size=200").json().path("items")) {
            if (item.path("legalAidCaseId").asText().equals(id)) return item;
        }
        throw new AssertionError(user + " does not see " + id);
    }

    private List<String> listedIds(String user) {
        ApiResponse page = api.as(user).get(LegalAidCases.PATH + "?size=200");
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json().path("items").findValues("legalAidCaseId").stream().map(JsonNode::asText).toList();
    }

    private static String correlationIdOf(ApiResponse response) {
        String correlationId = response.header("X-Correlation-Id");
        assertThat(correlationId).as("every response carries a correlation id: %s", response).isNotBlank();
        return correlationId;
    }
}

package org.weiquan.app.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Disputes.path;

/**
 * Both ways a dispute ends, step by step over HTTP: each transition answers the new version (body
 * and ETag), the read side catches up to it, and the history records every event in order with who
 * did it, in which role and organisation, from where, and in which conversation.
 */
class DisputeLifecycleHttpTest extends HttpIntegrationTest {
    private static final String CLIENT_CORRELATION_ID = "lifecycle-test:settlement-0001";

    /** One step of a case: what the client sent and what was stored because of it. */
    private record Step(String eventType, String correlationId) {
    }

    @Test
    void a_dispute_settled_in_mediation_and_fully_paid_is_closed_as_resolved_with_a_complete_audit_trail() {
        List<Step> steps = new ArrayList<>();
        String id = fileAndAwait(steps);

        advance(steps, id, "acceptance", Disputes.acceptance(), 1, "ACCEPTED", "labour-dispute.accepted");
        advance(steps, id, "mediator", Disputes.mediator("mediator.sun"), 2, "MEDIATING",
                "labour-dispute.mediator-assigned");
        advance(steps, id, "mediation-sessions", Disputes.session(5, "第一次调解"), 3, "MEDIATING",
                "labour-dispute.mediation-session-recorded");
        advance(steps, id, "mediation-sessions", Disputes.session(4, "第二次调解, 达成一致"), 4, "MEDIATING",
                "labour-dispute.mediation-session-recorded");

        ApiResponse settled = api.as(OFFICER_LI).ifMatch(4).header("X-Correlation-Id", CLIENT_CORRELATION_ID)
                .post(path(id, "settlement"), Disputes.settlement("8000.00"));
        assertTransitioned(settled, id, 5);
        assertThat(settled.header("X-Correlation-Id")).as("the client's correlation id is echoed")
                .isEqualTo(CLIENT_CORRELATION_ID);
        steps.add(new Step("labour-dispute.settlement-reached", CLIENT_CORRELATION_ID));
        assertThat(awaitStatus(id, 5)).isEqualTo("SETTLED");

        advance(steps, id, "payments", Disputes.payment("3000.00"), 6, "SETTLED", "labour-dispute.payment-recorded");
        JsonNode partlyPaid = awaitDetail(id, 6).json();
        assertThat(partlyPaid.path("amountPaid").decimalValue()).isEqualByComparingTo("3000");

        advance(steps, id, "payments", Disputes.payment("5000.00"), 7, "PAID", "labour-dispute.payment-recorded");
        advance(steps, id, "closure", Disputes.closure("RESOLVED"), 8, "CLOSED", "labour-dispute.closed");

        JsonNode detail = awaitDetail(id, 8).json();
        assertThat(detail.path("mediator").asText()).isEqualTo("mediator.sun");
        assertThat(detail.path("mediatorName").asText()).as("as the roster has it").isEqualTo("孙调解员");
        assertThat(detail.path("mediationSessions").asInt()).isEqualTo(2);
        assertThat(detail.path("settlementAmount").decimalValue()).isEqualByComparingTo("8000");
        assertThat(detail.path("amountPaid").decimalValue()).isEqualByComparingTo("8000");
        assertThat(detail.path("closureReason").asText()).isEqualTo("RESOLVED");
        assertThat(detail.path("officerInCharge").asText()).isEqualTo(OFFICER_LI);
        assertThat(detail.path("organisation").asText()).isEqualTo("szftu/gusu");

        assertCompleteHistory(id, steps);
    }

    @Test
    void a_dispute_whose_mediation_fails_goes_through_arbitration_with_one_extension_to_an_award_and_closure() {
        List<Step> steps = new ArrayList<>();
        String id = fileAndAwait(steps);

        advance(steps, id, "acceptance", Disputes.acceptance(), 1, "ACCEPTED", "labour-dispute.accepted");
        advance(steps, id, "mediator", Disputes.mediator("mediator.sun"), 2, "MEDIATING",
                "labour-dispute.mediator-assigned");
        advance(steps, id, "mediation-failure", Disputes.mediationFailure(), 3, "MEDIATION_FAILED",
                "labour-dispute.mediation-failed");
        advance(steps, id, "arbitration-referral", Disputes.arbitrationReferral(), 4, "REFERRED_TO_ARBITRATION",
                "labour-dispute.referred-to-arbitration");
        advance(steps, id, "arbitration-acceptance", Disputes.arbitrationAcceptance(), 5, "IN_ARBITRATION",
                "labour-dispute.arbitration-accepted");
        LocalDate awardDueBefore = LocalDate.parse(awaitDetail(id, 5).json().path("awardDueOn").asText());
        advance(steps, id, "arbitration-extension", Disputes.arbitrationExtension(10), 6, "IN_ARBITRATION",
                "labour-dispute.arbitration-period-extended");
        JsonNode extended = awaitDetail(id, 6).json();
        assertThat(extended.path("awardPeriodExtended").asBoolean()).isTrue();
        assertThat(LocalDate.parse(extended.path("awardDueOn").asText())).isAfter(awardDueBefore);
        advance(steps, id, "arbitration-award", Disputes.arbitrationAward("6000.00"), 7, "AWARDED",
                "labour-dispute.arbitration-award-recorded");
        advance(steps, id, "closure", Disputes.closure("RESOLVED"), 8, "CLOSED", "labour-dispute.closed");

        JsonNode detail = awaitDetail(id, 8).json();
        assertThat(detail.path("arbitrationCommission").asText()).contains("仲裁委员会");
        assertThat(detail.path("arbitrationCaseNumber").asText()).isNotBlank();
        assertThat(detail.path("awardOutcome").asText()).isEqualTo("PARTIALLY_UPHELD");
        assertThat(detail.path("awardedAmount").decimalValue()).isEqualByComparingTo("6000");
        assertThat(detail.path("closureReason").asText()).isEqualTo("RESOLVED");

        assertCompleteHistory(id, steps);
    }

    @Test
    void a_dispute_of_ten_workers_is_collective_and_raises_the_collective_alert_in_its_history() {
        JsonNode filed = file(Disputes.filing(10));
        String id = filed.path("disputeId").asText();

        JsonNode detail = awaitDetail(id, 1).json();
        assertThat(detail.path("collective").asBoolean()).isTrue();
        assertThat(detail.path("workers")).hasSize(10);
        assertThat(detail.path("version").asLong()).as("filed and alert raised").isEqualTo(1);

        JsonNode history = awaitHistory(id, 2);
        assertThat(eventTypes(history))
                .containsExactly("labour-dispute.filed", "labour-dispute.collective-alert-raised");
        JsonNode alert = history.get(1);
        assertThat(alert.path("data").path("workerCount").asInt()).isEqualTo(10);
        assertThat(alert.path("correlationId").asText()).isEqualTo(history.get(0).path("correlationId").asText());
        assertThat(alert.path("causationId").asText()).as("both caused by the one file command")
                .isEqualTo(history.get(0).path("causationId").asText());
    }

    @Test
    void a_supervisor_reads_the_detail_and_history_of_a_case_of_an_organisation_below_theirs() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        ApiResponse detail = awaitDetail(SUPERVISOR_WANG, id, 0);
        assertThat(detail.json().path("status").asText()).isEqualTo("FILED");
        awaitHistory(id, 1);
        assertThat(api.as(SUPERVISOR_WANG).get(path(id) + "/history").json()).hasSize(1);
    }

    @Test
    void a_correlation_id_that_is_not_a_safe_token_is_replaced_by_a_fresh_one_and_never_recorded() {
        String unsafe = "x\" onmouseover=\"alert(1)";
        ApiResponse filed = api.as(OFFICER_LI).header("X-Correlation-Id", unsafe).post(Disputes.PATH, Disputes.filing());
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        String replaced = filed.header("X-Correlation-Id");
        assertThat(replaced).isNotEqualTo(unsafe).matches("[0-9a-f-]{36}");

        JsonNode history = awaitHistory(filed.json().path("disputeId").asText(), 1);
        assertThat(history.get(0).path("correlationId").asText()).isEqualTo(replaced);
    }

    @Test
    void the_dispute_list_shows_each_officer_only_the_cases_of_their_organisation() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(listedIds(OFFICER_LI)).contains(id));
        assertThat(listedIds(SUPERVISOR_WANG)).as("szftu covers szftu/gusu").contains(id);
        assertThat(listedIds(OFFICER_CHEN)).as("szftu/kunshan does not").doesNotContain(id);
        JsonNode analystsRow = row(ANALYST_ZHAO, id);
        assertThat(row(OFFICER_LI, id).path("leadWorkerMasked").asText()).as("lists mask names").isEqualTo("张***");
        assertThat(analystsRow.path("leadWorkerMasked").isNull()).as("analysts see no name at all").isTrue();
        assertThat(analystsRow.toString()).doesNotContain("张小明").doesNotContain(Disputes.idNumber(1));
    }

    private JsonNode row(String user, String id) {
        for (JsonNode item : api.as(user).get(Disputes.PATH + "?size=200").json().path("items")) {
            if (item.path("disputeId").asText().equals(id)) return item;
        }
        throw new AssertionError(user + " does not see " + id);
    }

    private List<String> listedIds(String user) {
        ApiResponse page = api.as(user).get(Disputes.PATH + "?size=200");
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json().path("items").findValues("disputeId").stream().map(JsonNode::asText).toList();
    }

    // --- steps ---

    private String fileAndAwait(List<Step> steps) {
        ApiResponse response = api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing());
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        String id = response.json().path("disputeId").asText();
        String caseNumber = response.json().path("caseNumber").asText();
        assertThat(response.header("Location")).endsWith(path(id));
        assertThat(response.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(caseNumber).matches("LD-" + Disputes.today().getYear() + "-\\d{6}");
        steps.add(new Step("labour-dispute.filed", correlationIdOf(response)));

        ApiResponse detail = awaitDetail(id, 0);
        assertThat(detail.etagVersion()).isZero();
        assertThat(detail.json().path("version").asLong()).isZero();
        assertThat(detail.json().path("status").asText()).isEqualTo("FILED");
        assertThat(detail.json().path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(detail.json().path("collective").asBoolean()).isFalse();
        return id;
    }

    private void advance(List<Step> steps, String id, String transition, Object body, long newVersion,
                         String expectedStatus, String eventType) {
        ApiResponse response = api.as(OFFICER_LI).ifMatch(newVersion - 1).post(path(id, transition), body);
        assertTransitioned(response, id, newVersion);
        steps.add(new Step(eventType, correlationIdOf(response)));
        assertThat(awaitStatus(id, newVersion)).as("status after %s", transition).isEqualTo(expectedStatus);
    }

    private void assertTransitioned(ApiResponse response, String id, long newVersion) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.etagVersion()).isEqualTo(newVersion);
        assertThat(response.json().path("version").asLong()).isEqualTo(newVersion);
        assertThat(response.json().path("disputeId").asText()).isEqualTo(id);
    }

    /** Waits for the read side to reach the version, then checks its detail and ETag say exactly that. */
    private String awaitStatus(String id, long version) {
        ApiResponse detail = awaitDetail(id, version);
        assertThat(detail.json().path("version").asLong()).isEqualTo(version);
        assertThat(detail.etagVersion()).isEqualTo(version);
        return detail.json().path("status").asText();
    }

    private void assertCompleteHistory(String id, List<Step> steps) {
        JsonNode history = awaitHistory(id, steps.size());
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
    }

    private static String correlationIdOf(ApiResponse response) {
        String correlationId = response.header("X-Correlation-Id");
        assertThat(correlationId).as("every response carries a correlation id: %s", response).isNotBlank();
        return correlationId;
    }

    private static List<String> eventTypes(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.path("eventType").asText()));
        return types;
    }
}

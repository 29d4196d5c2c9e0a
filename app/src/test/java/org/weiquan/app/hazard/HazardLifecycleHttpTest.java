package org.weiquan.app.hazard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.Hazards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Hazards.SHA256_PHOTO;
import static org.weiquan.app.support.Hazards.SHA256_REPORT;
import static org.weiquan.app.support.Hazards.path;

/**
 * Safety hazards step by step over HTTP: each transition answers the new version (body and ETag),
 * the read side catches up to it, and the history records every event in order with who did it, in
 * which role and organisation, from where, and in which conversation. Deadlines that have passed
 * are escalated by the system.
 */
class HazardLifecycleHttpTest extends HazardHttpTest {

    /** One command of a case: the events it stored and the correlation id of its request. */
    private record Step(List<String> eventTypes, String correlationId) {
    }

    @Test
    void a_general_hazard_whose_first_rectification_fails_is_reissued_rectified_again_and_closed_by_verification() {
        List<Step> steps = new ArrayList<>();
        String id = reportAndAwait(steps, Hazards.report());

        advance(steps, id, "rectification-notice", Hazards.notice(10, 30), 1, "RECTIFYING",
                "safety-hazard.rectification-notice-issued");
        JsonNode noticed = awaitHazard(id, 1).json();
        assertThat(noticed.path("noticeNumber").asInt()).isEqualTo(1);
        assertThat(noticed.path("rectificationDueOn").asText()).isNotBlank();
        assertThat(LocalDate.parse(noticed.path("employerAnswerDueOn").asText()))
                .as("15 working days are at least three weeks").isAfterOrEqualTo(Hazards.daysAgo(10).plusDays(21));

        advance(steps, id, "employer-answer", Hazards.answer(9), 2, "RECTIFYING",
                "safety-hazard.employer-answer-recorded");
        advance(steps, id, "progress", Hazards.progress(8), 3, "RECTIFYING",
                "safety-hazard.rectification-progress-recorded");
        advance(steps, id, "rectification", Hazards.rectification(6, SHA256_PHOTO, SHA256_REPORT.toUpperCase()), 4,
                "RECTIFICATION_SUBMITTED", "safety-hazard.rectification-submitted");
        advance(steps, id, "verification", Hazards.failed(5, 40), 6, "RECTIFYING",
                "safety-hazard.rectification-verified", "safety-hazard.rectification-notice-reissued");

        JsonNode reissued = awaitHazard(id, 6).json();
        assertThat(reissued.path("noticeNumber").asInt()).isEqualTo(2);
        assertThat(reissued.path("notices")).hasSize(2);
        assertThat(reissued.path("notices").get(1).path("deadline").asText())
                .isEqualTo(Disputes.today().plusDays(40).toString());
        assertThat(reissued.path("rectificationDueOn").asText())
                .isEqualTo(reissued.path("notices").get(1).path("dueOn").asText());
        assertThat(reissued.path("notices").get(1).path("reissued").asBoolean()).isTrue();
        assertThat(reissued.path("notices").get(1).path("requirements").asText()).isEqualTo("拆除短接线, 控制柜上锁");
        JsonNode evidence = reissued.path("submissions").get(0).path("evidence");
        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(1).path("sha256").asText()).as("hashes are stored lower-case")
                .isEqualTo(SHA256_REPORT);
        assertThat(evidence.get(0).path("fileName").asText()).isEqualTo("evidence-1.jpg");
        assertThat(evidence.get(0).path("mediaType").asText()).isEqualTo("image/jpeg");
        assertThat(evidence.get(0).path("sizeBytes").asLong()).isEqualTo(480_001);

        advance(steps, id, "employer-answer", Hazards.answer(4), 7, "RECTIFYING",
                "safety-hazard.employer-answer-recorded");
        advance(steps, id, "rectification", Hazards.rectification(2, SHA256_REPORT), 8, "RECTIFICATION_SUBMITTED",
                "safety-hazard.rectification-submitted");
        advance(steps, id, "verification", Hazards.passed(0), 10, "CLOSED", "safety-hazard.rectification-verified",
                "safety-hazard.closed");

        JsonNode detail = awaitHazard(id, 10).json();
        assertThat(detail.path("closureReason").asText()).isEqualTo("RECTIFIED");
        assertThat(detail.path("closedOn").asText()).isEqualTo(Disputes.today().toString());
        assertThat(detail.path("verifications").findValues("outcome")).extracting(JsonNode::asText)
                .containsExactly("FAILED", "PASSED");
        assertThat(detail.path("progress")).hasSize(1);
        assertThat(detail.path("inspector").asText()).as("the reporting officer, from the session").isEqualTo(OFFICER_LI);
        assertThat(detail.path("organisation").asText()).isEqualTo("szftu/gusu");
        assertThat(detail.path("overdue").asBoolean()).isFalse();

        assertCompleteHistory(id, steps);
    }

    @Test
    void a_major_hazard_is_reported_to_both_listed_for_supervision_verified_and_closed_by_xiaohao() {
        List<Step> steps = new ArrayList<>();
        String id = reportAndAwait(steps, Hazards.report("MAJOR", Hazards.OTHER_CREDIT_CODE));
        JsonNode reported = awaitHazard(id, 0).json();
        assertThat(reported.path("severity").asText()).isEqualTo("MAJOR");
        assertThat(reported.path("reportsPending").asBoolean()).isTrue();

        advance(steps, id, "major-hazard-reports", Hazards.majorReport("WORK_SAFETY_AUTHORITY", 11), 1, "REPORTED",
                "safety-hazard.major-hazard-reported");
        advance(steps, id, "major-hazard-reports", Hazards.majorReport("WORKERS_CONGRESS", 11), 2, "REPORTED",
                "safety-hazard.major-hazard-reported");
        advance(steps, id, "listed-supervision", Hazards.listing(10), 3, "REPORTED",
                "safety-hazard.listed-for-supervision");
        advance(steps, id, "evacuation-recommendations", Hazards.evacuation(10), 4, "REPORTED",
                "safety-hazard.evacuation-recommended");
        advance(steps, id, "rectification-notice", Hazards.notice(10, 20), 5, "RECTIFYING",
                "safety-hazard.rectification-notice-issued");
        advance(steps, id, "rectification", Hazards.rectification(3, SHA256_PHOTO), 6, "RECTIFICATION_SUBMITTED",
                "safety-hazard.rectification-submitted");
        advance(steps, id, "verification", Hazards.passed(1), 7, "VERIFIED", "safety-hazard.rectification-verified");

        JsonNode verified = awaitHazard(id, 7).json();
        assertThat(verified.path("reportsPending").asBoolean()).isFalse();
        assertThat(verified.path("listedSupervision").path("lifted").asBoolean()).isFalse();
        assertThat(verified.path("majorHazardReports").findValues("recipient")).extracting(JsonNode::asText)
                .containsExactly("WORK_SAFETY_AUTHORITY", "WORKERS_CONGRESS");

        advance(steps, id, "closure", Hazards.closure("RECTIFIED", 0, "销号"), 8, "CLOSED", "safety-hazard.closed");
        JsonNode closed = awaitHazard(id, 8).json();
        assertThat(closed.path("closureReason").asText()).isEqualTo("RECTIFIED");
        assertThat(closed.path("closureNote").asText()).isEqualTo("销号");
        assertThat(closed.path("listedSupervision").path("lifted").asBoolean()).isTrue();
        assertThat(closed.path("evacuationRecommendations")).hasSize(1);

        assertCompleteHistory(id, steps);
    }

    @Test
    void a_notice_whose_deadlines_have_passed_is_escalated_by_the_system_and_listed_as_overdue() {
        ObjectNode body = Hazards.report().put("foundOn", Hazards.daysAgo(60).toString());
        String id = reportHazardId(body);
        advance(id, "rectification-notice", Hazards.notice(50, -35), 0);

        JsonNode history = awaitHazardHistory(id, 4);
        assertThat(eventTypes(history).subList(0, 2))
                .containsExactly("safety-hazard.reported", "safety-hazard.rectification-notice-issued");
        assertThat(eventTypes(history).subList(2, 4)).containsExactlyInAnyOrder(
                "safety-hazard.rectification-overdue", "safety-hazard.employer-answer-overdue");
        for (JsonNode escalation : List.of(history.get(2), history.get(3))) {
            assertThat(escalation.path("actor").asText()).as("%s", escalation).isEqualTo("system");
            assertThat(escalation.path("actorRole").asText()).as("%s", escalation).isEqualTo("SYSTEM");
            assertThat(escalation.path("clientAddress").isNull()).as("%s", escalation).isTrue();
            assertThat(escalation.path("causationId").asText()).isNotBlank();
        }
        JsonNode overdue = history.get(eventTypes(history).indexOf("safety-hazard.rectification-overdue"));
        assertThat(overdue.path("data").path("noticeNumber").asInt()).isEqualTo(1);
        assertThat(overdue.path("data").path("rectificationSubmitted").asBoolean()).isFalse();
        assertThat(overdue.path("data").path("caseNumber").asText()).startsWith("SH-");

        JsonNode detail = awaitHazard(id, 3).json();
        assertThat(detail.path("overdue").asBoolean()).isTrue();
        assertThat(detail.path("rectificationOverdue").asBoolean()).isTrue();
        assertThat(detail.path("employerAnswerOverdue").asBoolean()).isTrue();
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(listedIds(SUPERVISOR_WANG, "overdue=true"))
                .contains(id));
        assertThat(listedIds(OFFICER_LI, "overdue=false")).doesNotContain(id);

        // a late answer is still recorded, flagged late; the rectification stays overdue
        ApiResponse late = api.as(OFFICER_LI).ifMatch(3).post(path(id, "employer-answer"), Hazards.answer(1));
        assertThat(late.status()).as("%s", late).isEqualTo(200);
        JsonNode answered = awaitHazard(id, 4).json();
        assertThat(answered.path("employerAnswerOverdue").asBoolean()).isFalse();
        assertThat(answered.path("overdue").asBoolean()).isTrue();
        assertThat(awaitHazardHistory(id, 5).get(4).path("data").path("withinPeriod").asBoolean()).isFalse();
    }

    @Test
    void a_second_report_at_the_same_employer_names_the_open_first_one_as_a_possible_duplicate() {
        String creditCode = Disputes.creditCode("91320594MA2B3C4D5");
        JsonNode first = reportHazard(Hazards.report("GENERAL", creditCode));
        assertThat(first.path("possibleDuplicates")).isEmpty();

        JsonNode second = reportHazard(Hazards.report("MAJOR", creditCode));

        assertThat(second.path("possibleDuplicates")).hasSize(1);
        JsonNode duplicate = second.path("possibleDuplicates").get(0);
        assertThat(duplicate.path("caseId").asText()).isEqualTo(first.path("hazardId").asText());
        assertThat(duplicate.path("caseNumber").asText()).isEqualTo(first.path("caseNumber").asText());
        assertThat(duplicate.path("kind").asText()).isEqualTo("SAFETY_HAZARD");
        assertThat(duplicate.path("matchedOn").asText()).isEqualTo("employer");
        assertThat(second.path("caseNumber").asText()).matches("SH-" + Disputes.today().getYear() + "-\\d{6}")
                .isNotEqualTo(first.path("caseNumber").asText());
    }

    @Test
    void a_general_hazard_escalated_to_major_shows_in_the_major_list_with_its_reports_pending() {
        String id = reportHazardId(Hazards.report());
        advance(id, "major-escalation", Hazards.escalation(5), 0);

        JsonNode detail = awaitHazard(id, 1).json();
        assertThat(detail.path("severity").asText()).isEqualTo("MAJOR");
        assertThat(detail.path("escalatedToMajorOn").asText()).isEqualTo(Hazards.daysAgo(5).toString());
        assertThat(detail.path("reportsPending").asBoolean()).isTrue();
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(listedIds(OFFICER_LI, "severity=MAJOR")).contains(id));
        assertThat(listedIds(OFFICER_LI, "severity=GENERAL")).doesNotContain(id);
    }

    @Test
    void the_hazard_list_shows_each_officer_only_the_hazards_of_their_organisation_and_analysts_no_people() {
        String id = reportHazardId(Hazards.report());
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(listedIds(OFFICER_LI, "")).contains(id));
        assertThat(listedIds(SUPERVISOR_WANG, "")).as("szftu covers szftu/gusu").contains(id);
        assertThat(listedIds(OFFICER_CHEN, "")).as("szftu/kunshan does not").doesNotContain(id);
        assertThat(listedIds(ANALYST_ZHAO, "")).as("lists are the analysts' to read").contains(id);
        assertThat(listedIds(OFFICER_LI, "officer=officer.li&district=GUSU&status=REPORTED")).contains(id);
        assertThat(listedIds(OFFICER_LI, "officer=officer.chen")).doesNotContain(id);
    }

    @Test
    void a_hazard_is_linked_to_a_dispute_on_both_sides_and_found_by_its_case_number() {
        JsonNode hazard = reportHazard(Hazards.report());
        String hazardId = hazard.path("hazardId").asText();
        String disputeId = file(Disputes.filing()).path("disputeId").asText();

        ApiResponse found = api.as(OFFICER_LI).get("/api/cases/" + hazard.path("caseNumber").asText());
        assertThat(found.status()).as("%s", found).isEqualTo(200);
        assertThat(found.json().path("kind").asText()).isEqualTo("SAFETY_HAZARD");
        assertThat(found.json().path("detail").asText()).isEqualTo(path(hazardId));

        ApiResponse linked = api.as(OFFICER_LI).post("/api/cases/" + hazardId + "/links",
                Map.of("linkedCase", disputeId, "relation", "LED_TO", "note", "workers injured by the press"));
        assertThat(linked.status()).as("%s", linked).isEqualTo(201);

        JsonNode detail = awaitHazard(hazardId, 1).json();
        assertThat(detail.path("links")).hasSize(1);
        assertThat(detail.path("links").get(0).path("linkedCaseId").asText()).isEqualTo(disputeId);
        assertThat(detail.path("links").get(0).path("linkedKind").asText()).isEqualTo("LABOUR_DISPUTE");
        assertThat(detail.path("links").get(0).path("relation").asText()).isEqualTo("LED_TO");
        JsonNode disputeDetail = awaitDetail(disputeId, 1).json();
        assertThat(disputeDetail.path("links").get(0).path("linkedCaseId").asText()).isEqualTo(hazardId);
        assertThat(disputeDetail.path("links").get(0).path("relation").asText()).isEqualTo("AROSE_FROM");
        assertThat(eventTypes(awaitHazardHistory(hazardId, 2))).containsExactly("safety-hazard.reported",
                "case.linked");
    }

    // --- steps ---

    private String reportAndAwait(List<Step> steps, Object body) {
        ApiResponse response = api.as(OFFICER_LI).post(Hazards.PATH, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        String id = response.json().path("hazardId").asText();
        String caseNumber = response.json().path("caseNumber").asText();
        assertThat(response.header("Location")).endsWith(path(id));
        assertThat(response.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(caseNumber).matches("SH-" + Disputes.today().getYear() + "-\\d{6}");
        steps.add(new Step(List.of("safety-hazard.reported"), correlationIdOf(response)));

        ApiResponse detail = awaitHazard(id, 0);
        assertThat(detail.etagVersion()).isZero();
        assertThat(detail.json().path("status").asText()).isEqualTo("REPORTED");
        assertThat(detail.json().path("caseNumber").asText()).isEqualTo(caseNumber);
        return id;
    }

    private void advance(List<Step> steps, String id, String transition, Object body, long newVersion,
                         String expectedStatus, String... eventTypes) {
        long previous = steps.stream().mapToLong(step -> step.eventTypes().size()).sum() - 1;
        ApiResponse response = api.as(OFFICER_LI).ifMatch(previous).post(path(id, transition), body);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.etagVersion()).isEqualTo(newVersion);
        assertThat(response.json().path("version").asLong()).isEqualTo(newVersion);
        assertThat(response.json().path("hazardId").asText()).isEqualTo(id);
        steps.add(new Step(List.of(eventTypes), correlationIdOf(response)));

        ApiResponse detail = awaitHazard(id, newVersion);
        assertThat(detail.json().path("version").asLong()).isEqualTo(newVersion);
        assertThat(detail.etagVersion()).isEqualTo(newVersion);
        assertThat(detail.json().path("status").asText()).as("status after %s", transition).isEqualTo(expectedStatus);
    }

    private void assertCompleteHistory(String id, List<Step> steps) {
        List<String> expectedTypes = new ArrayList<>();
        List<String> expectedCorrelations = new ArrayList<>();
        for (Step step : steps) {
            expectedTypes.addAll(step.eventTypes());
            step.eventTypes().forEach(type -> expectedCorrelations.add(step.correlationId()));
        }
        JsonNode history = awaitHazardHistory(id, expectedTypes.size());
        assertThat(eventTypes(history)).containsExactlyElementsOf(expectedTypes);
        Set<String> causations = new HashSet<>();
        Instant previous = Instant.MIN;
        for (int i = 0; i < expectedTypes.size(); i++) {
            JsonNode entry = history.get(i);
            String where = "history entry " + i + " " + entry;
            assertThat(entry.path("sequence").asLong()).as(where).isEqualTo(i);
            assertThat(entry.path("actor").asText()).as(where).isEqualTo(OFFICER_LI);
            assertThat(entry.path("actorRole").asText()).as(where).isEqualTo("OFFICER");
            assertThat(entry.path("organisation").asText()).as(where).isEqualTo("szftu/gusu");
            assertThat(entry.path("clientAddress").asText()).as(where).isEqualTo("127.0.0.1");
            assertThat(entry.path("correlationId").asText()).as(where).isEqualTo(expectedCorrelations.get(i));
            causations.add(entry.path("causationId").asText());
            Instant at = Instant.parse(entry.path("occurredAt").asText());
            assertThat(at).as(where).isAfterOrEqualTo(previous);
            previous = at;
        }
        assertThat(causations).as("one causation (the command) per step").hasSize(steps.size());
    }

    private static String correlationIdOf(ApiResponse response) {
        String correlationId = response.header("X-Correlation-Id");
        assertThat(correlationId).as("every response carries a correlation id: %s", response).isNotBlank();
        return correlationId;
    }
}

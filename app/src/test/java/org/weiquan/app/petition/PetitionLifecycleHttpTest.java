package org.weiquan.app.petition;

import org.weiquan.app.support.Petitions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.Petitions.path;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Problems.assertProblem;
import static org.weiquan.app.support.Problems.errorFields;

/**
 * Petitions step by step over HTTP: each transition answers the new version (body and ETag), the
 * read side catches up to it, the history records every event in order with who did it, and the
 * deadlines of 《信访工作条例》 are Quartz jobs that transitions replace.
 */
class PetitionLifecycleHttpTest extends PetitionHttpTest {
    private static final String ASSIGNMENT = "petition-assignment-period";
    private static final String ACCEPTANCE_NOTICE = "petition-acceptance-notice-period";
    private static final String REPLY = "petition-reply-period";
    private static final String REVIEW_WINDOW = "petition-review-request-window";
    private static final String REVIEW_ANSWER = "petition-review-answer-period";
    private static final String REEXAMINATION_WINDOW = "petition-reexamination-request-window";
    private static final String REEXAMINATION_ANSWER = "petition-reexamination-answer-period";

    /** One step of a case: the event it stored and the conversation it belongs to. */
    private record Step(String eventType, String correlationId) {
    }

    @Test
    void a_petition_replied_to_reviewed_and_re_examined_ends_final_with_a_complete_audit_trail_and_deadlines() {
        List<Step> steps = new ArrayList<>();
        ObjectNode letter = Petitions.letter();
        letter.putArray("materials").add(Petitions.material("来信.pdf", Petitions.PLAIN_SHA, false));
        ApiResponse received = api.as(OFFICER_LI).post(Petitions.PATH, letter);
        assertThat(received.status()).as("%s", received).isEqualTo(201);
        String id = received.json().path("petitionId").asText();
        assertThat(received.json().path("caseNumber").asText()).matches("PT-" + Disputes.today().getYear() + "-\\d{6}");
        assertThat(received.header("Location")).endsWith(path(id));
        assertThat(received.header("Idempotent-Replayed")).isEqualTo("false");
        steps.add(new Step("petition.received", correlationIdOf(received)));
        steps.add(new Step("petition.material-added", correlationIdOf(received)));
        JsonNode receivedDetail = awaitStatus(id, 1, "RECEIVED");
        LocalDate assignmentDue = LocalDate.parse(receivedDetail.path("assignmentDueOn").asText());
        assertThat(receivedDetail.path("nextDeadline").asText()).isEqualTo(assignmentDue.toString());
        assertThat(deadlinesOf(id)).containsOnlyKeys(ASSIGNMENT);
        assertThat(deadlinesOf(id).get(ASSIGNMENT)).isEqualTo(midnightAfter(assignmentDue));

        step(steps, id, "registration", Petitions.registration(), 2, "REGISTERED", "petition.registered");
        step(steps, id, "assignment", Petitions.assignment(9), 3, "ASSIGNED", "petition.assigned");
        JsonNode assigned = awaitPetition(id, 3).json();
        assertThat(assigned.path("assignedWithinPeriod").asBoolean()).isTrue();
        assertThat(deadlinesOf(id)).as("the assignment deadline is replaced").containsOnlyKeys(ACCEPTANCE_NOTICE);
        assertThat(deadlinesOf(id).get(ACCEPTANCE_NOTICE))
                .isEqualTo(midnightAfter(LocalDate.parse(assigned.path("acceptanceNoticeDueOn").asText())));

        step(steps, id, "acceptance", Petitions.acceptance(8), 4, "ACCEPTED", "petition.accepted");
        assertThat(deadlinesOf(id)).containsOnlyKeys(REPLY);
        long replyDueBefore = deadlinesOf(id).get(REPLY);
        step(steps, id, "reply-extension", Petitions.extension(30), 5, "ACCEPTED", "petition.reply-period-extended");
        JsonNode extended = awaitPetition(id, 5).json();
        assertThat(extended.path("replyPeriodExtended").asBoolean()).isTrue();
        assertThat(deadlinesOf(id).get(REPLY)).isGreaterThan(replyDueBefore)
                .isEqualTo(midnightAfter(LocalDate.parse(extended.path("replyDueOn").asText())));

        step(steps, id, "reply", Petitions.reply(5), 6, "REPLIED", "petition.replied");
        assertThat(deadlinesOf(id)).as("the petitioner's review window").containsOnlyKeys(REVIEW_WINDOW);
        step(steps, id, "rating", Petitions.rating("DISSATISFIED", 5), 7, "REPLIED", "petition.rating-recorded");
        step(steps, id, "closure", Petitions.closure("RESOLVED"), 8, "CLOSED", "petition.closed");
        assertThat(deadlinesOf(id)).as("closing leaves the review window open").containsOnlyKeys(REVIEW_WINDOW);
        assertThat(registeredOpen(id)).as("closed on the command side in the closing command").isFalse();

        step(steps, id, "review-request", Petitions.reviewRequest(4), 9, "REVIEW_REQUESTED", "petition.review-requested");
        assertThat(deadlinesOf(id)).containsOnlyKeys(REVIEW_ANSWER);
        assertThat(registeredOpen(id)).as("a review asked for opens it again").isTrue();
        step(steps, id, "review-answer", Petitions.answer(3, "UPHELD"), 10, "REVIEW_ANSWERED",
                "petition.review-answered");
        assertThat(deadlinesOf(id)).containsOnlyKeys(REEXAMINATION_WINDOW);
        step(steps, id, "reexamination-request", Petitions.reexaminationRequest(2), 11, "REEXAMINATION_REQUESTED",
                "petition.reexamination-requested");
        assertThat(deadlinesOf(id)).containsOnlyKeys(REEXAMINATION_ANSWER);

        ApiResponse answered = advance(id, "reexamination-answer", Petitions.answer(1, "UPHELD"), 11);
        assertThat(answered.etagVersion()).as("the opinion and the claim's finality").isEqualTo(13);
        steps.add(new Step("petition.reexamination-answered", correlationIdOf(answered)));
        steps.add(new Step("petition.claim-became-final", correlationIdOf(answered)));
        assertThat(deadlinesOf(id)).as("nothing left to watch").isEmpty();
        step(steps, id, "closure", Petitions.closure("RESOLVED"), 14, "CLOSED", "petition.closed");
        assertThat(registeredOpen(id)).isFalse();

        JsonNode detail = awaitPetition(id, 14).json();
        assertThat(detail.path("claimFinal").asBoolean()).isTrue();
        assertThat(detail.path("finalityBasis").asText()).isEqualTo("REEXAMINED");
        assertThat(detail.path("closureReason").asText()).isEqualTo("RESOLVED");
        assertThat(detail.path("handlingUnit").asText()).isEqualTo("姑苏区平江街道总工会");
        assertThat(detail.path("handlingOfficer").asText()).isEqualTo("officer.zhou");
        assertThat(detail.path("ratings").get(0).path("stage").asText()).isEqualTo("REPLY");
        assertThat(detail.path("ratings").get(0).path("rating").asText()).isEqualTo("DISSATISFIED");
        assertThat(detail.path("review").path("decision").asText()).isEqualTo("UPHELD");
        assertThat(detail.path("reexamination").path("answeredOn").asText()).isEqualTo(Petitions.daysAgo(1).toString());
        assertThat(detail.path("materials")).hasSize(1);
        assertThat(detail.path("materials").get(0).path("sha256").asText()).isEqualTo(Petitions.PLAIN_SHA);
        assertThat(detail.path("petitioners").get(0).path("idNumber").asText()).isEqualTo(Petitions.idNumber(500));
        assertThat(detail.path("organisation").asText()).isEqualTo("szftu/gusu");
        assertThat(detail.path("officerInCharge").asText()).isEqualTo(OFFICER_LI);

        assertCompleteHistory(id, steps);
    }

    @Test
    void a_petition_not_accepted_is_told_so_and_closed_as_not_accepted() {
        String id = receive(Petitions.letter()).path("petitionId").asText();
        advance(id, "registration", Petitions.registration(), 0);
        advance(id, "assignment", Petitions.assignment(9), 1);
        advance(id, "non-acceptance", Petitions.nonAcceptance(), 2);
        assertThat(deadlinesOf(id)).isEmpty();
        advance(id, "closure", Petitions.closure("NOT_ACCEPTED"), 3);

        JsonNode detail = awaitStatus(id, 4, "CLOSED");
        assertThat(detail.path("notAcceptedReason").asText()).contains("不予受理");
        assertThat(detail.path("noticeWithinPeriod").asBoolean()).isTrue();
        assertThat(detail.path("closureReason").asText()).isEqualTo("NOT_ACCEPTED");
        assertThat(eventTypes(awaitPetitionHistory(id, 5))).containsExactly("petition.received", "petition.registered",
                "petition.assigned", "petition.not-accepted", "petition.closed");
    }

    @Test
    void a_unit_that_objects_to_its_competence_in_time_sends_the_petition_back_for_another_assignment() {
        String id = receive(Petitions.letter()).path("petitionId").asText();
        advance(id, "registration", Petitions.registration(), 0);
        advance(id, "assignment", Petitions.assignment(1), 1);
        advance(id, "competence-objection", Petitions.objection(), 2);

        JsonNode objected = awaitStatus(id, 3, "REGISTERED");
        assertThat(objected.path("competenceObjections").asInt()).isEqualTo(1);
        assertThat(objected.path("lastCompetenceObjection").asText()).startsWith("姑苏区平江街道总工会: ");
        assertThat(objected.path("handlingUnit").isNull()).isTrue();
        assertThat(deadlinesOf(id)).as("a new assignment period").containsOnlyKeys(ASSIGNMENT);

        ObjectNode forward = Petitions.assignment(0).put("routing", "FORWARDED").put("handlingUnit", "姑苏区人社局");
        forward.remove("handlingOfficer");
        advance(id, "assignment", forward, 3);
        JsonNode reassigned = awaitStatus(id, 4, "ASSIGNED");
        assertThat(reassigned.path("routing").asText()).isEqualTo("FORWARDED");
        assertThat(reassigned.path("handlingUnit").asText()).isEqualTo("姑苏区人社局");
    }

    @Test
    void a_visit_of_six_is_a_collective_visit_whose_alert_is_in_the_history_and_a_visit_of_four_is_not() {
        String collective = receive(Petitions.visit(6)).path("petitionId").asText();
        JsonNode detail = awaitPetition(collective, 1).json();
        assertThat(detail.path("collective").asBoolean()).isTrue();
        assertThat(detail.path("visitorCount").asInt()).isEqualTo(6);
        assertThat(detail.path("petitioners")).hasSize(2);
        JsonNode history = awaitPetitionHistory(collective, 2);
        assertThat(eventTypes(history)).containsExactly("petition.received", "petition.collective-visit-alert-raised");
        assertThat(history.get(1).path("data").path("visitorCount").asInt()).isEqualTo(6);
        assertThat(history.get(1).path("causationId").asText()).as("both caused by the one receive command")
                .isEqualTo(history.get(0).path("causationId").asText());

        String ordinary = receive(Petitions.visit(4)).path("petitionId").asText();
        JsonNode four = awaitPetition(ordinary, 0).json();
        assertThat(four.path("collective").asBoolean()).isFalse();
        assertThat(eventTypes(awaitPetitionHistory(ordinary, 1))).containsExactly("petition.received");
    }

    @Test
    void the_same_claim_of_the_same_petitioner_after_re_examination_is_refused_and_stores_nothing() {
        String earlier = receive(Petitions.letter(600)).path("petitionId").asText();
        String earlierNumber = awaitPetition(earlier, 0).json().path("caseNumber").asText();
        advance(earlier, "registration", Petitions.registration(), 0);
        advance(earlier, "assignment", Petitions.assignment(9), 1);
        advance(earlier, "acceptance", Petitions.acceptance(8), 2);
        advance(earlier, "reply", Petitions.reply(5), 3);
        ObjectNode again = Petitions.letter(600).put("earlierPetitionId", earlier);

        ApiResponse repeat = api.as(OFFICER_LI).post(Petitions.PATH, again);
        assertThat(repeat.status()).as("not final yet: a repeat petition is received %s", repeat).isEqualTo(201);
        JsonNode repeated = awaitPetition(repeat.json().path("petitionId").asText(), 0).json();
        assertThat(repeated.path("earlierPetitionId").asText()).isEqualTo(earlier);
        assertThat(repeated.path("earlierCaseNumber").asText()).isEqualTo(earlierNumber);

        advance(earlier, "review-request", Petitions.reviewRequest(4), 4);
        advance(earlier, "review-answer", Petitions.answer(3, "UPHELD"), 5);
        advance(earlier, "reexamination-request", Petitions.reexaminationRequest(2), 6);
        advance(earlier, "reexamination-answer", Petitions.answer(1, "UPHELD"), 7);
        awaitPetition(earlier, 9);

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Petitions.PATH,
                Petitions.letter(600).put("earlierPetitionId", earlier)), 409, "petition.claim-final");
        assertThat(problem.path("detail").asText()).contains(earlierNumber);

        ObjectNode somebodyElse = Petitions.letter(601).put("earlierPetitionId", earlier);
        assertThat(api.as(OFFICER_LI).post(Petitions.PATH, somebodyElse).status())
                .as("another petitioner's claim is not barred").isEqualTo(201);
    }

    @Test
    void an_earlier_petition_that_does_not_exist_or_is_not_visible_is_refused_with_400_naming_the_field() {
        String kunshans = receiveAs(OFFICER_CHEN, Petitions.letterAtKunshan()).path("petitionId").asText();
        for (String earlier : List.of(kunshans, "4b1e8c52-6f0a-4d7e-9b3c-2a1f0e9d8c7b")) {
            JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Petitions.PATH,
                    Petitions.letter().put("earlierPetitionId", earlier)), 400, "petition.unknown-earlier-petition");
            assertThat(errorFields(problem)).containsExactly("earlierPetitionId");
        }
    }

    @Test
    void an_assignment_period_that_ended_while_nobody_assigned_the_petition_makes_it_overdue_by_the_system() {
        ObjectNode late = Petitions.letter().put("receivedOn", Petitions.daysAgo(25).toString());
        String id = receive(late).path("petitionId").asText();

        JsonNode overdue = awaitPetition(id, 1).json();
        assertThat(overdue.path("assignmentOverdue").asBoolean()).isTrue();
        assertThat(overdue.path("overdue").asBoolean()).isTrue();
        JsonNode history = awaitPetitionHistory(id, 2);
        assertThat(eventTypes(history)).containsExactly("petition.received", "petition.assignment-overdue");
        assertThat(history.get(1).path("actor").asText()).isEqualTo("system");
        assertThat(history.get(1).path("actorRole").asText()).isEqualTo("SYSTEM");
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(listed(OFFICER_LI, "?overdue=true")).contains(id));

        advance(id, "registration", Petitions.registration().put("registeredOn", Petitions.daysAgo(25).toString()), 1);
        advance(id, "assignment", Petitions.assignment(0), 2);
        JsonNode assigned = awaitPetition(id, 3).json();
        assertThat(assigned.path("assignedWithinPeriod").asBoolean()).as("assigned late").isFalse();
        assertThat(assigned.path("overdue").asBoolean()).as("the acceptance notice is not due yet").isFalse();
    }

    @Test
    void the_petition_list_shows_each_officer_only_the_petitions_of_their_organisation_with_names_masked() {
        String id = receive(Petitions.letter()).path("petitionId").asText();
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(listed(OFFICER_LI, "")).contains(id));
        assertThat(listed(SUPERVISOR_WANG, "")).as("szftu covers szftu/gusu").contains(id);
        assertThat(listed(OFFICER_CHEN, "")).as("szftu/kunshan does not").doesNotContain(id);
        assertThat(listed(OFFICER_LI, "?channel=LETTER&status=RECEIVED")).contains(id);
        assertThat(listed(OFFICER_LI, "?channel=VISIT")).doesNotContain(id);

        JsonNode row = null;
        for (JsonNode item : api.as(ANALYST_ZHAO).get(Petitions.PATH + "?size=200").json().path("items")) {
            if (item.path("petitionId").asText().equals(id)) row = item;
        }
        assertThat(row).as("analysts read lists").isNotNull();
        assertThat(row.path("leadPetitionerMasked").isNull()).as("analysts see no name at all").isTrue();
        assertThat(row.path("officerInCharge").asText()).startsWith("staff-");
        assertThat(api.as(OFFICER_LI).get(Petitions.PATH + "?size=200").json().path("items").findValues("leadPetitionerMasked")
                .stream().map(JsonNode::asText)).contains("王**");
        assertThat(row.toString()).doesNotContain("王信访").doesNotContain(Petitions.idNumber(500));
    }

    @Test
    void a_petition_linked_to_a_dispute_shows_the_link_on_both_sides() {
        String petition = receive(Petitions.letter()).path("petitionId").asText();
        String dispute = file(Disputes.filing()).path("disputeId").asText();
        awaitPetition(petition, 0);

        ApiResponse linked = api.as(OFFICER_LI).post("/api/cases/" + petition + "/links",
                Map.of("linkedCase", dispute, "relation", "RELATED", "note", "信访背后的劳动争议"));
        assertThat(linked.status()).as("%s", linked).isEqualTo(201);

        JsonNode detail = awaitPetition(petition, 1).json();
        assertThat(detail.path("links")).hasSize(1);
        assertThat(detail.path("links").get(0).path("linkedCaseId").asText()).isEqualTo(dispute);
        assertThat(detail.path("links").get(0).path("linkedKind").asText()).isEqualTo("LABOUR_DISPUTE");
        assertThat(awaitDetail(dispute, 1).json().path("links").get(0).path("linkedKind").asText())
                .isEqualTo("PETITION");
        assertThat(eventTypes(awaitPetitionHistory(petition, 2))).containsExactly("petition.received", "case.linked");
    }

    @Test
    void a_refused_transition_schedules_and_cancels_no_deadline() {
        String id = receive(Petitions.letter()).path("petitionId").asText();
        awaitPetition(id, 0);
        long jobs = allJobs();

        assertProblem(api.as(OFFICER_LI).ifMatch(0).post(path(id, "reply"), Petitions.reply(5)), 409,
                "petition.illegal-transition");
        assertProblem(api.as(OFFICER_LI).ifMatch(0).post(path(id, "registration"),
                Petitions.registration().put("registeredOn", Petitions.daysAgo(11).toString())), 400,
                "petition.date-too-early");

        assertThat(allJobs()).isEqualTo(jobs);
        assertThat(deadlinesOf(id)).containsOnlyKeys(ASSIGNMENT);
    }

    // --- helpers ---

    private void step(List<Step> steps, String id, String transition, Object body, long newVersion, String status,
                      String eventType) {
        ApiResponse response = advance(id, transition, body, newVersion - 1);
        assertThat(response.etagVersion()).isEqualTo(newVersion);
        assertThat(response.json().path("version").asLong()).isEqualTo(newVersion);
        steps.add(new Step(eventType, correlationIdOf(response)));
        awaitStatus(id, newVersion, status);
    }

    /** Waits for the read side to reach the version, then checks its detail and ETag say exactly that. */
    private JsonNode awaitStatus(String id, long version, String status) {
        ApiResponse detail = awaitPetition(id, version);
        assertThat(detail.json().path("version").asLong()).isEqualTo(version);
        assertThat(detail.etagVersion()).isEqualTo(version);
        assertThat(detail.json().path("status").asText()).isEqualTo(status);
        return detail.json();
    }

    private void assertCompleteHistory(String id, List<Step> steps) {
        JsonNode history = awaitPetitionHistory(id, steps.size());
        assertThat(eventTypes(history)).containsExactlyElementsOf(steps.stream().map(Step::eventType).toList());
        Set<String> causations = new HashSet<>();
        Instant previous = Instant.MIN;
        String previousCausation = null;
        for (int i = 0; i < steps.size(); i++) {
            JsonNode entry = history.get(i);
            String where = "history entry " + i + " " + entry;
            assertThat(entry.path("sequence").asLong()).as(where).isEqualTo(i);
            assertThat(entry.path("actor").asText()).as(where).isEqualTo(OFFICER_LI);
            assertThat(entry.path("actorRole").asText()).as(where).isEqualTo("OFFICER");
            assertThat(entry.path("organisation").asText()).as(where).isEqualTo("szftu/gusu");
            assertThat(entry.path("clientAddress").asText()).as(where).isEqualTo("127.0.0.1");
            assertThat(entry.path("correlationId").asText()).as(where).isEqualTo(steps.get(i).correlationId());
            String causation = entry.path("causationId").asText();
            assertThat(causation).as(where).isNotBlank().isNotEqualTo(entry.path("correlationId").asText());
            boolean sameCommand = i > 0 && steps.get(i).correlationId().equals(steps.get(i - 1).correlationId());
            if (sameCommand) {
                assertThat(causation).as("one command, one cause: " + where).isEqualTo(previousCausation);
            } else {
                assertThat(causations.add(causation)).as("each step is its own command: " + where).isTrue();
            }
            previousCausation = causation;
            Instant at = Instant.parse(entry.path("occurredAt").asText());
            assertThat(at).as(where).isAfterOrEqualTo(previous);
            previous = at;
        }
    }

    private List<String> listed(String user, String query) {
        ApiResponse page = api.as(user).get(Petitions.PATH + (query.isEmpty() ? "?size=200" : query + "&size=200"));
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json().path("items").findValues("petitionId").stream().map(JsonNode::asText).toList();
    }

    private static String correlationIdOf(ApiResponse response) {
        String correlationId = response.header("X-Correlation-Id");
        assertThat(correlationId).as("every response carries a correlation id: %s", response).isNotBlank();
        return correlationId;
    }

    /** The petition's scheduled deadlines: name (Quartz job group) to next fire time in epoch millis. */
    private Map<String, Long> deadlinesOf(String petitionId) {
        byte[] id = petitionId.getBytes(StandardCharsets.UTF_8);
        Map<String, Long> deadlines = new TreeMap<>();
        jdbc.query("SELECT j.JOB_GROUP, j.JOB_DATA, t.NEXT_FIRE_TIME FROM QRTZ_JOB_DETAILS j JOIN QRTZ_TRIGGERS t"
                + " ON t.SCHED_NAME = j.SCHED_NAME AND t.JOB_NAME = j.JOB_NAME AND t.JOB_GROUP = j.JOB_GROUP", rs -> {
            if (contains(rs.getBytes("JOB_DATA"), id)) {
                Long previous = deadlines.put(rs.getString("JOB_GROUP"), rs.getLong("NEXT_FIRE_TIME"));
                assertThat(previous).as("one job per deadline").isNull();
            }
        });
        return deadlines;
    }

    private long allJobs() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS", Long.class);
    }

    private static long midnightAfter(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(Disputes.CHINA).toInstant().toEpochMilli();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (haystack == null) return false;
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}

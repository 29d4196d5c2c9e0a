package org.weiquan.app.legalaid;

import org.weiquan.app.support.LegalAidCases;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.weiquan.app.support.Disputes;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.legalaid.LegalAidPolicy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.LegalAidCases.daysAgo;
import static org.weiquan.app.support.LegalAidCases.path;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * The legal-aid deadlines are Quartz jobs in the application database, scheduled and cancelled in the
 * transaction of the events that call for them; one that has passed fires and is recorded by "system".
 */
class LegalAidDeadlinesHttpTest extends LegalAidHttpTest {
    private static final String DECISION = "legal-aid-decision-period";
    private static final String SUPPLY = "legal-aid-materials-supply-period";
    private static final String LAWYER = "legal-aid-lawyer-assignment-period";
    private static final String REVIEW = "legal-aid-objection-review-period";

    @Autowired
    private LegalAidPolicy policy;

    @Autowired
    private DeadlineCalculator calculator;

    @Test
    void without_configuration_the_policy_has_the_periods_of_the_law_on_the_shipped_holiday_calendar() {
        assertThat(policy).isEqualTo(LegalAidPolicy.statutory(calculator));
    }

    @Test
    void the_notice_stops_the_decision_deadline_and_the_materials_resume_it_later_than_before() {
        String id = applied(LegalAidCases.application(300));
        LocalDate decisionDueOn = LocalDate.parse(awaitCase(id, 0).json().path("decisionDueOn").asText());
        assertThat(deadlinesOf(id)).containsOnlyKeys(DECISION);
        assertThat(deadlinesOf(id).get(DECISION)).as("midnight in China after the last day")
                .isEqualTo(midnightAfter(decisionDueOn));

        advance(id, "materials-request", LegalAidCases.materialsRequest("工资条"), 0);
        assertThat(deadlinesOf(id)).as("the decision period does not run").containsOnlyKeys(SUPPLY);
        assertThat(deadlinesOf(id).get(SUPPLY)).isEqualTo(midnightAfter(LegalAidCases.today().plusDays(10)));

        advance(id, "materials-received", LegalAidCases.materialsReceived(), 1);
        LocalDate resumedDueOn = LocalDate.parse(awaitCase(id, 2).json().path("decisionDueOn").asText());
        assertThat(resumedDueOn).isAfter(decisionDueOn);
        assertThat(deadlinesOf(id)).containsOnlyKeys(DECISION);
        assertThat(deadlinesOf(id).get(DECISION)).isEqualTo(midnightAfter(resumedDueOn));

        advance(id, "approval", LegalAidCases.approval(true), 2);
        assertThat(deadlinesOf(id)).containsOnlyKeys(LAWYER);
        advance(id, "lawyer", LegalAidCases.lawyer("lawyer.zhou"), 3);
        assertThat(deadlinesOf(id)).as("a lawyer acts: nothing left to watch").isEmpty();
    }

    @Test
    void an_objection_schedules_its_review_deadline_and_the_review_ends_it() {
        String id = applied(LegalAidCases.application(301));
        advance(id, "rejection", LegalAidCases.rejection(), 0);
        assertThat(deadlinesOf(id)).isEmpty();
        advance(id, "objection", LegalAidCases.objection(), 1);
        LocalDate reviewDueOn = LocalDate.parse(awaitCase(id, 2).json().path("objection").path("reviewDueOn").asText());
        assertThat(deadlinesOf(id)).containsOnlyKeys(REVIEW);
        assertThat(deadlinesOf(id).get(REVIEW)).isEqualTo(midnightAfter(reviewDueOn));
        advance(id, "objection-review", LegalAidCases.objectionReview("DISMISSED"), 2);
        assertThat(deadlinesOf(id)).isEmpty();
    }

    @Test
    void a_refused_transition_schedules_and_cancels_nothing() {
        String id = applied(LegalAidCases.application(302));
        long jobs = allJobs();
        assertProblem(api.as(OFFICER_LI).ifMatch(0).post(path(id, "urgent-aid"), LegalAidCases.urgentAid(8)), 400,
                "legal-aid.not-urgent");
        assertProblem(api.as(OFFICER_LI).ifMatch(0).post(path(id, "approval"), LegalAidCases.approval(false)), 400,
                "legal-aid.means-test-required");
        assertProblem(api.as(OFFICER_LI).ifMatch(0).post(path(id, "materials-received"),
                LegalAidCases.materialsReceived()), 409, "legal-aid.illegal-transition");
        assertThat(allJobs()).isEqualTo(jobs);
        assertThat(deadlinesOf(id)).containsOnlyKeys(DECISION);
    }

    @Test
    void a_decision_period_that_has_already_run_out_fires_and_the_case_shows_overdue_recorded_by_system() {
        // applied a month ago: the deadline lies in the past and fires within seconds
        String id = applied(LegalAidCases.application(303).put("appliedOn", daysAgo(30).toString()));

        JsonNode overdue = awaitCase(OFFICER_LI, id, d -> d.path("decisionOverdue").asBoolean(), "decision overdue")
                .json();
        assertThat(overdue.path("overdue").asBoolean()).isTrue();
        assertThat(overdue.path("status").asText()).isEqualTo("APPLIED");
        JsonNode history = awaitCaseHistory(id, 2);
        assertThat(eventTypes(history)).containsExactly("legal-aid.applied", "legal-aid.decision-overdue");
        assertThat(history.get(1).path("actor").asText()).isEqualTo("system");
        assertThat(history.get(1).path("actorRole").asText()).isEqualTo("SYSTEM");
        assertThat(history.get(1).path("data").path("dueOn").asText()).isEqualTo(overdue.path("decisionDueOn").asText());

        advance(id, "approval", LegalAidCases.approval(true), 1);
        JsonNode approved = awaitCase(id, 2).json();
        assertThat(approved.path("overdue").asBoolean()).isFalse();
        assertThat(approved.path("decision").path("withinPeriod").asBoolean()).isFalse();
    }

    // --- helpers ---

    /** The case's scheduled deadlines: name (Quartz job group) to next fire time in epoch millis. */
    private Map<String, Long> deadlinesOf(String caseId) {
        byte[] id = caseId.getBytes(StandardCharsets.UTF_8);
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

package org.weiquan.app.hazard;

import org.junit.jupiter.api.Test;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.Hazards;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Hazards.SHA256_PHOTO;
import static org.weiquan.app.support.Hazards.path;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * A notice's deadlines are Quartz jobs in the application database (they outlive the process),
 * scheduled and cancelled in the same transaction as the events that call for them.
 */
class HazardDeadlineSchedulingHttpTest extends HazardHttpTest {
    private static final String RECTIFICATION = "rectification-deadline";
    private static final String ANSWER = "employer-answer-period";

    @Test
    void a_notice_schedules_its_deadline_and_answer_period_and_the_answer_cancels_the_latter() {
        String id = reportHazardId(Hazards.report());
        assertThat(deadlinesOf(id)).as("the law sets no deadline before the notice").isEmpty();

        advance(id, "rectification-notice", Hazards.notice(2, 30), 0);
        var detail = awaitHazard(id, 1).json();
        LocalDate dueOn = LocalDate.parse(detail.path("rectificationDueOn").asText());
        LocalDate answerDueOn = LocalDate.parse(detail.path("employerAnswerDueOn").asText());
        assertThat(deadlinesOf(id)).containsOnlyKeys(RECTIFICATION, ANSWER);
        assertThat(deadlinesOf(id).get(RECTIFICATION)).as("fires at midnight in China after the last day")
                .isEqualTo(midnightAfter(dueOn));
        assertThat(deadlinesOf(id).get(ANSWER)).isEqualTo(midnightAfter(answerDueOn));

        advance(id, "employer-answer", Hazards.answer(1), 1);
        assertThat(deadlinesOf(id)).containsOnlyKeys(RECTIFICATION);
    }

    @Test
    void a_failed_verification_replaces_the_deadlines_by_the_reissued_notice_s_and_a_pass_ends_them() {
        String id = reportHazardId(Hazards.report());
        advance(id, "rectification-notice", Hazards.notice(5, 30), 0);
        advance(id, "rectification", Hazards.rectification(3, SHA256_PHOTO), 1);
        assertThat(deadlinesOf(id)).as("the submission answers the notice").containsOnlyKeys(RECTIFICATION);
        long firstDeadline = deadlinesOf(id).get(RECTIFICATION);

        advance(id, "verification", Hazards.failed(2, 60), 2);
        LocalDate reissuedDueOn = LocalDate.parse(awaitHazard(id, 4).json().path("rectificationDueOn").asText());
        assertThat(deadlinesOf(id)).containsOnlyKeys(RECTIFICATION, ANSWER);
        assertThat(deadlinesOf(id).get(RECTIFICATION)).isGreaterThan(firstDeadline)
                .isEqualTo(midnightAfter(reissuedDueOn));

        advance(id, "rectification", Hazards.rectification(1, Hazards.SHA256_REPORT), 4);
        advance(id, "verification", Hazards.passed(0), 5);
        assertThat(deadlinesOf(id)).as("rectified: nothing left to watch").isEmpty();
    }

    @Test
    void a_refused_command_schedules_and_cancels_nothing() {
        String id = reportHazardId(Hazards.report());
        advance(id, "rectification-notice", Hazards.notice(2, 30), 0);
        long jobs = allJobs();

        assertProblem(api.as(OFFICER_LI).ifMatch(1).post(path(id, "verification"), Hazards.failed(1, 20)), 409,
                "hazard.illegal-transition");
        assertProblem(api.as(OFFICER_LI).ifMatch(1).post(path(id, "closure"),
                Hazards.closure("EMPLOYER_CEASED_OPERATIONS", 0, " ")), 400, "hazard.missing-field");
        assertProblem(api.as(OFFICER_LI).ifMatch(0).post(path(id, "employer-answer"), Hazards.answer(1)), 409,
                "stale-version");

        assertThat(allJobs()).isEqualTo(jobs);
        assertThat(deadlinesOf(id)).containsOnlyKeys(RECTIFICATION, ANSWER);
    }

    @Test
    void closing_a_hazard_under_notice_cancels_its_deadlines() {
        String id = reportHazardId(Hazards.report());
        advance(id, "rectification-notice", Hazards.notice(2, 30), 0);

        advance(id, "closure", Hazards.closure("EMPLOYER_CEASED_OPERATIONS", 0, "企业已关闭"), 1);

        assertThat(deadlinesOf(id)).isEmpty();
    }

    // --- helpers ---

    /** The hazard's scheduled deadlines: name (Quartz job group) to next fire time in epoch millis. */
    private Map<String, Long> deadlinesOf(String hazardId) {
        byte[] id = hazardId.getBytes(StandardCharsets.UTF_8);
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

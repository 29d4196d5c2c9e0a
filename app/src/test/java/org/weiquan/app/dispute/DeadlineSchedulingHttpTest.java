package org.weiquan.app.dispute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Disputes.path;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * Legal deadlines are Quartz jobs in the application database (they outlive the process), scheduled
 * and cancelled in the same transaction as the events that call for them.
 */
class DeadlineSchedulingHttpTest extends HttpIntegrationTest {
    private static final String MEDIATION = "mediation-period";
    private static final String PAYMENT = "settlement-payment-due";
    private static final String ARBITRATION_ACCEPTANCE = "arbitration-acceptance-period";
    private static final String ARBITRATION_AWARD = "arbitration-award-period";

    @Test
    void filing_stores_the_mediation_deadline_and_a_settlement_replaces_it_with_the_payment_deadline() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        LocalDate mediationDueOn = LocalDate.parse(awaitDetail(id, 0).json().path("mediationDueOn").asText());
        assertThat(deadlinesOf(id)).containsOnlyKeys(MEDIATION);
        assertThat(deadlinesOf(id).get(MEDIATION)).as("fires at midnight in China after the last day")
                .isEqualTo(midnightAfter(mediationDueOn));

        advance(id, "acceptance", Disputes.acceptance(), 0);
        advance(id, "mediator", Disputes.mediator("mediator.sun"), 1);
        advance(id, "mediation-sessions", Disputes.session(3, "第一次调解"), 2);
        assertThat(deadlinesOf(id)).containsOnlyKeys(MEDIATION);

        advance(id, "settlement", Disputes.settlement("8000.00"), 3);
        LocalDate paymentDueOn = LocalDate.parse(awaitDetail(id, 4).json().path("paymentDueOn").asText());
        assertThat(deadlinesOf(id)).as("the mediation deadline is cancelled").containsOnlyKeys(PAYMENT);
        assertThat(deadlinesOf(id).get(PAYMENT)).isEqualTo(midnightAfter(paymentDueOn));

        advance(id, "payments", Disputes.payment("8000.00"), 4);
        assertThat(deadlinesOf(id)).as("paid in full: nothing left to watch").isEmpty();
    }

    @Test
    void arbitration_replaces_each_deadline_by_the_next_and_the_award_ends_them() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        advance(id, "acceptance", Disputes.acceptance(), 0);
        advance(id, "mediation-failure", Disputes.mediationFailure(), 1);
        assertThat(deadlinesOf(id)).isEmpty();

        advance(id, "arbitration-referral", Disputes.arbitrationReferral(), 2);
        assertThat(deadlinesOf(id)).containsOnlyKeys(ARBITRATION_ACCEPTANCE);
        advance(id, "arbitration-acceptance", Disputes.arbitrationAcceptance(), 3);
        assertThat(deadlinesOf(id)).containsOnlyKeys(ARBITRATION_AWARD);
        long dueBefore = deadlinesOf(id).get(ARBITRATION_AWARD);
        advance(id, "arbitration-extension", Disputes.arbitrationExtension(15), 4);
        assertThat(deadlinesOf(id)).containsOnlyKeys(ARBITRATION_AWARD);
        LocalDate awardDueOn = LocalDate.parse(awaitDetail(id, 5).json().path("awardDueOn").asText());
        assertThat(deadlinesOf(id).get(ARBITRATION_AWARD)).isGreaterThan(dueBefore)
                .isEqualTo(midnightAfter(awardDueOn));
        advance(id, "arbitration-award", Disputes.arbitrationAward("6000.00"), 5);
        assertThat(deadlinesOf(id)).isEmpty();
    }

    @Test
    void a_refused_filing_or_transition_schedules_and_cancels_nothing() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        long jobs = allJobs();

        ObjectNode sameWorkerTwice = Disputes.filing(2);
        ((ObjectNode) sameWorkerTwice.withArray("workers").get(1)).put("idNumber", Disputes.idNumber(1));
        assertProblem(api.as(OFFICER_LI).post(Disputes.PATH, sameWorkerTwice), 400, "dispute.duplicate-worker");
        assertProblem(api.as(OFFICER_LI).ifMatch(0).post(path(id, "mediation-failure"),
                Disputes.mediationFailure().put("reason", " ")), 400, "validation-failed");
        assertProblem(api.as(OFFICER_LI).ifMatch(0).post(path(id, "arbitration-referral"),
                Disputes.arbitrationReferral()), 409, "dispute.mediation-not-over");

        assertThat(allJobs()).isEqualTo(jobs);
        assertThat(deadlinesOf(id)).containsOnlyKeys(MEDIATION);
    }

    // --- helpers ---

    private void advance(String id, String transition, Object body, long version) {
        ApiResponse response = api.as(OFFICER_LI).ifMatch(version).post(path(id, transition), body);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    /** The dispute's scheduled deadlines: name (Quartz job group) to next fire time in epoch millis. */
    private Map<String, Long> deadlinesOf(String disputeId) {
        byte[] id = disputeId.getBytes(StandardCharsets.UTF_8);
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

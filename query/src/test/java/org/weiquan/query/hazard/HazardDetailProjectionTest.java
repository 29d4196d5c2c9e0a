package org.weiquan.query.hazard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLink;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.hazard.HazardClosureReason;
import org.weiquan.api.hazard.HazardDetail;
import org.weiquan.api.hazard.HazardDetail.Evacuation;
import org.weiquan.api.hazard.HazardDetail.ListedSupervision;
import org.weiquan.api.hazard.HazardDetail.MajorHazardReport;
import org.weiquan.api.hazard.HazardDetail.Notice;
import org.weiquan.api.hazard.HazardDetail.ProgressEntry;
import org.weiquan.api.hazard.HazardDetail.Submission;
import org.weiquan.api.hazard.HazardDetail.Verification;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.api.hazard.HazardQueries.FindHazardQuery;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.HazardStatus;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.api.hazard.VerificationOutcome;
import org.weiquan.query.support.HazardLog;
import org.weiquan.query.support.HazardLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.api.hazard.ReportRecipient.WORKERS_CONGRESS;
import static org.weiquan.api.hazard.ReportRecipient.WORK_SAFETY_AUTHORITY;
import static org.weiquan.query.hazard.HazardEvents.ANSWER_DUE_ON;
import static org.weiquan.query.hazard.HazardEvents.DUE_ON;
import static org.weiquan.query.hazard.HazardEvents.ISSUED_ON;
import static org.weiquan.query.hazard.HazardEvents.PHOTO;
import static org.weiquan.query.hazard.HazardEvents.REISSUED_ANSWER_DUE_ON;
import static org.weiquan.query.hazard.HazardEvents.REISSUED_DUE_ON;
import static org.weiquan.query.hazard.HazardEvents.VERIFIED_ON;
import static org.weiquan.query.support.HazardLog.newId;
import static org.weiquan.query.support.HazardLog.report;

class HazardDetailProjectionTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00.123456Z");
    private static final String PETITION = "0b7e9c3d-5a1f-4c2e-9d8b-6f4a2e1c7b90";

    private ReadModelDatabase database;
    private HazardDetailProjection projection;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        projection = new HazardDetailProjection(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private void deliver(Recorded recorded) {
        if (recorded.payload() instanceof SafetyHazardEvent event) {
            projection.on(event, recorded.sequence(), recorded.at());
        } else {
            projection.on((CaseLinkedEvent) recorded.payload(), recorded.sequence(), recorded.at());
        }
    }

    private HazardDetail find(HazardId id) {
        return projection.handle(new FindHazardQuery(id));
    }

    private List<Map<String, Object>> rows() {
        return database.jdbc().queryForList("SELECT * FROM hazard_detail ORDER BY hazard_id");
    }

    /** A general hazard whose first rectification failed, reissued, rectified again and verified. */
    private static HazardLog rectifiedAtTheSecondAttempt(HazardId id) {
        HazardLog log = HazardLog.of(id, START);
        return log.append(
                report(id).build(),
                HazardEvents.notice(id),
                HazardEvents.answerOverdue(id),
                HazardEvents.answer(id, 1, LocalDate.of(2026, 3, 25), false),
                HazardEvents.progress(id, 1),
                HazardEvents.submitted(id, 1, LocalDate.of(2026, 3, 26), true),
                HazardEvents.verified(id, 1, VerificationOutcome.FAILED),
                HazardEvents.reissued(id),
                HazardEvents.submitted(id, 2, LocalDate.of(2026, 4, 28), true),
                HazardEvents.overdue(id, "SH-2026-000001", 2, REISSUED_DUE_ON, true),
                new SafetyHazardEvent.RectificationVerifiedEvent(id, 2, LocalDate.of(2026, 5, 6),
                        VerificationOutcome.PASSED, "guard works", false),
                HazardEvents.closed(id, HazardClosureReason.RECTIFIED, LocalDate.of(2026, 5, 6), false),
                log.link(PETITION, CaseKind.PETITION, "PT-2026-000031", LinkRelation.AROSE_FROM));
    }

    @Test
    void the_detail_holds_every_notice_answer_submission_and_verification_of_a_hazard() {
        HazardId id = newId();
        HazardLog log = rectifiedAtTheSecondAttempt(id).deliverTo(this::deliver);

        HazardDetail detail = find(id);

        assertThat(detail.hazardId()).isEqualTo(id.toString());
        assertThat(detail.caseNumber()).isEqualTo("SH-2026-000001");
        assertThat(detail.status()).isEqualTo(HazardStatus.CLOSED);
        assertThat(detail.version()).isEqualTo(12L).isEqualTo(log.last().sequence());
        assertThat(detail.organisation()).isEqualTo("szftu/gusu");
        assertThat(detail.district()).isEqualTo("GUSU");
        assertThat(detail.severity()).isEqualTo(HazardSeverity.GENERAL);
        assertThat(detail.employer()).isEqualTo(new Employer("苏州某某机械有限公司", "91320508MA1XXXXX0X"));
        assertThat(detail.location()).isEqualTo("三号车间冲压线");
        assertThat(detail.description()).isEqualTo("冲床光电保护装置失效");
        assertThat(detail.foundOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(detail.inspector()).isEqualTo("officer.li");
        assertThat(detail.noticeNumber()).isEqualTo(2);
        assertThat(detail.rectificationDueOn()).isEqualTo(REISSUED_DUE_ON);
        assertThat(detail.employerAnswerDueOn()).isEqualTo(REISSUED_ANSWER_DUE_ON);
        assertThat(detail.notices()).containsExactly(
                new Notice(1, false, ISSUED_ON, DUE_ON, DUE_ON, ANSWER_DUE_ON, "恢复防护装置",
                        LocalDate.of(2026, 3, 25), "will refit by 03-20", true, false),
                new Notice(2, true, VERIFIED_ON, REISSUED_DUE_ON, REISSUED_DUE_ON, REISSUED_ANSWER_DUE_ON,
                        "remove the bypass", null, null, false, true));
        assertThat(detail.progress()).containsExactly(
                new ProgressEntry(1, 1, LocalDate.of(2026, 3, 16), "parts ordered"));
        assertThat(detail.submissions()).containsExactly(
                new Submission(1, LocalDate.of(2026, 3, 26), "refitted", List.of(PHOTO), true),
                new Submission(2, LocalDate.of(2026, 4, 28), "refitted", List.of(PHOTO), true));
        assertThat(detail.verifications()).containsExactly(
                new Verification(1, VERIFIED_ON, VerificationOutcome.FAILED, "guard bypassed", true),
                new Verification(2, LocalDate.of(2026, 5, 6), VerificationOutcome.PASSED, "guard works", false));
        assertThat(detail.closureReason()).isEqualTo(HazardClosureReason.RECTIFIED);
        assertThat(detail.closedOn()).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(detail.overdue()).as("closed").isFalse();
        assertThat(detail.reportsPending()).isFalse();
        assertThat(detail.links()).containsExactly(new CaseLink(PETITION, CaseKind.PETITION, "PT-2026-000031",
                LinkRelation.AROSE_FROM, "note"));
        assertThat(detail.reportedAt()).isEqualTo(log.event(0).at());
        assertThat(detail.lastChangedAt()).isEqualTo(log.last().at());

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.get("HAZARD_ID")).isEqualTo(id.toString());
            assertThat(row.get("CASE_NUMBER")).isEqualTo("SH-2026-000001");
            assertThat(row.get("LAST_SEQUENCE")).isEqualTo(12L);
        });
    }

    @Test
    void the_detail_of_a_major_hazard_holds_its_escalation_reports_listing_and_evacuations() {
        HazardId id = newId();
        HazardLog.of(id, START).append(
                report(id).build(),
                HazardEvents.escalated(id),
                HazardEvents.reportedTo(id, WORK_SAFETY_AUTHORITY),
                HazardEvents.listed(id),
                HazardEvents.evacuation(id, 1),
                HazardEvents.notice(id)).deliverTo(this::deliver);

        HazardDetail open = find(id);
        assertThat(open.severity()).isEqualTo(HazardSeverity.MAJOR);
        assertThat(open.escalatedToMajorOn()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(open.escalationReason()).isEqualTo("second press unguarded");
        assertThat(open.majorHazardReports()).containsExactly(new MajorHazardReport(WORK_SAFETY_AUTHORITY,
                "苏州市姑苏区应急管理局", LocalDate.of(2026, 3, 4), null));
        assertThat(open.reportsPending()).isTrue();
        assertThat(open.listedSupervision()).isEqualTo(new ListedSupervision(LocalDate.of(2026, 3, 6),
                "苏州市应急管理局", "苏应急督〔2026〕12号", false));
        assertThat(open.evacuationRecommendations()).containsExactly(
                new Evacuation(1, LocalDate.of(2026, 3, 3), "press runs unguarded"));
        assertThat(open.status()).isEqualTo(HazardStatus.RECTIFYING);
        assertThat(open.overdue()).isFalse();
    }

    @Test
    void a_major_hazard_s_closure_lifts_its_listing() {
        HazardId id = newId();
        HazardLog.of(id, START).append(
                report(id).severity(HazardSeverity.MAJOR).build(),
                HazardEvents.reportedTo(id, WORK_SAFETY_AUTHORITY),
                HazardEvents.reportedTo(id, WORKERS_CONGRESS),
                HazardEvents.listed(id),
                HazardEvents.notice(id),
                HazardEvents.submitted(id, 1, LocalDate.of(2026, 3, 25), true),
                HazardEvents.verified(id, 1, VerificationOutcome.PASSED)).deliverTo(this::deliver);
        assertThat(find(id).status()).isEqualTo(HazardStatus.VERIFIED);
        assertThat(find(id).reportsPending()).isFalse();
        assertThat(find(id).listedSupervision().lifted()).isFalse();

        projection.on(HazardEvents.closed(id, HazardClosureReason.RECTIFIED, LocalDate.of(2026, 3, 30), true), 7,
                START.plusSeconds(86_400));

        HazardDetail closed = find(id);
        assertThat(closed.status()).isEqualTo(HazardStatus.CLOSED);
        assertThat(closed.listedSupervision().lifted()).isTrue();
        assertThat(closed.version()).isEqualTo(7L);
    }

    @Test
    void the_detail_of_a_hazard_whose_answer_is_overdue_is_overdue() {
        HazardId id = newId();
        HazardLog.of(id, START).append(report(id).build(), HazardEvents.notice(id), HazardEvents.answerOverdue(id))
                .deliverTo(this::deliver);

        HazardDetail detail = find(id);
        assertThat(detail.overdue()).isTrue();
        assertThat(detail.employerAnswerOverdue()).isTrue();
        assertThat(detail.rectificationOverdue()).isFalse();
        assertThat(detail.version()).isEqualTo(2L);
    }

    @Test
    void the_version_follows_each_event_as_it_arrives_links_included() {
        HazardId id = newId();
        HazardLog log = rectifiedAtTheSecondAttempt(id);
        for (Recorded recorded : log.events()) {
            deliver(recorded);
            assertThat(find(id).version()).isEqualTo(recorded.sequence());
            assertThat(find(id).lastChangedAt()).isEqualTo(recorded.at());
        }
    }

    @Test
    void a_link_recorded_on_a_case_of_another_kind_is_not_this_projection_s_business() {
        HazardId id = newId();
        HazardLog.of(id, START).append(report(id).build()).deliverTo(this::deliver);

        projection.on(new CaseLinkedEvent(id.toString(), CaseKind.LABOUR_DISPUTE, PETITION, CaseKind.PETITION,
                "PT-2026-000031", LinkRelation.RELATED, null), 1, START.plusSeconds(60));

        assertThat(find(id).links()).isEmpty();
        assertThat(find(id).version()).isZero();
    }

    @Test
    void an_unknown_hazard_is_not_found() {
        HazardId known = newId();
        HazardLog.of(known, START).append(report(known).build()).deliverTo(this::deliver);

        assertThat(find(newId())).isNull();
        assertThat(find(known)).isNotNull();
    }

    @Test
    void hazards_are_kept_apart() {
        HazardId first = newId();
        HazardId second = newId();
        rectifiedAtTheSecondAttempt(first).deliverTo(this::deliver);
        HazardLog.of(second, START).append(report(second).caseNumber("SH-2026-000002").build())
                .deliverTo(this::deliver);

        assertThat(find(first).status()).isEqualTo(HazardStatus.CLOSED);
        assertThat(find(second).status()).isEqualTo(HazardStatus.REPORTED);
        assertThat(find(second).caseNumber()).isEqualTo("SH-2026-000002");
        assertThat(find(second).version()).isZero();
        assertThat(find(second).notices()).isEmpty();
        assertThat(rows()).hasSize(2);
    }

    @Test
    void delivering_every_event_again_changes_nothing() {
        HazardId id = newId();
        HazardLog log = rectifiedAtTheSecondAttempt(id).deliverTo(this::deliver);
        List<Map<String, Object>> before = rows();
        HazardDetail detailBefore = find(id);

        log.deliverTo(this::deliver);
        Recorded link = log.last();
        projection.on((CaseLinkedEvent) link.payload(), link.sequence(), link.at().plusSeconds(60));
        Recorded notice = log.event(1);
        projection.on((SafetyHazardEvent) notice.payload(), notice.sequence(), notice.at().plusSeconds(60));

        assertThat(rows()).isEqualTo(before);
        assertThat(find(id)).isEqualTo(detailBefore);
        assertThat(find(id).links()).hasSize(1);
    }
}

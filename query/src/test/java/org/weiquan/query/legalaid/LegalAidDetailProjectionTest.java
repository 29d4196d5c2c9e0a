package org.weiquan.query.legalaid;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLink;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.common.Worker;
import org.weiquan.api.legalaid.ActivityType;
import org.weiquan.api.legalaid.AidOutcome;
import org.weiquan.api.legalaid.LegalAidCaseDetail;
import org.weiquan.api.legalaid.LegalAidCaseEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ActivityRecordedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ClosingReportSubmittedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.DecisionOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidApprovedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidCaseClosedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidRejectedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.MissingMaterialsReceivedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.MissingMaterialsRequestedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionDismissedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionLodgedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionReviewOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.OutcomeRecordedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.UrgentAidGrantedEvent;
import org.weiquan.api.legalaid.LegalAidCaseId;
import org.weiquan.api.legalaid.LegalAidClosureReason;
import org.weiquan.api.legalaid.LegalAidQueries.FindLegalAidCaseQuery;
import org.weiquan.api.legalaid.LegalAidStatus;
import org.weiquan.api.legalaid.MatterCategory;
import org.weiquan.api.legalaid.MeansTestResult;
import org.weiquan.api.legalaid.ObjectionFinding;
import org.weiquan.query.support.LegalAidLog;
import org.weiquan.query.support.LegalAidLog.Application;
import org.weiquan.query.support.LegalAidLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.query.support.LegalAidLog.application;
import static org.weiquan.query.support.LegalAidLog.newId;

class LegalAidDetailProjectionTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00.123456Z");
    private static final MeansTestResult HARDSHIP = new MeansTestResult(true, "低保证 苏民保字第0123号");

    private ReadModelDatabase database;
    private LegalAidDetailProjection projection;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        projection = new LegalAidDetailProjection(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private void deliver(Recorded recorded) {
        if (recorded.payload() instanceof LegalAidCaseEvent event) {
            projection.on(event, recorded.sequence(), recorded.at());
        } else {
            projection.on((CaseLinkedEvent) recorded.payload(), recorded.sequence(), recorded.at());
        }
    }

    private LegalAidCaseDetail find(LegalAidCaseId id) {
        return projection.handle(new FindLegalAidCaseQuery(id));
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private List<Map<String, Object>> rows() {
        return database.jdbc().queryForList("SELECT * FROM legal_aid_detail ORDER BY legal_aid_case_id");
    }

    /** Materials requested and received, approved with a means test, a lawyer replaced, won, reported, closed. */
    private static LegalAidLog completed(LegalAidCaseId id, Application application) {
        return LegalAidLog.of(id, START).append(
                application.build(),
                new MissingMaterialsRequestedEvent(id, day(3, 4), List.of("劳动合同复印件", "工资条"), day(3, 13), 2),
                new MissingMaterialsReceivedEvent(id, day(3, 12), "工资条由银行流水代替", true, day(3, 17)),
                new LegalAidApprovedEvent(id, day(3, 16), false, HARDSHIP, true, day(3, 19)),
                new LawyerAssignedEvent(id, "lawyer.zhou", "周律师", day(3, 17), null, true),
                new LawyerAssignedEvent(id, "lawyer.wu", "吴律师", day(3, 20), "lawyer.zhou", true),
                new ActivityRecordedEvent(id, 1, ActivityType.CONSULTATION, day(3, 21), "首次咨询"),
                new ActivityRecordedEvent(id, 2, ActivityType.FILING, day(3, 25), "递交仲裁申请书"),
                new ActivityRecordedEvent(id, 3, ActivityType.HEARING, day(4, 28), "开庭"),
                new OutcomeRecordedEvent(id, AidOutcome.WON, day(5, 20), new BigDecimal("30000.00"), "裁决全部支持"),
                new ClosingReportSubmittedEvent(id, day(5, 25), "已执行到位"),
                new LegalAidCaseClosedEvent(id, LegalAidClosureReason.COMPLETED, "归档"));
    }

    @Test
    void the_detail_holds_the_whole_state_of_a_completed_case() {
        LegalAidCaseId id = newId();
        Application application = application(id).migrantWorker(false).category(MatterCategory.LABOUR_CONTRACT);
        LegalAidLog log = completed(id, application).deliverTo(this::deliver);

        LegalAidCaseDetail detail = find(id);

        assertThat(detail.legalAidCaseId()).isEqualTo(id.toString());
        assertThat(detail.caseNumber()).isEqualTo("LA-2026-000001");
        assertThat(detail.status()).isEqualTo(LegalAidStatus.CLOSED);
        assertThat(detail.version()).isEqualTo(log.last().sequence()).isEqualTo(11L);
        assertThat(detail.organisation()).isEqualTo("szftu/gusu");
        assertThat(detail.district()).isEqualTo("GUSU");
        assertThat(detail.officerInCharge()).isEqualTo("officer.li");
        assertThat(detail.applicant()).isEqualTo(new Worker("张小明", "320502199001011234", "13912345678"));
        assertThat(detail.migrantWorker()).isFalse();
        assertThat(detail.matterCategory()).isEqualTo(MatterCategory.LABOUR_CONTRACT);
        assertThat(detail.matter()).contains("追索");
        assertThat(detail.grounds()).isNotBlank();
        assertThat(detail.amountClaimed()).isEqualTo(new BigDecimal("18000.00"));
        assertThat(detail.employer()).isEqualTo(new Employer("苏州某某电子有限公司", "91320500MA1XXXXX0X"));
        assertThat(detail.appliedOn()).isEqualTo(day(3, 2));
        assertThat(detail.meansTestExempt()).isFalse();
        assertThat(detail.decisionDueOn()).as("resumed after the materials").isEqualTo(day(3, 17));
        assertThat(detail.decisionOverdue()).isFalse();
        assertThat(detail.materials()).isEqualTo(new LegalAidCaseDetail.Materials(day(3, 4),
                List.of("劳动合同复印件", "工资条"), day(3, 13), false, day(3, 12), "工资条由银行流水代替"));
        assertThat(detail.urgentAid()).isNull();
        assertThat(detail.decision()).isEqualTo(new LegalAidCaseDetail.Decision(true, day(3, 16), true, HARDSHIP, null));
        assertThat(detail.lawyer()).isEqualTo(new LegalAidCaseDetail.Lawyer("lawyer.wu", "吴律师", day(3, 17),
                day(3, 19), false));
        assertThat(detail.activities()).extracting(LegalAidCaseDetail.Activity::type)
                .containsExactly(ActivityType.CONSULTATION, ActivityType.FILING, ActivityType.HEARING);
        assertThat(detail.activities()).extracting(LegalAidCaseDetail.Activity::number).containsExactly(1, 2, 3);
        assertThat(detail.outcome()).isEqualTo(new LegalAidCaseDetail.Outcome(AidOutcome.WON, day(5, 20),
                new BigDecimal("30000.00"), "裁决全部支持"));
        assertThat(detail.closingReport()).isEqualTo(new LegalAidCaseDetail.ClosingReport(day(5, 25), "已执行到位"));
        assertThat(detail.objection()).isNull();
        assertThat(detail.closureReason()).isEqualTo(LegalAidClosureReason.COMPLETED);
        assertThat(detail.closureNote()).isEqualTo("归档");
        assertThat(detail.overdue()).isFalse();
        assertThat(detail.appliedAt()).isEqualTo(log.event(0).at());
        assertThat(detail.lastChangedAt()).isEqualTo(log.last().at());

        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.get("LEGAL_AID_CASE_ID")).isEqualTo(id.toString());
            assertThat(row.get("CASE_NUMBER")).isEqualTo("LA-2026-000001");
            assertThat(row.get("LAST_SEQUENCE")).isEqualTo(11L);
        });
    }

    @Test
    void the_detail_of_a_rejection_holds_its_written_reasons_and_the_dismissed_objection() {
        LegalAidCaseId id = newId();
        LegalAidLog.of(id, START).append(
                application(id).build(),
                new DecisionOverdueEvent(id, day(3, 9)),
                new LegalAidRejectedEvent(id, day(3, 10), "月收入高于经济困难标准", false, false),
                new ObjectionLodgedEvent(id, day(3, 11), "收入计算有误", day(3, 16)),
                new ObjectionReviewOverdueEvent(id, day(3, 16)),
                new ObjectionDismissedEvent(id, day(3, 17), "维持原决定", false),
                new LegalAidCaseClosedEvent(id, LegalAidClosureReason.REJECTED, null))
                .deliverTo(this::deliver);

        LegalAidCaseDetail detail = find(id);
        assertThat(detail.status()).isEqualTo(LegalAidStatus.CLOSED);
        assertThat(detail.decisionOverdue()).isTrue();
        assertThat(detail.decision()).isEqualTo(new LegalAidCaseDetail.Decision(false, day(3, 10), false, null,
                "月收入高于经济困难标准"));
        assertThat(detail.objection()).isEqualTo(new LegalAidCaseDetail.Objection(day(3, 11), "收入计算有误",
                day(3, 16), true, ObjectionFinding.DISMISSED, day(3, 17), "维持原决定", false));
        assertThat(detail.lawyer()).isNull();
        assertThat(detail.closureReason()).isEqualTo(LegalAidClosureReason.REJECTED);
        assertThat(detail.overdue()).as("closed cases are not overdue").isFalse();
    }

    @Test
    void the_detail_of_an_objection_under_review_past_its_period_is_overdue() {
        LegalAidCaseId id = newId();
        LegalAidLog.of(id, START).append(
                application(id).build(),
                new LegalAidRejectedEvent(id, day(3, 6), "不符合条件", true, false),
                new ObjectionLodgedEvent(id, day(3, 11), "收入计算有误", day(3, 16)),
                new ObjectionReviewOverdueEvent(id, day(3, 16)))
                .deliverTo(this::deliver);

        LegalAidCaseDetail detail = find(id);
        assertThat(detail.status()).isEqualTo(LegalAidStatus.OBJECTION_UNDER_REVIEW);
        assertThat(detail.overdue()).isTrue();
        assertThat(detail.objection().finding()).isNull();
        assertThat(detail.objection().withinPeriod()).isNull();
    }

    @Test
    void urgent_aid_shows_with_its_deadline_and_ends_with_a_rejection_that_releases_the_lawyer() {
        LegalAidCaseId id = newId();
        LegalAidLog log = LegalAidLog.of(id, START).append(
                application(id).build(),
                new UrgentAidGrantedEvent(id, day(3, 3), day(3, 8), "仲裁时效届满", 5, day(3, 6)),
                new LawyerAssignedEvent(id, "lawyer.zhou", "周律师", day(3, 4), null, true),
                new ActivityRecordedEvent(id, 1, ActivityType.FILING, day(3, 5), "递交仲裁申请书"))
                .deliverTo(this::deliver);

        LegalAidCaseDetail urgent = find(id);
        assertThat(urgent.status()).isEqualTo(LegalAidStatus.APPLIED);
        assertThat(urgent.urgentAid()).isEqualTo(new LegalAidCaseDetail.UrgentAid(day(3, 3), day(3, 8), "仲裁时效届满",
                5, false));
        assertThat(urgent.lawyer()).isEqualTo(new LegalAidCaseDetail.Lawyer("lawyer.zhou", "周律师", day(3, 4),
                day(3, 6), false));
        assertThat(urgent.decision()).isNull();

        log.append(new LegalAidRejectedEvent(id, day(3, 7), "不符合法律援助范围", true, true));
        deliver(log.last());
        LegalAidCaseDetail rejected = find(id);
        assertThat(rejected.urgentAid().ended()).isTrue();
        assertThat(rejected.lawyer()).isNull();
        assertThat(rejected.activities()).as("what the lawyer did stays on record").hasSize(1);
    }

    @Test
    void links_of_this_case_are_recorded_and_links_of_other_kinds_are_ignored() {
        LegalAidCaseId id = newId();
        String petition = "7d1f0e2a-9b3c-4c5d-8e6f-0a1b2c3d4e5f";
        LegalAidLog log = LegalAidLog.of(id, START).append(application(id).build(),
                LegalAidLog.linkToPetition(id, petition)).deliverTo(this::deliver);
        projection.on(new CaseLinkedEvent(id.toString(), CaseKind.LABOUR_DISPUTE, petition, CaseKind.PETITION,
                "PT-2026-000009", LinkRelation.RELATED, null), 2, log.last().at().plusSeconds(60));

        LegalAidCaseDetail detail = find(id);
        assertThat(detail.links()).containsExactly(new CaseLink(petition, CaseKind.PETITION, "PT-2026-000009",
                LinkRelation.AROSE_FROM, "12351 热线转来"));
        assertThat(detail.version()).isEqualTo(1L);
    }

    @Test
    void the_version_follows_each_event_as_it_arrives() {
        LegalAidCaseId id = newId();
        LegalAidLog log = completed(id, application(id));
        for (Recorded recorded : log.events()) {
            deliver(recorded);
            assertThat(find(id).version()).isEqualTo(recorded.sequence());
            assertThat(find(id).lastChangedAt()).isEqualTo(recorded.at());
        }
    }

    @Test
    void an_unknown_case_is_not_found() {
        LegalAidCaseId known = newId();
        LegalAidLog.of(known, START).append(application(known).build()).deliverTo(this::deliver);

        assertThat(find(newId())).isNull();
        assertThat(find(known)).isNotNull();
    }

    @Test
    void cases_are_kept_apart() {
        LegalAidCaseId first = newId();
        LegalAidCaseId second = newId();
        completed(first, application(first)).deliverTo(this::deliver);
        LegalAidLog.of(second, START).append(application(second).caseNumber("LA-2026-000002").build())
                .deliverTo(this::deliver);

        assertThat(find(first).status()).isEqualTo(LegalAidStatus.CLOSED);
        assertThat(find(second).status()).isEqualTo(LegalAidStatus.APPLIED);
        assertThat(find(second).caseNumber()).isEqualTo("LA-2026-000002");
        assertThat(find(second).version()).isZero();
        assertThat(rows()).hasSize(2);
    }

    @Test
    void delivering_every_event_again_changes_nothing() {
        LegalAidCaseId id = newId();
        LegalAidLog log = completed(id, application(id)).append(LegalAidLog.linkToPetition(id,
                "7d1f0e2a-9b3c-4c5d-8e6f-0a1b2c3d4e5f")).deliverTo(this::deliver);
        List<Map<String, Object>> before = rows();
        LegalAidCaseDetail detailBefore = find(id);

        log.deliverTo(this::deliver);
        Recorded approved = log.event(3);
        projection.on((LegalAidCaseEvent) approved.payload(), approved.sequence(), approved.at().plusSeconds(60));

        assertThat(rows()).isEqualTo(before);
        assertThat(find(id)).isEqualTo(detailBefore);
        assertThat(find(id).links()).hasSize(1);
    }
}

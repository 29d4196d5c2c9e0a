package org.weiquan.query.petition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLink;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.AnswerStage;
import org.weiquan.api.petition.FinalityBasis;
import org.weiquan.api.petition.PetitionAppeal;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionClosureReason;
import org.weiquan.api.petition.PetitionDetail;
import org.weiquan.api.petition.PetitionEvent.ClaimBecameFinalEvent;
import org.weiquan.api.petition.PetitionEvent.CompetenceObjectedEvent;
import org.weiquan.api.petition.PetitionEvent.MaterialAddedEvent;
import org.weiquan.api.petition.PetitionEvent.MaterialMarkedAsWhistleblowerEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionClosedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionerRatingRecordedEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationAnsweredEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationRequestedEvent;
import org.weiquan.api.petition.PetitionEvent.ReplyPeriodExtendedEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewAnswerOverdueEvent;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.api.petition.PetitionMaterial;
import org.weiquan.api.petition.PetitionQueries.FindPetitionQuery;
import org.weiquan.api.petition.PetitionRating;
import org.weiquan.api.petition.PetitionRouting;
import org.weiquan.api.petition.PetitionStatus;
import org.weiquan.api.petition.PetitionSubject;
import org.weiquan.api.petition.ReviewDecision;
import org.weiquan.api.petition.SatisfactionRating;
import org.weiquan.query.petition.PetitionLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.query.petition.PetitionEvents.accepted;
import static org.weiquan.query.petition.PetitionEvents.assigned;
import static org.weiquan.query.petition.PetitionEvents.assignmentOverdue;
import static org.weiquan.query.petition.PetitionEvents.registered;
import static org.weiquan.query.petition.PetitionEvents.replied;
import static org.weiquan.query.petition.PetitionEvents.reviewAnswered;
import static org.weiquan.query.petition.PetitionEvents.reviewRequested;
import static org.weiquan.query.petition.PetitionLog.newId;
import static org.weiquan.query.petition.PetitionLog.receipt;

class PetitionDetailProjectionTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00.123456Z");
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    private ReadModelDatabase database;
    private PetitionDetailProjection projection;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        projection = new PetitionDetailProjection(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private void deliver(Recorded recorded) {
        projection.on(recorded.payload(), recorded.sequence(), recorded.at());
    }

    private PetitionDetail find(PetitionId id) {
        return projection.handle(new FindPetitionQuery(id));
    }

    /** Received, re-assigned after an objection, replied late after an extension, reviewed, re-examined, closed. */
    private static PetitionLog throughReexamination(PetitionId id) {
        LocalDate reexaminationDue = LocalDate.of(2026, 7, 15);
        return PetitionLog.of(id, START).append(
                receipt(id).whistleblowerAgainst("szftu/gusu/pingjiang").build(),
                new MaterialAddedEvent(id, 1, "来信.pdf", "application/pdf", 48_211, SHA_A, false),
                new MaterialAddedEvent(id, 2, "内部说明.docx", "application/msword", 2_048, SHA_B, true),
                registered(id),
                assignmentOverdue(id),
                assigned(id, "officer.zhou"),
                new CompetenceObjectedEvent(id, LocalDate.of(2026, 3, 10), PetitionEvents.HANDLING_UNIT,
                        "不属本单位职权", LocalDate.of(2026, 3, 25)),
                new org.weiquan.api.petition.PetitionEvent.PetitionAssignedEvent(id, LocalDate.of(2026, 3, 12),
                        PetitionRouting.FORWARDED, "姑苏区人社局", null, null, true, LocalDate.of(2026, 3, 27),
                        LocalDate.of(2026, 3, 19)),
                accepted(id),
                new ReplyPeriodExtendedEvent(id, 20, "调取社保记录", LocalDate.of(2026, 5, 28)),
                replied(id),
                new PetitionerRatingRecordedEvent(id, AnswerStage.REPLY, SatisfactionRating.DISSATISFIED,
                        LocalDate.of(2026, 4, 22), "未解决"),
                new PetitionClosedEvent(id, PetitionClosureReason.RESOLVED, "答复已送达"),
                reviewRequested(id),
                new ReviewAnswerOverdueEvent(id, PetitionEvents.REVIEW_ANSWER_DUE),
                reviewAnswered(id),
                new ReexaminationRequestedEvent(id, LocalDate.of(2026, 6, 15), "江苏省总工会", "仍未付款",
                        reexaminationDue),
                new ReexaminationAnsweredEvent(id, LocalDate.of(2026, 7, 10), ReviewDecision.UPHELD, "维持复查意见",
                        true),
                new ClaimBecameFinalEvent(id, FinalityBasis.REEXAMINED, LocalDate.of(2026, 7, 10)),
                new MaterialMarkedAsWhistleblowerEvent(id, 1),
                new PetitionClosedEvent(id, PetitionClosureReason.RESOLVED, "复核办结"));
    }

    @Test
    void the_detail_holds_the_whole_state_after_review_and_re_examination() {
        PetitionId id = newId();
        PetitionLog log = throughReexamination(id).deliverTo(this::deliver);

        PetitionDetail detail = find(id);

        assertThat(detail.petitionId()).isEqualTo(id.toString());
        assertThat(detail.caseNumber()).isEqualTo("PT-2026-000001");
        assertThat(detail.status()).isEqualTo(PetitionStatus.CLOSED);
        assertThat(detail.version()).isEqualTo(log.last().sequence()).isEqualTo(20L);
        assertThat(detail.organisation()).isEqualTo("szftu/gusu");
        assertThat(detail.district()).isEqualTo("GUSU");
        assertThat(detail.channel()).isEqualTo(PetitionChannel.LETTER);
        assertThat(detail.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(detail.petitioners()).containsExactly(new Worker("张小明", "320502199001011234", "13912345678"),
                new Worker("李四", "320502199202022345", "13812345678"));
        assertThat(detail.employer()).isEqualTo(new Employer("苏州某某电子有限公司", "91320500MA1XXXXX0X"));
        assertThat(detail.accusedOrganisation()).isEqualTo("szftu/gusu/pingjiang");
        assertThat(detail.whistleblower()).isTrue();
        assertThat(detail.claim()).isEqualTo("拖欠三个月工资, 请求协调");
        assertThat(detail.officerInCharge()).isEqualTo("officer.li");
        assertThat(detail.subject()).isEqualTo(PetitionSubject.WAGE_ARREARS);
        assertThat(detail.registeredOn()).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(detail.assignmentDueOn()).as("after the objection").isEqualTo(LocalDate.of(2026, 3, 25));
        assertThat(detail.assignmentOverdue()).isFalse();
        assertThat(detail.routing()).isEqualTo(PetitionRouting.FORWARDED);
        assertThat(detail.handlingUnit()).isEqualTo("姑苏区人社局");
        assertThat(detail.handlingOfficer()).isNull();
        assertThat(detail.assignedOn()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(detail.assignedWithinPeriod()).isTrue();
        assertThat(detail.competenceObjections()).isEqualTo(1);
        assertThat(detail.lastCompetenceObjection()).isEqualTo(PetitionEvents.HANDLING_UNIT + ": 不属本单位职权");
        assertThat(detail.acceptedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(detail.noticeWithinPeriod()).isTrue();
        assertThat(detail.replyDueOn()).isEqualTo(LocalDate.of(2026, 5, 28));
        assertThat(detail.replyPeriodExtended()).isTrue();
        assertThat(detail.replyExtensionReason()).isEqualTo("调取社保记录");
        assertThat(detail.repliedOn()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(detail.repliedWithinPeriod()).isTrue();
        assertThat(detail.reviewRequestDueOn()).isEqualTo(PetitionEvents.REVIEW_REQUEST_DUE);
        assertThat(detail.review()).isEqualTo(new PetitionAppeal(LocalDate.of(2026, 5, 6), "苏州市总工会", "公司至今未付款",
                PetitionEvents.REVIEW_ANSWER_DUE, true, LocalDate.of(2026, 6, 1), ReviewDecision.VARIED, "变更处理意见",
                true));
        assertThat(detail.reexaminationRequestDueOn()).isEqualTo(PetitionEvents.REEXAMINATION_REQUEST_DUE);
        assertThat(detail.reexamination()).isEqualTo(new PetitionAppeal(LocalDate.of(2026, 6, 15), "江苏省总工会",
                "仍未付款", LocalDate.of(2026, 7, 15), false, LocalDate.of(2026, 7, 10), ReviewDecision.UPHELD,
                "维持复查意见", true));
        assertThat(detail.ratings()).containsExactly(new PetitionRating(AnswerStage.REPLY,
                SatisfactionRating.DISSATISFIED, LocalDate.of(2026, 4, 22), "未解决"));
        assertThat(detail.claimFinal()).isTrue();
        assertThat(detail.finalityBasis()).isEqualTo(FinalityBasis.REEXAMINED);
        assertThat(detail.finalOn()).isEqualTo(LocalDate.of(2026, 7, 10));
        assertThat(detail.closureReason()).isEqualTo(PetitionClosureReason.RESOLVED);
        assertThat(detail.materials()).containsExactly(
                new PetitionMaterial(1, "来信.pdf", "application/pdf", 48_211, SHA_A, true),
                new PetitionMaterial(2, "内部说明.docx", "application/msword", 2_048, SHA_B, true));
        assertThat(detail.overdue()).isFalse();
        assertThat(detail.nextDeadline()).isNull();
        assertThat(detail.receivedAt()).isEqualTo(log.event(0).at());
        assertThat(detail.lastChangedAt()).isEqualTo(log.last().at());

        assertThat(database.jdbc().queryForList("SELECT * FROM petition_detail")).singleElement().satisfies(row -> {
            assertThat(row.get("PETITION_ID")).isEqualTo(id.toString());
            assertThat(row.get("CASE_NUMBER")).isEqualTo("PT-2026-000001");
            assertThat(row.get("LAST_SEQUENCE")).isEqualTo(20L);
        });
    }

    @Test
    void what_the_accused_may_see_leaves_out_whistleblower_material_and_a_whistleblower_s_identity() {
        PetitionId id = newId();
        throughReexamination(id).deliverTo(this::deliver);
        PetitionDetail full = find(id);

        assertThat(full.accuses(new OrganisationId("szftu/gusu/pingjiang"))).isTrue();
        assertThat(full.accuses(new OrganisationId("szftu/gusu/pingjiang/some-union"))).isTrue();
        assertThat(full.accuses(new OrganisationId("szftu/gusu"))).isFalse();
        assertThat(full.accuses(new OrganisationId("szftu/gusu/ping"))).isFalse();

        PetitionDetail withheld = full.withheldFromAccused();
        assertThat(withheld.petitioners()).isEmpty();
        assertThat(withheld.materials()).isEmpty();
        assertThat(withheld.toString()).doesNotContain("张小明").doesNotContain("320502199001011234")
                .doesNotContain(SHA_A).doesNotContain(SHA_B);
        assertThat(withheld.status()).isEqualTo(full.status());
        assertThat(withheld.version()).isEqualTo(full.version());
        assertThat(withheld.claim()).isEqualTo(full.claim());
    }

    @Test
    void an_ordinary_petition_shows_the_accused_its_petitioners_and_only_its_unmarked_material() {
        PetitionId id = newId();
        PetitionLog.of(id, START).append(
                receipt(id).build(),
                new MaterialAddedEvent(id, 1, "来信.pdf", "application/pdf", 48_211, SHA_A, false),
                new MaterialAddedEvent(id, 2, "举报材料.pdf", "application/pdf", 1_024, SHA_B, false),
                new MaterialMarkedAsWhistleblowerEvent(id, 2)).deliverTo(this::deliver);

        PetitionDetail detail = find(id);
        assertThat(detail.accuses(new OrganisationId("szftu/gusu"))).as("no accused organisation named").isFalse();
        PetitionDetail withheld = detail.withheldFromAccused();
        assertThat(withheld.petitioners()).hasSize(2);
        assertThat(withheld.materials()).extracting(PetitionMaterial::number).containsExactly(1);
    }

    @Test
    void links_to_other_cases_of_this_petition_are_kept_and_links_of_other_kinds_ignored() {
        PetitionId id = newId();
        PetitionLog log = PetitionLog.of(id, START).append(receipt(id).build()).deliverTo(this::deliver);
        String legalAid = "0f0e0d0c-0b0a-4908-8706-050403020100";
        projection.on(new CaseLinkedEvent(id.toString(), CaseKind.PETITION, legalAid, CaseKind.LEGAL_AID,
                "LA-2026-000003", LinkRelation.LED_TO, "转法律援助"), 1, log.last().at().plusSeconds(60));
        projection.on(new CaseLinkedEvent(id.toString(), CaseKind.LABOUR_DISPUTE, legalAid, CaseKind.LEGAL_AID,
                "LA-2026-000003", LinkRelation.LED_TO, "not a petition's link"), 2, log.last().at().plusSeconds(90));

        PetitionDetail detail = find(id);
        assertThat(detail.links()).containsExactly(new CaseLink(legalAid, CaseKind.LEGAL_AID, "LA-2026-000003",
                LinkRelation.LED_TO, "转法律援助"));
        assertThat(detail.version()).isEqualTo(1L);
    }

    @Test
    void a_repeat_petition_names_its_earlier_petition() {
        PetitionId id = newId();
        PetitionId earlier = newId();
        PetitionLog.of(id, START).append(receipt(id).earlier(earlier).build()).deliverTo(this::deliver);

        assertThat(find(id).earlierPetitionId()).isEqualTo(earlier.toString());
        assertThat(find(id).earlierCaseNumber()).isEqualTo("PT-2025-000099");
    }

    @Test
    void the_version_follows_each_event_as_it_arrives() {
        PetitionId id = newId();
        for (Recorded recorded : throughReexamination(id).events()) {
            deliver(recorded);
            assertThat(find(id).version()).isEqualTo(recorded.sequence());
            assertThat(find(id).lastChangedAt()).isEqualTo(recorded.at());
        }
    }

    @Test
    void an_unknown_petition_is_not_found() {
        PetitionId known = newId();
        PetitionLog.of(known, START).append(receipt(known).build()).deliverTo(this::deliver);

        assertThat(find(newId())).isNull();
        assertThat(find(known)).isNotNull();
    }

    @Test
    void delivering_every_event_again_changes_nothing() {
        PetitionId id = newId();
        PetitionLog log = throughReexamination(id).deliverTo(this::deliver);
        List<Map<String, Object>> before = database.jdbc().queryForList("SELECT * FROM petition_detail");
        PetitionDetail detailBefore = find(id);

        log.deliverTo(this::deliver);
        Recorded closed = log.last();
        projection.on(closed.payload(), closed.sequence(), closed.at().plusSeconds(60));

        assertThat(database.jdbc().queryForList("SELECT * FROM petition_detail")).isEqualTo(before);
        assertThat(find(id)).isEqualTo(detailBefore);
    }
}

package org.weiquan.query.petition;

import org.weiquan.api.common.OfficerId;
import org.weiquan.api.petition.FinalityBasis;
import org.weiquan.api.petition.PetitionEvent.AcceptanceNoticeOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.AssignmentOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ClaimBecameFinalEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionAssignedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRegisteredEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRepliedEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewAnsweredEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewRequestedEvent;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.api.petition.PetitionRouting;
import org.weiquan.api.petition.PetitionSubject;
import org.weiquan.api.petition.ReviewDecision;

import java.time.LocalDate;

/** The standard petition's events after receipt (received Mon 2026-03-02), for projection tests. */
final class PetitionEvents {
    static final LocalDate ASSIGNMENT_DUE = LocalDate.of(2026, 3, 17);
    static final LocalDate NOTICE_DUE = LocalDate.of(2026, 3, 19);
    static final LocalDate OBJECTION_DUE = LocalDate.of(2026, 3, 11);
    static final LocalDate REPLY_DUE = LocalDate.of(2026, 5, 8);
    static final LocalDate REVIEW_REQUEST_DUE = LocalDate.of(2026, 5, 20);
    static final LocalDate REVIEW_ANSWER_DUE = LocalDate.of(2026, 6, 5);
    static final LocalDate REEXAMINATION_REQUEST_DUE = LocalDate.of(2026, 7, 1);
    static final String HANDLING_UNIT = "姑苏区平江街道总工会";

    private PetitionEvents() {
    }

    static PetitionRegisteredEvent registered(PetitionId id) {
        return new PetitionRegisteredEvent(id, LocalDate.of(2026, 3, 3), PetitionSubject.WAGE_ARREARS);
    }

    static AssignmentOverdueEvent assignmentOverdue(PetitionId id) {
        return new AssignmentOverdueEvent(id, ASSIGNMENT_DUE);
    }

    static PetitionAssignedEvent assigned(PetitionId id, String handlingOfficer) {
        return new PetitionAssignedEvent(id, LocalDate.of(2026, 3, 4), PetitionRouting.ASSIGNED, HANDLING_UNIT,
                handlingOfficer == null ? null : new OfficerId(handlingOfficer), "请及时办理", true, NOTICE_DUE,
                OBJECTION_DUE);
    }

    static AcceptanceNoticeOverdueEvent noticeOverdue(PetitionId id) {
        return new AcceptanceNoticeOverdueEvent(id, NOTICE_DUE);
    }

    static PetitionAcceptedEvent accepted(PetitionId id) {
        return new PetitionAcceptedEvent(id, LocalDate.of(2026, 3, 9), true, REPLY_DUE);
    }

    static PetitionRepliedEvent replied(PetitionId id) {
        return new PetitionRepliedEvent(id, LocalDate.of(2026, 4, 20), "经协调, 公司承诺月底前付清", true,
                REVIEW_REQUEST_DUE);
    }

    static ReviewRequestedEvent reviewRequested(PetitionId id) {
        return new ReviewRequestedEvent(id, LocalDate.of(2026, 5, 6), "苏州市总工会", "公司至今未付款", REVIEW_ANSWER_DUE);
    }

    static ReviewAnsweredEvent reviewAnswered(PetitionId id) {
        return new ReviewAnsweredEvent(id, LocalDate.of(2026, 6, 1), ReviewDecision.VARIED, "变更处理意见", true,
                REEXAMINATION_REQUEST_DUE);
    }

    static ClaimBecameFinalEvent finalAfterReview(PetitionId id) {
        return new ClaimBecameFinalEvent(id, FinalityBasis.REEXAMINATION_NOT_REQUESTED, REEXAMINATION_REQUEST_DUE.plusDays(1));
    }
}

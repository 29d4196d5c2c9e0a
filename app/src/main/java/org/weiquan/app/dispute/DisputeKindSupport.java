package org.weiquan.app.dispute;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;
import org.weiquan.api.dispute.DisputeCommands.FlagDisputeDuplicateElsewhereCommand;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.dispute.DisputeCommands.LinkDisputeCommand;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.app.casefile.CaseKindSupport;
import org.weiquan.app.casefile.EventFold;
import org.weiquan.query.dispute.DisputeView;

import java.util.List;

@Component
public class DisputeKindSupport implements CaseKindSupport {

    @Override
    public CaseKind kind() {
        return CaseKind.LABOUR_DISPUTE;
    }

    @Override
    public String apiPath() {
        return "/api/disputes";
    }

    @Override
    public Class<?>[] eventTypes() {
        return new Class<?>[]{LabourDisputeEvent.class};
    }

    @Override
    public Object detailAfter(List<? extends DomainEventMessage<?>> events) {
        DisputeView view = new DisputeView();
        EventFold.fold(events, LabourDisputeEvent.class, view::apply, view::link);
        return view.toDetail();
    }

    @Override
    public Object linkCommand(String caseId, String linkedCaseId, CaseKind linkedKind, String linkedCaseNumber,
                              LinkRelation relation, String note) {
        return new LinkDisputeCommand(DisputeId.of(caseId), linkedCaseId, linkedKind, linkedCaseNumber, relation, note);
    }

    @Override
    public Object flagDuplicateElsewhereCommand(String caseId, String otherCaseId) {
        return new FlagDisputeDuplicateElsewhereCommand(DisputeId.of(caseId), otherCaseId, CaseKind.LABOUR_DISPUTE);
    }
}

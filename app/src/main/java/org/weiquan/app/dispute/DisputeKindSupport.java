package org.weiquan.app.dispute;

import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.dispute.DisputeAction;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.dispute.DisputeCommands.FlagDisputeDuplicateElsewhereCommand;
import org.weiquan.api.dispute.DisputeCommands.LinkDisputeCommand;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.app.casefile.CaseKindSupport;
import org.weiquan.query.cases.ViewMapping;
import org.weiquan.query.dispute.DisputeView;

import java.util.List;

@Component
public class DisputeKindSupport implements CaseKindSupport {

    @Override
    public CaseKind kind() {
        return CaseKind.LABOUR_DISPUTE;
    }

    @Override
    public List<DisputeAction> actions() {
        return List.of(DisputeAction.values());
    }

    @Override
    public String apiPath() {
        return "/api/disputes";
    }

    @Override
    public ViewMapping<?, ?> views() {
        return DisputeView.MAPPING;
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

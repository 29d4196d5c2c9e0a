package org.weiquan.app.hazard;

import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.hazard.HazardAction;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.hazard.HazardCommands.FlagHazardDuplicateElsewhereCommand;
import org.weiquan.api.hazard.HazardCommands.LinkHazardCommand;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.app.casefile.CaseKindSupport;
import org.weiquan.query.cases.ViewMapping;
import org.weiquan.query.hazard.HazardView;

import java.util.List;

/** What safety hazards contribute to the shared case machinery. */
@Component
public class HazardKindSupport implements CaseKindSupport {

    @Override
    public CaseKind kind() {
        return CaseKind.SAFETY_HAZARD;
    }

    @Override
    public List<HazardAction> actions() {
        return List.of(HazardAction.values());
    }

    @Override
    public String apiPath() {
        return HazardController.PATH;
    }

    @Override
    public ViewMapping<?, ?> views() {
        return HazardView.MAPPING;
    }

    @Override
    public Object linkCommand(String caseId, String linkedCaseId, CaseKind linkedKind, String linkedCaseNumber,
                              LinkRelation relation, String note) {
        return new LinkHazardCommand(HazardId.of(caseId), linkedCaseId, linkedKind, linkedCaseNumber, relation, note);
    }

    @Override
    public Object flagDuplicateElsewhereCommand(String caseId, String otherCaseId) {
        return new FlagHazardDuplicateElsewhereCommand(HazardId.of(caseId), otherCaseId, CaseKind.SAFETY_HAZARD);
    }
}

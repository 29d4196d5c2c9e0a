package org.weiquan.app.legalaid;

import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.legalaid.LegalAidAction;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.legalaid.LegalAidCaseId;
import org.weiquan.api.legalaid.LegalAidCommands.FlagLegalAidCaseDuplicateElsewhereCommand;
import org.weiquan.api.legalaid.LegalAidCommands.LinkLegalAidCaseCommand;
import org.weiquan.app.casefile.CaseKindSupport;
import org.weiquan.query.cases.ViewMapping;
import org.weiquan.query.legalaid.LegalAidCaseView;

import java.util.List;

/** What legal-aid cases contribute to the shared case machinery. */
@Component
public class LegalAidKindSupport implements CaseKindSupport {
    public static final String API_PATH = "/api/legal-aid-cases";

    @Override
    public CaseKind kind() {
        return CaseKind.LEGAL_AID;
    }

    @Override
    public List<LegalAidAction> actions() {
        return List.of(LegalAidAction.values());
    }

    @Override
    public String apiPath() {
        return API_PATH;
    }

    @Override
    public ViewMapping<?, ?> views() {
        return LegalAidCaseView.MAPPING;
    }

    @Override
    public Object linkCommand(String caseId, String linkedCaseId, CaseKind linkedKind, String linkedCaseNumber,
                              LinkRelation relation, String note) {
        return new LinkLegalAidCaseCommand(LegalAidCaseId.of(caseId), linkedCaseId, linkedKind, linkedCaseNumber,
                relation, note);
    }

    @Override
    public Object flagDuplicateElsewhereCommand(String caseId, String otherCaseId) {
        return new FlagLegalAidCaseDuplicateElsewhereCommand(LegalAidCaseId.of(caseId), otherCaseId, CaseKind.LEGAL_AID);
    }
}

package org.weiquan.app.petition;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.petition.PetitionAction;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.petition.PetitionCommands.FlagPetitionDuplicateElsewhereCommand;
import org.weiquan.api.petition.PetitionCommands.LinkPetitionCommand;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.app.casefile.CaseKindSupport;
import org.weiquan.app.security.WeiquanUser;
import org.weiquan.query.cases.ViewMapping;
import org.weiquan.query.petition.PetitionView;

import java.util.List;

@Component
public class PetitionKindSupport implements CaseKindSupport {
    // Looked up when needed: the reader sits on the query bus, which is built after the event types.
    private final ObjectProvider<PetitionReader> reader;

    public PetitionKindSupport(ObjectProvider<PetitionReader> reader) {
        this.reader = reader;
    }

    @Override
    public CaseKind kind() {
        return CaseKind.PETITION;
    }

    @Override
    public List<PetitionAction> actions() {
        return List.of(PetitionAction.values());
    }

    @Override
    public String apiPath() {
        return PetitionController.PATH;
    }

    @Override
    public ViewMapping<?, ?> views() {
        return PetitionView.MAPPING;
    }

    /** The accused party never sees the history: it holds whistleblower material in full (§30). */
    @Override
    public void requireHistoryVisible(String caseId, WeiquanUser user) {
        reader.getObject().requireHistoryMayBeShown(caseId, user);
    }

    @Override
    public Object linkCommand(String caseId, String linkedCaseId, CaseKind linkedKind, String linkedCaseNumber,
                              LinkRelation relation, String note) {
        return new LinkPetitionCommand(PetitionId.of(caseId), linkedCaseId, linkedKind, linkedCaseNumber, relation,
                note);
    }

    @Override
    public Object flagDuplicateElsewhereCommand(String caseId, String otherCaseId) {
        return new FlagPetitionDuplicateElsewhereCommand(PetitionId.of(caseId), otherCaseId, CaseKind.PETITION);
    }
}

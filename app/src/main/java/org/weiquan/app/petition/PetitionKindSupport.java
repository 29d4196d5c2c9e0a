package org.weiquan.app.petition;

import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.petition.PetitionCommands.LinkPetitionCommand;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.app.casefile.CaseKindSupport;

@Component
public class PetitionKindSupport implements CaseKindSupport {

    @Override
    public CaseKind kind() {
        return CaseKind.PETITION;
    }

    @Override
    public String apiPath() {
        return PetitionController.PATH;
    }

    @Override
    public Class<?>[] eventTypes() {
        return new Class<?>[]{PetitionEvent.class};
    }

    @Override
    public Object linkCommand(String caseId, String linkedCaseId, CaseKind linkedKind, String linkedCaseNumber,
                              LinkRelation relation, String note) {
        return new LinkPetitionCommand(PetitionId.of(caseId), linkedCaseId, linkedKind, linkedCaseNumber, relation,
                note);
    }
}

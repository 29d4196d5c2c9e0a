package org.weiquan.app.casefile;

import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.OrganisationId;

import java.util.List;

/** A case as the registry knows it from the moment it is filed: enough to find it and check who may see it. */
public record RegisteredCase(String caseId, CaseKind kind, String caseNumber, OrganisationId organisation,
                             String requestHash, List<PossibleDuplicate> possibleDuplicates) {
    public RegisteredCase {
        possibleDuplicates = possibleDuplicates == null ? List.of() : List.copyOf(possibleDuplicates);
    }
}

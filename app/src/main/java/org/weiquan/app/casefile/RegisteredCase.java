package org.weiquan.app.casefile;

import org.weiquan.api.common.OrganisationId;

/** A case as the registry knows it from the moment it is filed: enough to find it and check who may see it. */
public record RegisteredCase(String caseId, CaseKind kind, String caseNumber, OrganisationId organisation,
                             String requestHash) {
}

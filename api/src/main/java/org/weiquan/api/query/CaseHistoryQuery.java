package org.weiquan.api.query;

import java.util.Objects;

/** Every event of one case (of any kind), in order, with its metadata. */
public record CaseHistoryQuery(String caseId) {
    public CaseHistoryQuery {
        Objects.requireNonNull(caseId, "case id");
    }
}

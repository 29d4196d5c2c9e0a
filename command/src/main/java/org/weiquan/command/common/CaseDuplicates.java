package org.weiquan.command.common;

import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.DuplicateElsewhereFlaggedEvent;

import java.util.Optional;
import java.util.Set;

/** The one rule for flagging a possible duplicate in another organisation, whatever the kind: once per pair. */
public final class CaseDuplicates {
    private CaseDuplicates() {
    }

    /**
     * The event that flags {@code otherCaseId} on case {@code caseId}; empty when {@code flagged}, the
     * cases already flagged on it, holds it (a retried filing flags nothing twice).
     */
    public static Optional<DuplicateElsewhereFlaggedEvent> flag(CaseRules rules, String caseId, CaseKind kind,
                                                               Set<String> flagged, String otherCaseId,
                                                               CaseKind otherKind) {
        rules.requirePresent(otherCaseId, "otherCaseId");
        rules.requirePresent(otherKind, "otherKind");
        if (flagged.contains(otherCaseId)) return Optional.empty();
        return Optional.of(new DuplicateElsewhereFlaggedEvent(caseId, kind, otherCaseId, otherKind));
    }
}

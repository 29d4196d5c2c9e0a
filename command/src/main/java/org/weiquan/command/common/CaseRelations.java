package org.weiquan.command.common;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.DuplicateElsewhereFlaggedEvent;
import org.weiquan.api.common.IllegalTransitionException;
import org.weiquan.api.common.InvalidCaseDataException;
import org.weiquan.api.common.LinkRelation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What every case keeps of other cases, whatever its kind: the cases it is linked to, and those in
 * other organisations flagged as its possible duplicates. Each kind's aggregate holds one as an
 * {@code @AggregateMember}, so these rules and their event sourcing are written once.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CaseRelations {
    private final Set<String> linkedCases = new HashSet<>();
    private final Set<String> flaggedDuplicates = new HashSet<>();

    /** The event that links case {@code caseId} to another: not to itself, not twice. */
    public CaseLinkedEvent link(CaseRules rules, String caseId, CaseKind kind, Object caseNumber, String linkedCaseId,
                                CaseKind linkedKind, String linkedCaseNumber, LinkRelation relation, String note) {
        rules.requirePresent(linkedCaseId, "linkedCaseId");
        rules.requirePresent(linkedKind, "linkedKind");
        rules.requirePresent(relation, "relation");
        if (linkedCaseId.equals(caseId)) {
            throw new InvalidCaseDataException("case.self-link", "linkedCaseId", "a case cannot be linked to itself");
        }
        if (linkedCases.contains(linkedCaseId)) {
            throw new IllegalTransitionException("case.already-linked", caseNumber + " is already linked to " + linkedCaseNumber);
        }
        return new CaseLinkedEvent(caseId, kind, linkedCaseId, linkedKind, linkedCaseNumber, relation, note);
    }

    /**
     * The event that flags {@code otherCaseId} as a possible duplicate of case {@code caseId}; empty
     * when it is flagged already (a retried filing flags nothing twice).
     */
    public Optional<DuplicateElsewhereFlaggedEvent> flagDuplicateElsewhere(CaseRules rules, String caseId, CaseKind kind,
                                                                           String otherCaseId, CaseKind otherKind) {
        rules.requirePresent(otherCaseId, "otherCaseId");
        rules.requirePresent(otherKind, "otherKind");
        if (flaggedDuplicates.contains(otherCaseId)) return Optional.empty();
        return Optional.of(new DuplicateElsewhereFlaggedEvent(caseId, kind, otherCaseId, otherKind));
    }

    @EventSourcingHandler
    void on(CaseLinkedEvent event) {
        linkedCases.add(event.linkedCaseId());
    }

    @EventSourcingHandler
    void on(DuplicateElsewhereFlaggedEvent event) {
        flaggedDuplicates.add(event.otherCaseId());
    }
}

package org.weiquan.command.common;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.weiquan.api.common.CaseCommands.FlagDuplicateElsewhere;
import org.weiquan.api.common.CaseCommands.LinkCase;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.DuplicateElsewhereFlaggedEvent;
import org.weiquan.api.common.IllegalTransitionException;
import org.weiquan.api.common.InvalidCaseDataException;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What every case keeps of other cases, whatever its kind: the cases it is linked to, and those in
 * other organisations flagged as its possible duplicates. {@link CaseAggregate} holds one as an
 * {@code @AggregateMember}, so these rules and their event sourcing are written once.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CaseRelations {
    private final Set<String> linkedCases = new HashSet<>();
    private final Set<String> flaggedDuplicates = new HashSet<>();

    /** The event that links case {@code caseId} to another: not to itself, not twice. */
    CaseLinkedEvent link(CaseRules rules, String caseId, CaseKind kind, Object caseNumber, LinkCase command) {
        rules.requirePresent(command.linkedCaseId(), "linkedCaseId");
        rules.requirePresent(command.linkedKind(), "linkedKind");
        rules.requirePresent(command.relation(), "relation");
        if (command.linkedCaseId().equals(caseId)) {
            throw new InvalidCaseDataException("case.self-link", "linkedCaseId", "a case cannot be linked to itself");
        }
        if (linkedCases.contains(command.linkedCaseId())) {
            throw new IllegalTransitionException("case.already-linked",
                    caseNumber + " is already linked to " + command.linkedCaseNumber());
        }
        return new CaseLinkedEvent(caseId, kind, command.linkedCaseId(), command.linkedKind(),
                command.linkedCaseNumber(), command.relation(), command.note());
    }

    /**
     * The event that flags {@code otherCaseId} as a possible duplicate of case {@code caseId}; empty
     * when it is flagged already (a retried filing flags nothing twice).
     */
    Optional<DuplicateElsewhereFlaggedEvent> flagDuplicateElsewhere(CaseRules rules, String caseId, CaseKind kind,
                                                                    FlagDuplicateElsewhere command) {
        rules.requirePresent(command.otherCaseId(), "otherCaseId");
        rules.requirePresent(command.otherKind(), "otherKind");
        if (flaggedDuplicates.contains(command.otherCaseId())) return Optional.empty();
        return Optional.of(new DuplicateElsewhereFlaggedEvent(caseId, kind, command.otherCaseId(), command.otherKind()));
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

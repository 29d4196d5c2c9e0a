package org.weiquan.command.common;

import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.IllegalTransitionException;
import org.weiquan.api.common.InvalidCaseDataException;
import org.weiquan.api.common.LinkRelation;

import java.util.Set;

/** The one rule for links between cases, whatever their kinds: not to itself, not twice. */
public final class CaseLinks {
    private CaseLinks() {
    }

    /**
     * The event that records the link on case {@code caseId}, after checking it; {@code linked} holds the
     * cases this case is already linked to.
     */
    public static CaseLinkedEvent link(CaseRules rules, String caseId, CaseKind kind, Object caseNumber,
                                       Set<String> linked, String linkedCaseId, CaseKind linkedKind,
                                       String linkedCaseNumber, LinkRelation relation, String note) {
        rules.requirePresent(linkedCaseId, "linkedCaseId");
        rules.requirePresent(linkedKind, "linkedKind");
        rules.requirePresent(relation, "relation");
        if (linkedCaseId.equals(caseId)) {
            throw new InvalidCaseDataException("case.self-link", "linkedCaseId", "a case cannot be linked to itself");
        }
        if (linked.contains(linkedCaseId)) {
            throw new IllegalTransitionException("case.already-linked", caseNumber + " is already linked to " + linkedCaseNumber);
        }
        return new CaseLinkedEvent(caseId, kind, linkedCaseId, linkedKind, linkedCaseNumber, relation, note);
    }
}

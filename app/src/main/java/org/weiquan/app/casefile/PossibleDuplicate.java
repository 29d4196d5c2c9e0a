package org.weiquan.app.casefile;

import org.weiquan.api.common.CaseKind;

/**
 * An open case of the same kind with the same worker or employer: shown at intake so that the
 * officer can link instead of filing twice. {@code matchedOn} is "worker" or "employer";
 * {@code status} is null for a case filed so recently that the case list has not shown it yet.
 * <p>
 * A case the filing officer may not see is only said to exist ({@code outsideYourOrganisation}):
 * no id, number, status or match reason, which would tell him who has a case where.
 */
public record PossibleDuplicate(String caseId, CaseKind kind, String caseNumber, String status, String matchedOn,
                                boolean outsideYourOrganisation, String note) {

    public PossibleDuplicate(String caseId, CaseKind kind, String caseNumber, String status, String matchedOn) {
        this(caseId, kind, caseNumber, status, matchedOn, false, null);
    }

    /** One or more open cases of this kind with the same worker outside the viewer's organisation. */
    static PossibleDuplicate sameWorkerElsewhere(CaseKind kind) {
        return new PossibleDuplicate(null, kind, null, null, null, true, "a possible duplicate exists outside your"
                + " organisation; the supervisors over both organisations have been told");
    }

    /** Open cases of this kind at the same employer, outside the viewer's organisation, and none of the worker. */
    static PossibleDuplicate sameEmployerElsewhere(CaseKind kind) {
        return new PossibleDuplicate(null, kind, null, null, null, true,
                "cases at the same employer exist outside your organisation");
    }
}

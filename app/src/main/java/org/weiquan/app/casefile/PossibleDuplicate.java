package org.weiquan.app.casefile;

import org.weiquan.api.common.CaseKind;

/**
 * An open case of the same kind with the same worker or employer: shown at intake so that the
 * officer can link instead of filing twice. {@code matchedOn} is "worker" or "employer";
 * {@code status} is null for a case filed so recently that the case list has not shown it yet.
 */
public record PossibleDuplicate(String caseId, CaseKind kind, String caseNumber, String status, String matchedOn) {
}

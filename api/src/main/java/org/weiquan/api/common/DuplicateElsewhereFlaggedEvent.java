package org.weiquan.api.common;

import org.axonframework.serialization.Revision;

/**
 * At filing, an open case of the same kind naming the same worker or employer was found in an
 * organisation the filing officer may not see. Recorded on the new case; the supervisors whose
 * organisation covers both cases are alerted and shown the pair. The event names the other case
 * only by its id, which tells nobody who may not see it anything: the new case's own officers read
 * this case's history.
 */
@EventType("case.duplicate-elsewhere-flagged")
@Revision("1")
public record DuplicateElsewhereFlaggedEvent(String caseId, CaseKind kind, String otherCaseId, CaseKind otherKind) {
}

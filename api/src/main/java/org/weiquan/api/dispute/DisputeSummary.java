package org.weiquan.api.dispute;

import java.time.LocalDate;
import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.PERSON_NAME;
import static org.weiquan.api.common.Personal.Kind.STAFF;

/** A row of the dispute list. The lead worker's name is masked: lists are seen by many. */
public record DisputeSummary(String disputeId, String caseNumber, DisputeStatus status, String district,
                             String organisation, String category, @Personal(STAFF) String officerInCharge, @Personal(STAFF) String mediator,
                             @Personal(PERSON_NAME) String leadWorkerMasked, int workerCount, String employerName, boolean collective,
                             boolean overdue, LocalDate nextDeadline, LocalDate appliedOn) {
}

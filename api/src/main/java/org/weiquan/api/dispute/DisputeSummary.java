package org.weiquan.api.dispute;

import java.time.LocalDate;

/** A row of the dispute list. The lead worker's name is masked: lists are seen by many. */
public record DisputeSummary(String disputeId, String caseNumber, DisputeStatus status, String district,
                             String organisation, String category, String officerInCharge, String mediator,
                             String leadWorkerMasked, int workerCount, String employerName, boolean collective,
                             boolean overdue, LocalDate nextDeadline, LocalDate appliedOn) {
}

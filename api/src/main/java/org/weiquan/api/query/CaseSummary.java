package org.weiquan.api.query;

import org.weiquan.api.common.CaseKind;

import java.time.Instant;
import java.time.LocalDate;

/** A row of the cross-kind case list; the party name is masked. */
public record CaseSummary(String caseId, CaseKind kind, String caseNumber, String status, boolean open,
                          String district, String organisation, String officerInCharge, boolean overdue,
                          LocalDate nextDeadline, LocalDate openedOn, String partyMasked, String employerName,
                          String creditCode, Instant lastChangedAt) {
}

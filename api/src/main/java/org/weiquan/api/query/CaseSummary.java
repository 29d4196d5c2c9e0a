package org.weiquan.api.query;

import org.weiquan.api.common.CaseKind;

import java.time.Instant;
import java.time.LocalDate;
import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.PERSON_NAME;
import static org.weiquan.api.common.Personal.Kind.STAFF;

/** A row of the cross-kind case list; the party name is masked. */
public record CaseSummary(String caseId, CaseKind kind, String caseNumber, String status, boolean open,
                          String district, String organisation, @Personal(STAFF) String officerInCharge, boolean overdue,
                          LocalDate nextDeadline, LocalDate openedOn, @Personal(PERSON_NAME) String partyMasked, String employerName,
                          String creditCode, Instant lastChangedAt) {
}

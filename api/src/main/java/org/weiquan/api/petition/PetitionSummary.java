package org.weiquan.api.petition;

import java.time.LocalDate;

/**
 * A row of the petition list. The lead petitioner's name is masked, and left out altogether for a
 * whistleblower petition: lists are seen by many, the accused organisation's users among them.
 */
public record PetitionSummary(String petitionId, String caseNumber, PetitionStatus status, String district,
                              String organisation, PetitionChannel channel, PetitionSubject subject,
                              String officerInCharge, String handlingOfficer, String handlingUnit,
                              String leadPetitionerMasked, int petitionerCount, Integer visitorCount,
                              boolean collective, boolean whistleblower, String employerName, boolean overdue,
                              LocalDate nextDeadline, LocalDate receivedOn, boolean claimFinal) {
}

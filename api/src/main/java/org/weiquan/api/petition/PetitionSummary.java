package org.weiquan.api.petition;

import java.time.LocalDate;
import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.PERSON_NAME;
import static org.weiquan.api.common.Personal.Kind.STAFF;

/**
 * A row of the petition list. The lead petitioner's name is masked, and left out altogether for a
 * whistleblower petition: lists are seen by many, the accused organisation's users among them.
 */
public record PetitionSummary(String petitionId, String caseNumber, PetitionStatus status, String district,
                              String organisation, PetitionChannel channel, PetitionSubject subject,
                              @Personal(STAFF) String officerInCharge, @Personal(STAFF) String handlingOfficer, String handlingUnit,
                              @Personal(PERSON_NAME) String leadPetitionerMasked, int petitionerCount, Integer visitorCount,
                              boolean collective, boolean whistleblower, String employerName, boolean overdue,
                              LocalDate nextDeadline, LocalDate receivedOn, boolean claimFinal) {
}

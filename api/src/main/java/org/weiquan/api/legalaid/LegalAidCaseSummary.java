package org.weiquan.api.legalaid;

import java.time.LocalDate;
import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.PERSON_NAME;
import static org.weiquan.api.common.Personal.Kind.STAFF;

/** A row of the legal-aid list. The applicant's name is masked: lists are seen by many. */
public record LegalAidCaseSummary(String legalAidCaseId, String caseNumber, LegalAidStatus status, String district,
                                  String organisation, MatterCategory matterCategory, @Personal(STAFF) String officerInCharge,
                                  @Personal(STAFF) String lawyerId, @Personal(PERSON_NAME) String applicantMasked, boolean migrantWorker,
                                  boolean meansTestExempt, boolean urgentAid, String employerName, boolean overdue,
                                  LocalDate nextDeadline, LocalDate appliedOn) {
}

package org.weiquan.api.legalaid;

import java.time.LocalDate;

/** A row of the legal-aid list. The applicant's name is masked: lists are seen by many. */
public record LegalAidCaseSummary(String legalAidCaseId, String caseNumber, LegalAidStatus status, String district,
                                  String organisation, MatterCategory matterCategory, String officerInCharge,
                                  String lawyerId, String applicantMasked, boolean migrantWorker,
                                  boolean meansTestExempt, boolean urgentAid, String employerName, boolean overdue,
                                  LocalDate nextDeadline, LocalDate appliedOn) {
}

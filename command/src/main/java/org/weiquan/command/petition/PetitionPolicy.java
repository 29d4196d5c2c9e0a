package org.weiquan.command.petition;

import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.LegalPeriod;

import java.util.Objects;

/**
 * The periods and thresholds of 《信访工作条例》 as configuration: the aggregate asks the policy,
 * never a literal.
 *
 * @param assignment                §22: a received petition is forwarded or assigned within this
 * @param acceptanceNotice          §23: the handling unit tells the petitioner within this (from the
 *                                  day it received the petition) whether it accepts it
 * @param competenceObjection       §22: the handling unit may object to its competence within this
 *                                  (working days)
 * @param reply                     §34: the reply is due this long after acceptance
 * @param maxReplyExtensionDays     §34: the one extension may not exceed this many days
 * @param reviewRequest             §35: the petitioner may ask for review this long after the reply
 * @param reviewAnswer              §35: the review opinion is due this long after the request
 * @param reexaminationRequest      §36: the petitioner may ask for re-examination this long after the
 *                                  review opinion
 * @param reexaminationAnswer       §36: the re-examination opinion is due this long after the request
 * @param collectiveVisitMinimum    a visit of at least this many visitors is a collective visit (集体访, "5人以上"
 *                                  includes five)
 */
public record PetitionPolicy(LegalPeriod assignment, LegalPeriod acceptanceNotice, LegalPeriod competenceObjection,
                             LegalPeriod reply, int maxReplyExtensionDays, LegalPeriod reviewRequest,
                             LegalPeriod reviewAnswer, LegalPeriod reexaminationRequest,
                             LegalPeriod reexaminationAnswer, int collectiveVisitMinimum,
                             DeadlineCalculator calculator) {
    public PetitionPolicy {
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(acceptanceNotice, "acceptanceNotice");
        Objects.requireNonNull(competenceObjection, "competenceObjection");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(reviewRequest, "reviewRequest");
        Objects.requireNonNull(reviewAnswer, "reviewAnswer");
        Objects.requireNonNull(reexaminationRequest, "reexaminationRequest");
        Objects.requireNonNull(reexaminationAnswer, "reexaminationAnswer");
        Objects.requireNonNull(calculator, "calculator");
        if (maxReplyExtensionDays < 0) throw new IllegalArgumentException("maxReplyExtensionDays < 0");
        if (collectiveVisitMinimum < 1) throw new IllegalArgumentException("collectiveVisitMinimum < 1");
    }

    /** The periods the law sets today. */
    public static PetitionPolicy statutory(DeadlineCalculator calculator) {
        return new PetitionPolicy(LegalPeriod.calendarDays(15), LegalPeriod.calendarDays(15),
                LegalPeriod.workingDays(5), LegalPeriod.calendarDays(60), 30, LegalPeriod.calendarDays(30),
                LegalPeriod.calendarDays(30), LegalPeriod.calendarDays(30), LegalPeriod.calendarDays(30), 5,
                calculator);
    }
}

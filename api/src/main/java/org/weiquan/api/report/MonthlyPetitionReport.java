package org.weiquan.api.report;

import org.weiquan.api.common.District;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionSubject;
import org.weiquan.api.petition.SatisfactionRating;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;

/**
 * The monthly petition analysis report (信访分析月报). Every figure is about the petitions
 * <em>received</em> in {@code month} (China's calendar) by the organisations the viewer covers, as
 * they stand now: a petition received in the month and accepted in the next counts as accepted in
 * the month's report. The maps list every channel, subject and district, with zero where there is
 * none. A rate is a fraction from 0 to 1 rounded to four places, and null when there is nothing to
 * divide by.
 *
 * @param organisation the viewer's organisation: the report covers it and those below it
 * @param basis        what the figures count, in words, for whoever reads the report
 */
public record MonthlyPetitionReport(YearMonth month, String organisation, String basis, Totals totals,
                                    Map<PetitionChannel, Long> byChannel, Map<PetitionSubject, Long> bySubject,
                                    Map<District, Long> byDistrict, Acceptance acceptance, BigDecimal acceptanceRate,
                                    Replies replies, BigDecimal onTimeReplyRate, Satisfaction satisfaction,
                                    RepeatPetitioners repeatPetitioners) {

    /**
     * @param received         petitions received in the month
     * @param collectiveVisits of which collective visits (集体访)
     * @param notRegistered    of which not yet registered, so without a subject in {@code bySubject}
     */
    public record Totals(long received, long collectiveVisits, long notRegistered) {
    }

    /** Whether the petitions were accepted (§23); the rate is accepted ÷ (accepted + not accepted). */
    public record Acceptance(long accepted, long notAccepted, long pending) {
    }

    /** Written replies (§34); the on-time rate is replied within the period ÷ replied. */
    public record Replies(long replied, long withinPeriod, long late) {
    }

    /**
     * The petitioners' first rating of an answer (§21), one per petition that has one.
     *
     * @param satisfiedShare                  SATISFIED ÷ rated
     * @param satisfiedOrBasicallySatisfiedShare (SATISFIED + BASICALLY_SATISFIED) ÷ rated
     */
    public record Satisfaction(long rated, Map<SatisfactionRating, Long> byRating, BigDecimal satisfiedShare,
                               BigDecimal satisfiedOrBasicallySatisfiedShare) {
    }

    /**
     * @param count       petitioners of the month who are repeat petitioners (see {@code definition})
     * @param petitioners distinct petitioners (by ID number) named in the month's petitions
     * @param share       count ÷ petitioners
     */
    public record RepeatPetitioners(long count, long petitioners, BigDecimal share, String definition) {
    }
}

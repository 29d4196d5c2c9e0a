package org.weiquan.command.legalaid;

import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.LegalPeriod;
import org.weiquan.command.deadline.PeriodUnit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The periods of 《法律援助法》 as configuration: the aggregate asks the policy, never a literal.
 *
 * <p>The decision period does not run while the applicant supplies missing materials (办理法律援助案件程序规定:
 * 申请人补充材料、作出说明所需的时间不计入审查期限). It stops on the day the notice goes out and resumes
 * the day after the materials arrive with the days it had left: a notice sent on the day of the
 * application leaves the whole period, a notice sent on its last counted day leaves none, and the
 * decision is then due on the day the materials arrive (or the next working day).
 *
 * @param decision                §43: the eligibility decision is due this long after the application
 * @param lawyerAssignment        §43: the lawyer is assigned this long after the approval
 * @param objectionReview         §49: an objection to a rejection is reviewed within this
 * @param urgentAidThresholdDays  §44: urgent aid when fewer than this many days remain to a limitation or
 *                                procedural deadline
 */
public record LegalAidPolicy(LegalPeriod decision, LegalPeriod lawyerAssignment, LegalPeriod objectionReview,
                             int urgentAidThresholdDays, DeadlineCalculator calculator) {
    public LegalAidPolicy {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(lawyerAssignment, "lawyerAssignment");
        Objects.requireNonNull(objectionReview, "objectionReview");
        Objects.requireNonNull(calculator, "calculator");
        if (urgentAidThresholdDays < 1) throw new IllegalArgumentException("urgentAidThresholdDays < 1");
    }

    /** The periods the law sets today. */
    public static LegalAidPolicy statutory(DeadlineCalculator calculator) {
        return new LegalAidPolicy(LegalPeriod.calendarDays(7), LegalPeriod.calendarDays(3),
                LegalPeriod.calendarDays(5), 7, calculator);
    }

    public LocalDate decisionDue(LocalDate appliedOn) {
        return calculator.lastDay(appliedOn, decision);
    }

    public LocalDate lawyerAssignmentDue(LocalDate from) {
        return calculator.lastDay(from, lawyerAssignment);
    }

    public LocalDate objectionReviewDue(LocalDate lodgedOn) {
        return calculator.lastDay(lodgedOn, objectionReview);
    }

    /**
     * The days of the decision period used from the application to the day the notice went out, in the
     * period's unit (the application day not counted, the notice day counted), at most the whole period.
     */
    public int decisionDaysUsed(LocalDate appliedOn, LocalDate requestedOn) {
        long used;
        if (decision.unit() == PeriodUnit.CALENDAR_DAYS) {
            used = ChronoUnit.DAYS.between(appliedOn, requestedOn);
        } else {
            used = 0;
            for (LocalDate day = appliedOn.plusDays(1); !day.isAfter(requestedOn); day = day.plusDays(1)) {
                if (calculator.calendar().isWorkingDay(day)) used++;
            }
        }
        return (int) Math.max(0, Math.min(decision.amount(), used));
    }

    /** The last day of the decision period resumed with what was left of it after {@code daysUsed}. */
    public LocalDate decisionDueAfterMaterials(int daysUsed, LocalDate receivedOn) {
        int left = decision.amount() - daysUsed;
        if (left < 1) return calculator.calendar().onOrNextWorkingDay(receivedOn);
        return calculator.lastDay(receivedOn, new LegalPeriod(left, decision.unit()));
    }
}

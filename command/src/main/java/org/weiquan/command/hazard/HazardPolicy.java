package org.weiquan.command.hazard;

import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.LegalPeriod;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The periods of safety hazard work as configuration: the aggregate asks the policy, never a literal.
 * The law fixes no rectification period: each notice sets its own deadline (整改期限), and only the
 * rule for a deadline falling on a rest day comes from the law.
 *
 * @param employerAnswer 工会劳动法律监督办法 (2021) §20: the employer answers the union's notice in
 *                       writing within this period of receiving it (15 working days); 《安全生产法》§60
 *                       only says "promptly" (及时研究答复)
 */
public record HazardPolicy(LegalPeriod employerAnswer, DeadlineCalculator calculator) {
    public HazardPolicy {
        Objects.requireNonNull(employerAnswer, "employerAnswer");
        Objects.requireNonNull(calculator, "calculator");
    }

    /** The periods the rules set today. */
    public static HazardPolicy statutory(DeadlineCalculator calculator) {
        return new HazardPolicy(LegalPeriod.workingDays(15), calculator);
    }

    /**
     * The last day for the rectification a notice orders by {@code deadline}: that day, or the next
     * working day when it is a rest day (民法典 §203).
     */
    public LocalDate rectificationDueOn(LocalDate deadline) {
        return calculator.calendar().onOrNextWorkingDay(deadline);
    }

    /** The last day for the employer's written answer to a notice issued (and served) on {@code issuedOn}. */
    public LocalDate employerAnswerDueOn(LocalDate issuedOn) {
        return calculator.lastDay(issuedOn, employerAnswer);
    }
}

package org.weiquan.command.dispute;

import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.LegalPeriod;

import java.time.Period;
import java.util.Objects;

/**
 * The periods and thresholds of 《劳动争议调解仲裁法》 as configuration: the aggregate asks the policy,
 * never a literal.
 *
 * @param mediation             §14: mediation without agreement for this long → the worker may go to arbitration
 * @param arbitrationAcceptance §29: the commission decides whether to accept within this
 * @param arbitrationAward      §43: the award is due this long after acceptance
 * @param maxAwardExtensionDays §43: the one extension may not exceed this many days
 * @param filingLimitation      §27: a filing later than this after the worker knew is flagged
 * @param collectiveThreshold   §7: this many workers or more with a common claim make a collective dispute
 */
public record DisputePolicy(LegalPeriod mediation, LegalPeriod arbitrationAcceptance, LegalPeriod arbitrationAward,
                            int maxAwardExtensionDays, Period filingLimitation, int collectiveThreshold,
                            DeadlineCalculator calculator) {
    public DisputePolicy {
        Objects.requireNonNull(mediation);
        Objects.requireNonNull(arbitrationAcceptance);
        Objects.requireNonNull(arbitrationAward);
        Objects.requireNonNull(filingLimitation);
        Objects.requireNonNull(calculator);
        if (maxAwardExtensionDays < 0) throw new IllegalArgumentException("maxAwardExtensionDays < 0");
        if (collectiveThreshold < 2) throw new IllegalArgumentException("collectiveThreshold < 2");
    }

    /** The periods the law sets today. */
    public static DisputePolicy statutory(DeadlineCalculator calculator) {
        return new DisputePolicy(LegalPeriod.calendarDays(15), LegalPeriod.calendarDays(5),
                LegalPeriod.calendarDays(45), 15, Period.ofYears(1), 10, calculator);
    }
}

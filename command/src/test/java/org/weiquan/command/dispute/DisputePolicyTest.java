package org.weiquan.command.dispute;

import org.junit.jupiter.api.Test;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.HolidayCalendar;
import org.weiquan.command.deadline.LegalPeriod;

import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisputePolicyTest {
    private final DeadlineCalculator calculator = new DeadlineCalculator(HolidayCalendar.weekendsOnly());

    @Test
    void the_statutory_policy_has_the_periods_of_the_mediation_and_arbitration_law() {
        DisputePolicy policy = DisputePolicy.statutory(calculator);
        assertThat(policy.mediation()).isEqualTo(LegalPeriod.calendarDays(15));
        assertThat(policy.arbitrationAcceptance()).isEqualTo(LegalPeriod.calendarDays(5));
        assertThat(policy.arbitrationAward()).isEqualTo(LegalPeriod.calendarDays(45));
        assertThat(policy.maxAwardExtensionDays()).isEqualTo(15);
        assertThat(policy.filingLimitation()).isEqualTo(Period.ofYears(1));
        assertThat(policy.collectiveThreshold()).isEqualTo(10);
        assertThat(policy.calculator()).isSameAs(calculator);
    }

    @Test
    void a_policy_refuses_a_collective_threshold_below_two_workers() {
        assertThatThrownBy(() -> new DisputePolicy(LegalPeriod.calendarDays(15), LegalPeriod.calendarDays(5),
                LegalPeriod.calendarDays(45), 15, Period.ofYears(1), 1, calculator))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_policy_refuses_a_negative_extension_limit() {
        assertThatThrownBy(() -> new DisputePolicy(LegalPeriod.calendarDays(15), LegalPeriod.calendarDays(5),
                LegalPeriod.calendarDays(45), -1, Period.ofYears(1), 10, calculator))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_policy_needs_every_period_and_a_calculator() {
        assertThatThrownBy(() -> new DisputePolicy(null, LegalPeriod.calendarDays(5),
                LegalPeriod.calendarDays(45), 15, Period.ofYears(1), 10, calculator))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new DisputePolicy(LegalPeriod.calendarDays(15), LegalPeriod.calendarDays(5),
                LegalPeriod.calendarDays(45), 15, Period.ofYears(1), 10, null))
                .isInstanceOf(NullPointerException.class);
    }
}

package org.weiquan.command.petition;

import org.junit.jupiter.api.Test;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.HolidayCalendar;
import org.weiquan.command.deadline.LegalPeriod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PetitionPolicyTest {
    private final DeadlineCalculator calculator = new DeadlineCalculator(HolidayCalendar.weekendsOnly());

    @Test
    void the_statutory_policy_has_the_periods_of_the_petition_regulations() {
        PetitionPolicy policy = PetitionPolicy.statutory(calculator);
        assertThat(policy.assignment()).isEqualTo(LegalPeriod.calendarDays(15));
        assertThat(policy.acceptanceNotice()).isEqualTo(LegalPeriod.calendarDays(15));
        assertThat(policy.competenceObjection()).isEqualTo(LegalPeriod.workingDays(5));
        assertThat(policy.reply()).isEqualTo(LegalPeriod.calendarDays(60));
        assertThat(policy.maxReplyExtensionDays()).isEqualTo(30);
        assertThat(policy.reviewRequest()).isEqualTo(LegalPeriod.calendarDays(30));
        assertThat(policy.reviewAnswer()).isEqualTo(LegalPeriod.calendarDays(30));
        assertThat(policy.reexaminationRequest()).isEqualTo(LegalPeriod.calendarDays(30));
        assertThat(policy.reexaminationAnswer()).isEqualTo(LegalPeriod.calendarDays(30));
        assertThat(policy.collectiveVisitMinimum()).isEqualTo(5);
        assertThat(policy.calculator()).isSameAs(calculator);
    }

    @Test
    void a_policy_refuses_a_collective_minimum_below_one_visitor() {
        assertThatThrownBy(() -> withMinimumAndExtension(0, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThat(withMinimumAndExtension(1, 30).collectiveVisitMinimum()).isEqualTo(1);
    }

    @Test
    void a_policy_refuses_a_negative_extension_limit() {
        assertThatThrownBy(() -> withMinimumAndExtension(5, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(withMinimumAndExtension(5, 0).maxReplyExtensionDays()).isZero();
    }

    @Test
    void a_policy_needs_every_period_and_a_calculator() {
        LegalPeriod days = LegalPeriod.calendarDays(15);
        assertThatThrownBy(() -> new PetitionPolicy(null, days, days, days, 30, days, days, days, days, 5, calculator))
                .isInstanceOf(NullPointerException.class).hasMessage("assignment");
        assertThatThrownBy(() -> new PetitionPolicy(days, days, null, days, 30, days, days, days, days, 5, calculator))
                .isInstanceOf(NullPointerException.class).hasMessage("competenceObjection");
        assertThatThrownBy(() -> new PetitionPolicy(days, days, days, days, 30, days, days, days, null, 5, calculator))
                .isInstanceOf(NullPointerException.class).hasMessage("reexaminationAnswer");
        assertThatThrownBy(() -> new PetitionPolicy(days, days, days, days, 30, days, days, days, days, 5, null))
                .isInstanceOf(NullPointerException.class).hasMessage("calculator");
    }

    private PetitionPolicy withMinimumAndExtension(int threshold, int maxExtension) {
        LegalPeriod days = LegalPeriod.calendarDays(30);
        return new PetitionPolicy(days, days, LegalPeriod.workingDays(5), days, maxExtension, days, days, days, days,
                threshold, calculator);
    }
}

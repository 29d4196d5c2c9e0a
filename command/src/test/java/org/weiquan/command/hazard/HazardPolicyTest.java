package org.weiquan.command.hazard;

import org.junit.jupiter.api.Test;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.HolidayCalendar;
import org.weiquan.command.deadline.LegalPeriod;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HazardPolicyTest {
    /** Weekends, plus one made-up holiday and one made-up working Saturday, to see each rule act alone. */
    private static final LocalDate HOLIDAY = LocalDate.parse("2027-06-09"); // a Wednesday
    private static final LocalDate WORKING_SATURDAY = LocalDate.parse("2027-06-12");
    private final DeadlineCalculator calculator = new DeadlineCalculator(
            new HolidayCalendar(Set.of(HOLIDAY), Set.of(WORKING_SATURDAY)));

    @Test
    void the_statutory_policy_gives_the_employer_15_working_days_to_answer() {
        HazardPolicy policy = HazardPolicy.statutory(calculator);
        assertThat(policy.employerAnswer()).isEqualTo(LegalPeriod.workingDays(15));
        assertThat(policy.calculator()).isSameAs(calculator);
    }

    @Test
    void a_policy_needs_its_period_and_a_calculator() {
        assertThatThrownBy(() -> new HazardPolicy(null, calculator)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new HazardPolicy(LegalPeriod.workingDays(15), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_rectification_deadline_on_a_working_day_is_due_that_day() {
        HazardPolicy policy = HazardPolicy.statutory(calculator);
        assertThat(policy.rectificationDueOn(LocalDate.parse("2027-06-08"))).isEqualTo("2027-06-08");
    }

    @Test
    void a_rectification_deadline_on_a_holiday_or_a_weekend_is_due_on_the_next_working_day() {
        HazardPolicy policy = HazardPolicy.statutory(calculator);
        assertThat(policy.rectificationDueOn(HOLIDAY)).isEqualTo("2027-06-10");
        assertThat(policy.rectificationDueOn(LocalDate.parse("2027-06-13"))).as("a Sunday").isEqualTo("2027-06-14");
    }

    @Test
    void a_rectification_deadline_on_an_adjusted_working_saturday_stays_there() {
        assertThat(HazardPolicy.statutory(calculator).rectificationDueOn(WORKING_SATURDAY)).isEqualTo(WORKING_SATURDAY);
    }

    @Test
    void the_answer_period_counts_working_days_from_the_day_after_the_notice() {
        // Mon 06-07: 06-08 (1), holiday 06-09 skipped, 06-10 (2), 06-11 (3), Sat 06-12 worked (4), 06-14 (5)
        HazardPolicy policy = new HazardPolicy(LegalPeriod.workingDays(5), calculator);
        assertThat(policy.employerAnswerDueOn(LocalDate.parse("2027-06-07"))).isEqualTo("2027-06-14");
    }

    @Test
    void a_configured_answer_period_in_calendar_days_rolls_a_rest_day_forward() {
        HazardPolicy policy = new HazardPolicy(LegalPeriod.calendarDays(2), calculator);
        assertThat(policy.employerAnswerDueOn(LocalDate.parse("2027-06-07"))).as("06-09 is the holiday")
                .isEqualTo("2027-06-10");
    }
}

package org.weiquan.command.legalaid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.HolidayCalendar;
import org.weiquan.command.deadline.LegalPeriod;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The legal-aid periods against China's 2026 holiday calendar (holidays/cn.csv). */
class LegalAidPolicyTest {
    private static final DeadlineCalculator CALCULATOR = new DeadlineCalculator(calendar());
    private final LegalAidPolicy statutory = LegalAidPolicy.statutory(CALCULATOR);
    /** The rule before 《法律援助法》 (程序规定 2012: 7 working days), as an office might still configure it. */
    private final LegalAidPolicy workingDays = new LegalAidPolicy(LegalPeriod.workingDays(7),
            LegalPeriod.calendarDays(3), LegalPeriod.workingDays(5), 7, CALCULATOR);

    private static HolidayCalendar calendar() {
        try (InputStream csv = LegalAidPolicyTest.class.getResourceAsStream("/holidays/cn.csv")) {
            if (csv == null) throw new IllegalStateException("holidays/cn.csv is not on the classpath");
            return HolidayCalendar.parse(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void the_statutory_policy_has_the_periods_of_the_legal_aid_law() {
        assertThat(statutory.decision()).isEqualTo(LegalPeriod.calendarDays(7));
        assertThat(statutory.lawyerAssignment()).isEqualTo(LegalPeriod.calendarDays(3));
        assertThat(statutory.objectionReview()).isEqualTo(LegalPeriod.calendarDays(5));
        assertThat(statutory.urgentAidThresholdDays()).isEqualTo(7);
        assertThat(statutory.calculator()).isSameAs(CALCULATOR);
    }

    @Test
    void the_application_day_is_not_counted_in_the_decision_period() {
        // Mon 2026-03-02: day 1 is 03-03, day 7 is Mon 03-09
        assertThat(statutory.decisionDue(d("2026-03-02"))).isEqualTo(d("2026-03-09"));
    }

    @Test
    void a_decision_period_ending_on_national_day_ends_on_the_next_working_day() {
        // Thu 2026-09-24 + 7 = Thu 10-01; 10-01..10-07 are holidays
        assertThat(statutory.decisionDue(d("2026-09-24"))).isEqualTo(d("2026-10-08"));
    }

    @Test
    void a_lawyer_assignment_period_ending_on_a_weekend_ends_on_the_monday() {
        // Thu 2026-03-05 + 3 = Sun 03-08
        assertThat(statutory.lawyerAssignmentDue(d("2026-03-05"))).isEqualTo(d("2026-03-09"));
        assertThat(statutory.lawyerAssignmentDue(d("2026-03-03"))).isEqualTo(d("2026-03-06"));
    }

    @Test
    void an_objection_review_period_ending_on_the_dragon_boat_festival_rolls_over() {
        // Mon 2026-06-15 + 5 = Sat 06-20; 06-19..06-21 are holidays
        assertThat(statutory.objectionReviewDue(d("2026-06-15"))).isEqualTo(d("2026-06-22"));
    }

    @Test
    void a_working_day_decision_period_skips_the_spring_festival_and_counts_the_adjusted_saturdays() {
        // from Fri 2026-02-13: Sat 02-14 worked (1), 02-15..23 holidays, 02-24 (2), 25 (3), 26 (4), 27 (5),
        // Sat 02-28 worked (6), Sun 03-01 rest, Mon 03-02 (7)
        assertThat(workingDays.decisionDue(d("2026-02-13"))).isEqualTo(d("2026-03-02"));
    }

    @ParameterizedTest(name = "applied {0}, notice {1}: {2} days used")
    @CsvSource({
            "2026-03-02, 2026-03-02, 0",
            "2026-03-02, 2026-03-04, 2",
            "2026-03-02, 2026-03-09, 7",
            "2026-09-24, 2026-10-08, 7", // notice on the rolled-over last day: nothing is left
    })
    void the_days_used_count_calendar_days_after_the_application_up_to_the_notice(String applied, String notice,
                                                                                   int used) {
        assertThat(statutory.decisionDaysUsed(d(applied), d(notice))).isEqualTo(used);
    }

    @Test
    void the_days_used_of_a_working_day_period_count_only_working_days() {
        // from Fri 2026-02-13 to Wed 02-25: Sat 02-14 (worked), 02-24, 02-25
        assertThat(workingDays.decisionDaysUsed(d("2026-02-13"), d("2026-02-25"))).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} days used, materials on {1}: decision due {2}")
    @CsvSource({
            "0, 2026-03-12, 2026-03-19", // a notice on the day of the application leaves the whole period
            "2, 2026-03-12, 2026-03-17", // five days left, counted from the day after the materials arrived
            "2, 2026-03-10, 2026-03-16", // 03-15 is a Sunday
            "6, 2026-09-30, 2026-10-08", // one day left, 10-01 is National Day
            "7, 2026-03-12, 2026-03-12", // nothing left: due on the day the materials arrive
            "7, 2026-03-14, 2026-03-16", // ... or on the next working day when they arrive on a Saturday
    })
    void the_decision_period_resumes_with_the_days_it_had_left(int used, String receivedOn, String dueOn) {
        assertThat(statutory.decisionDueAfterMaterials(used, d(receivedOn))).isEqualTo(d(dueOn));
    }

    @Test
    void a_working_day_decision_period_resumes_with_working_days() {
        // 3 used, 4 left from Fri 2026-02-27: Sat 02-28 (worked, 1), 03-02 (2), 03-03 (3), 03-04 (4)
        assertThat(workingDays.decisionDueAfterMaterials(3, d("2026-02-27"))).isEqualTo(d("2026-03-04"));
    }

    @Test
    void a_policy_needs_every_period_and_a_calculator() {
        assertThatThrownBy(() -> new LegalAidPolicy(null, LegalPeriod.calendarDays(3), LegalPeriod.calendarDays(5),
                7, CALCULATOR)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LegalAidPolicy(LegalPeriod.calendarDays(7), null, LegalPeriod.calendarDays(5),
                7, CALCULATOR)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LegalAidPolicy(LegalPeriod.calendarDays(7), LegalPeriod.calendarDays(3), null,
                7, CALCULATOR)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new LegalAidPolicy(LegalPeriod.calendarDays(7), LegalPeriod.calendarDays(3),
                LegalPeriod.calendarDays(5), 7, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void a_policy_refuses_an_urgent_aid_threshold_below_one_day() {
        assertThatThrownBy(() -> new LegalAidPolicy(LegalPeriod.calendarDays(7), LegalPeriod.calendarDays(3),
                LegalPeriod.calendarDays(5), 0, CALCULATOR)).isInstanceOf(IllegalArgumentException.class);
    }
}

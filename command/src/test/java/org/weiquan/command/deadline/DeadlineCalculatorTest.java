package org.weiquan.command.deadline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineCalculatorTest {
    private final DeadlineCalculator calculator = new DeadlineCalculator(HolidayCalendarTest.load());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void the_start_day_is_not_counted_in_a_calendar_day_period() {
        // 2026-03-02 is a Monday; day 1 is 03-03, day 15 is 03-17 (a Tuesday)
        assertThat(calculator.lastDay(d("2026-03-02"), LegalPeriod.calendarDays(15))).isEqualTo(d("2026-03-17"));
        assertThat(calculator.lastDay(d("2026-03-04"), LegalPeriod.calendarDays(1))).isEqualTo(d("2026-03-05"));
    }

    @Test
    void the_start_day_is_not_counted_in_a_working_day_period() {
        assertThat(calculator.lastDay(d("2026-03-04"), LegalPeriod.workingDays(1))).isEqualTo(d("2026-03-05"));
    }

    @Test
    void a_calendar_day_period_ending_on_a_public_holiday_rolls_over_to_the_next_working_day() {
        // 2026-09-16 + 15 = 2026-10-01, National Day; 10-01..10-07 are holidays
        assertThat(calculator.lastDay(d("2026-09-16"), LegalPeriod.calendarDays(15))).isEqualTo(d("2026-10-08"));
        // 2026-03-20 + 45 = 2026-05-04, Labour Day holiday; 05-05 too
        assertThat(calculator.lastDay(d("2026-03-20"), LegalPeriod.calendarDays(45))).isEqualTo(d("2026-05-06"));
    }

    @Test
    void a_calendar_day_period_ending_on_a_weekend_rolls_over_to_the_monday() {
        // 2026-03-06 + 15 = 2026-03-21, a Saturday
        assertThat(calculator.lastDay(d("2026-03-06"), LegalPeriod.calendarDays(15))).isEqualTo(d("2026-03-23"));
        // 2026-03-07 + 15 = 2026-03-22, a Sunday
        assertThat(calculator.lastDay(d("2026-03-07"), LegalPeriod.calendarDays(15))).isEqualTo(d("2026-03-23"));
    }

    @Test
    void a_calendar_day_period_ending_on_a_holiday_weekend_rolls_over_past_the_whole_holiday() {
        // 2026-09-10 + 15 = 2026-09-25 (Mid-Autumn, Friday), then 26/27 are holidays on the weekend
        assertThat(calculator.lastDay(d("2026-09-10"), LegalPeriod.calendarDays(15))).isEqualTo(d("2026-09-28"));
    }

    @Test
    void a_calendar_day_period_ending_on_an_adjusted_working_weekend_does_not_roll_over() {
        // 2026-09-25 + 15 = 2026-10-10, a Saturday worked in exchange for the National Day holiday
        assertThat(calculator.lastDay(d("2026-09-25"), LegalPeriod.calendarDays(15))).isEqualTo(d("2026-10-10"));
        // 2026-09-05 + 15 = 2026-09-20, a Sunday worked
        assertThat(calculator.lastDay(d("2026-09-05"), LegalPeriod.calendarDays(15))).isEqualTo(d("2026-09-20"));
    }

    @Test
    void holidays_inside_a_calendar_day_period_are_counted() {
        // 2026-09-28 + 15 = 2026-10-13 (a Tuesday) although 10-01..10-07 are holidays
        assertThat(calculator.lastDay(d("2026-09-28"), LegalPeriod.calendarDays(15))).isEqualTo(d("2026-10-13"));
    }

    @Test
    void a_working_day_period_skips_public_holidays_and_weekends_but_counts_adjusted_working_weekends() {
        // from Wed 2026-09-30: 10-01..07 holidays; 10-08 (1), 10-09 (2), Sat 10-10 worked (3), Sun 10-11 rest,
        // 10-12 (4), 10-13 (5)
        assertThat(calculator.lastDay(d("2026-09-30"), LegalPeriod.workingDays(5))).isEqualTo(d("2026-10-13"));
    }

    @Test
    void a_working_day_period_skips_an_ordinary_weekend() {
        // from Mon 2026-03-02: 03-03, 04, 05, 06, (weekend), 09
        assertThat(calculator.lastDay(d("2026-03-02"), LegalPeriod.workingDays(5))).isEqualTo(d("2026-03-09"));
        assertThat(calculator.lastDay(d("2026-03-06"), LegalPeriod.workingDays(1))).isEqualTo(d("2026-03-09"));
    }

    @Test
    void a_working_day_period_starting_on_a_weekend_can_end_on_an_adjusted_working_sunday() {
        assertThat(calculator.lastDay(d("2026-09-19"), LegalPeriod.workingDays(1))).isEqualTo(d("2026-09-20"));
    }

    @Test
    void a_working_day_period_across_the_spring_festival_counts_its_working_saturday() {
        // from Thu 2026-02-12: Fri 02-13 (1), Sat 02-14 worked (2), 02-15..23 holidays, Tue 02-24 (3)
        assertThat(calculator.lastDay(d("2026-02-12"), LegalPeriod.workingDays(3))).isEqualTo(d("2026-02-24"));
    }

    @ParameterizedTest(name = "{1} from {0} ends on {2}")
    @CsvSource({
            "2026-03-02, 15 calendar-days, 2026-03-17",
            "2026-03-20, 5 calendar-days, 2026-03-25",
            "2026-03-24, 45 calendar-days, 2026-05-08",
            "2026-03-24, 55 calendar-days, 2026-05-18",
            "2026-03-24, 46 calendar-days, 2026-05-09",
            "2026-03-24, 60 calendar-days, 2026-05-25",
            "2026-09-30, 5 working-days, 2026-10-13",
            "2026-09-24, 2 working-days, 2026-09-29",
    })
    void periods_from_configuration_end_on_the_expected_day(String start, String period, String expected) {
        assertThat(calculator.lastDay(d(start), LegalPeriod.parse(period))).isEqualTo(d(expected));
    }

    @Test
    void with_a_weekends_only_calendar_a_thursday_national_day_is_a_working_day() {
        DeadlineCalculator weekendsOnly = new DeadlineCalculator(HolidayCalendar.weekendsOnly());
        assertThat(weekendsOnly.lastDay(d("2026-09-16"), LegalPeriod.calendarDays(15))).isEqualTo(d("2026-10-01"));
        assertThat(weekendsOnly.lastDay(d("2026-09-30"), LegalPeriod.workingDays(5))).isEqualTo(d("2026-10-07"));
    }

    @Test
    void a_period_ends_at_the_following_midnight_in_china_whatever_the_server_zone() {
        ZonedDateTime end = DeadlineCalculator.endOf(d("2026-03-17"));
        assertThat(end.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(end.toLocalDateTime()).isEqualTo(d("2026-03-18").atStartOfDay());
        assertThat(end.toInstant()).isEqualTo(Instant.parse("2026-03-17T16:00:00Z"));
    }

    @Test
    void the_calculator_exposes_its_calendar() {
        HolidayCalendar calendar = HolidayCalendar.weekendsOnly();
        assertThat(new DeadlineCalculator(calendar).calendar()).isSameAs(calendar);
    }
}

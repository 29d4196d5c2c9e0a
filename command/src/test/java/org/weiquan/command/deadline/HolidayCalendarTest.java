package org.weiquan.command.deadline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayCalendarTest {
    private static final HolidayCalendar CN = load();

    static HolidayCalendar load() {
        InputStream csv = HolidayCalendarTest.class.getResourceAsStream("/holidays/cn.csv");
        assertThat(csv).as("classpath resource /holidays/cn.csv").isNotNull();
        return HolidayCalendar.parse(csv);
    }

    private static HolidayCalendar parse(String text) {
        return HolidayCalendar.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void an_ordinary_weekday_is_a_working_day() {
        assertThat(CN.isWorkingDay(d("2026-03-04"))).isTrue();
        assertThat(CN.isWorkingDay(d("2026-10-14"))).isTrue();
    }

    @Test
    void an_ordinary_weekend_is_a_rest_day() {
        assertThat(d("2026-10-17").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(CN.isWorkingDay(d("2026-10-17"))).isFalse();
        assertThat(CN.isWorkingDay(d("2026-10-18"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2026-02-16", "2026-05-01", "2026-05-05", "2026-06-19", "2026-09-25",
            "2026-10-01", "2026-10-05", "2026-10-07", "2025-10-08"})
    void a_public_holiday_on_a_weekday_is_a_rest_day(String date) {
        assertThat(d(date).getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(CN.isWorkingDay(d(date))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-10-10", "2026-09-20", "2026-05-09", "2026-02-14", "2026-02-28", "2026-01-04",
            "2025-10-11"})
    void an_adjusted_working_weekend_is_a_working_day(String date) {
        assertThat(d(date).getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(CN.isWorkingDay(d(date))).isTrue();
    }

    @Test
    void a_working_day_is_its_own_next_working_day() {
        assertThat(CN.onOrNextWorkingDay(d("2026-03-17"))).isEqualTo(d("2026-03-17"));
        assertThat(CN.onOrNextWorkingDay(d("2026-10-10"))).isEqualTo(d("2026-10-10"));
    }

    @Test
    void a_rest_day_rolls_over_to_the_next_working_day() {
        assertThat(CN.onOrNextWorkingDay(d("2026-03-07"))).isEqualTo(d("2026-03-09"));
        assertThat(CN.onOrNextWorkingDay(d("2026-10-01"))).isEqualTo(d("2026-10-08"));
        assertThat(CN.onOrNextWorkingDay(d("2026-09-25"))).isEqualTo(d("2026-09-28"));
        assertThat(CN.onOrNextWorkingDay(d("2026-05-01"))).isEqualTo(d("2026-05-06"));
        assertThat(CN.onOrNextWorkingDay(d("2026-02-15"))).isEqualTo(d("2026-02-24"));
    }

    @Test
    void the_weekends_only_calendar_knows_no_holidays_and_no_adjusted_weekends() {
        HolidayCalendar weekends = HolidayCalendar.weekendsOnly();
        assertThat(weekends.isWorkingDay(d("2026-10-01"))).isTrue();
        assertThat(weekends.isWorkingDay(d("2026-10-10"))).isFalse();
        assertThat(weekends.onOrNextWorkingDay(d("2026-10-10"))).isEqualTo(d("2026-10-12"));
    }

    @Test
    void parsing_skips_blank_and_comment_lines_and_tolerates_spaces_and_a_missing_name() {
        HolidayCalendar calendar = parse("""
                # a comment
                
                   # an indented comment
                2026-10-01,holiday,National Day 国庆节
                 2026-10-02 , holiday
                2026-10-10,workday,with, commas, in the name
                """);
        assertThat(calendar.isWorkingDay(d("2026-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-10-02"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2026-10-10"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-10-05"))).as("not listed: an ordinary Monday").isTrue();
    }

    @Test
    void an_empty_file_gives_a_weekends_only_calendar() {
        HolidayCalendar calendar = parse("");
        assertThat(calendar.isWorkingDay(d("2026-10-01"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-10-10"))).isFalse();
    }

    @Test
    void a_line_without_a_kind_is_rejected_with_its_line_number() {
        assertThatThrownBy(() -> parse("# header\n2026-10-01,holiday\n2026-10-02\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void a_bad_date_is_rejected() {
        assertThatThrownBy(() -> parse("2026-13-01,holiday,nonsense"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("bad date");
        assertThatThrownBy(() -> parse("01.10.2026,holiday"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_uncommented_header_line_is_rejected() {
        assertThatThrownBy(() -> parse("date,kind,name\n2026-10-01,holiday,National Day"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-10-01,vacation,x", "2026-10-01,Holiday", "2026-10-01,,x", "2026-10-01,rest"})
    void an_unknown_kind_is_rejected(String line) {
        assertThatThrownBy(() -> parse("2026-09-30,holiday\n" + line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("holiday or workday");
    }

    @Test
    void a_day_listed_both_as_holiday_and_as_working_day_is_rejected() {
        assertThatThrownBy(() -> parse("2026-10-01,holiday\n2026-10-01,workday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-10-01");
        assertThatThrownBy(() -> new HolidayCalendar(Set.of(d("2026-10-01")), Set.of(d("2026-10-01"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_calendar_does_not_change_when_the_caller_changes_its_sets() {
        Set<LocalDate> holidays = new java.util.HashSet<>(Set.of(d("2026-10-01")));
        HolidayCalendar calendar = new HolidayCalendar(holidays, Set.of());
        holidays.add(d("2026-10-12"));
        assertThat(calendar.isWorkingDay(d("2026-10-12"))).isTrue();
    }
}

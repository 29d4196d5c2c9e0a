package org.weiquan.command.deadline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegalPeriodTest {

    @Test
    void parsing_reads_calendar_days() {
        assertThat(LegalPeriod.parse("15 calendar-days")).isEqualTo(new LegalPeriod(15, PeriodUnit.CALENDAR_DAYS));
        assertThat(LegalPeriod.parse("15 calendar-days")).isEqualTo(LegalPeriod.calendarDays(15));
    }

    @Test
    void parsing_reads_working_days() {
        assertThat(LegalPeriod.parse("5 working-days")).isEqualTo(new LegalPeriod(5, PeriodUnit.WORKING_DAYS));
        assertThat(LegalPeriod.parse("5 working-days")).isEqualTo(LegalPeriod.workingDays(5));
    }

    @Test
    void parsing_accepts_singular_units_short_days_other_case_and_extra_whitespace() {
        assertThat(LegalPeriod.parse("  1   working-day ")).isEqualTo(LegalPeriod.workingDays(1));
        assertThat(LegalPeriod.parse("1 calendar-day")).isEqualTo(LegalPeriod.calendarDays(1));
        assertThat(LegalPeriod.parse("45 days")).isEqualTo(LegalPeriod.calendarDays(45));
        assertThat(LegalPeriod.parse("1 day")).isEqualTo(LegalPeriod.calendarDays(1));
        assertThat(LegalPeriod.parse("3 Working-Days")).isEqualTo(LegalPeriod.workingDays(3));
        assertThat(LegalPeriod.parse("3\tcalendar-days")).isEqualTo(LegalPeriod.calendarDays(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "15", "calendar-days", "15 weeks", "15 months", "fifteen calendar-days",
            "15 calendar-days extra", "15calendar-days", "0 calendar-days", "-3 working-days", "1.5 days",
            "15 calendar days"})
    void parsing_rejects_garbage(String text) {
        assertThatThrownBy(() -> LegalPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void to_string_gives_the_configuration_form_back() {
        assertThat(LegalPeriod.calendarDays(15)).hasToString("15 calendar-days");
        assertThat(LegalPeriod.workingDays(5)).hasToString("5 working-days");
        assertThat(LegalPeriod.parse(LegalPeriod.workingDays(7).toString())).isEqualTo(LegalPeriod.workingDays(7));
    }

    @Test
    void a_period_lasts_at_least_one_day_and_has_a_unit() {
        assertThatThrownBy(() -> LegalPeriod.calendarDays(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LegalPeriod.workingDays(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LegalPeriod(5, null)).isInstanceOf(NullPointerException.class);
    }
}

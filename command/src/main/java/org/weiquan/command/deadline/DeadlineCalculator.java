package org.weiquan.command.deadline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Counts legal periods as 民法典 §201 and §203 say: the start day is not counted; a period in
 * calendar days whose last day is a rest day ends on the next working day; a period in working days
 * counts only working days.
 */
public final class DeadlineCalculator {
    /** Periods end at midnight in China's time zone, whatever the server's zone. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final HolidayCalendar calendar;

    public DeadlineCalculator(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    /** The last day of {@code period} started on {@code start}. */
    public LocalDate lastDay(LocalDate start, LegalPeriod period) {
        return switch (period.unit()) {
            case CALENDAR_DAYS -> calendar.onOrNextWorkingDay(start.plusDays(period.amount()));
            case WORKING_DAYS -> {
                LocalDate day = start;
                int counted = 0;
                while (counted < period.amount()) {
                    day = day.plusDays(1);
                    if (calendar.isWorkingDay(day)) counted++;
                }
                yield day;
            }
        };
    }

    /** The instant a period whose last day is {@code lastDay} has passed: the following midnight in China. */
    public static ZonedDateTime endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(CHINA);
    }

    public HolidayCalendar calendar() {
        return calendar;
    }
}

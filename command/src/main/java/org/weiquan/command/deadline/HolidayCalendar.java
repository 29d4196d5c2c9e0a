package org.weiquan.command.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * China's rest days: weekends and the public holidays the State Council announces each year, less the
 * adjusted working weekends (调休上班). The dates are data an administrator updates, not code.
 */
public final class HolidayCalendar {
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> adjustedWorkingDays;

    public HolidayCalendar(Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays) {
        this.holidays = Set.copyOf(holidays);
        this.adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
        Set<LocalDate> both = new HashSet<>(this.holidays);
        both.retainAll(this.adjustedWorkingDays);
        if (!both.isEmpty()) throw new IllegalArgumentException("days both holiday and working day: " + both);
    }

    /** Weekends only: for tests and for years no notice covers yet. */
    public static HolidayCalendar weekendsOnly() {
        return new HolidayCalendar(Set.of(), Set.of());
    }

    /**
     * Reads lines {@code 2026-10-01,holiday,National Day} or {@code 2026-10-10,workday,National Day};
     * blank lines and lines starting with {@code #} are skipped. A bad line fails the whole load.
     */
    public static HolidayCalendar parse(InputStream csv) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                String[] fields = trimmed.split(",", 3);
                if (fields.length < 2) throw new IllegalArgumentException("line " + lineNumber + ": expected date,kind[,name]");
                LocalDate date;
                try {
                    date = LocalDate.parse(fields[0].strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("line " + lineNumber + ": bad date " + fields[0], e);
                }
                switch (fields[1].strip()) {
                    case "holiday" -> holidays.add(date);
                    case "workday" -> workdays.add(date);
                    default -> throw new IllegalArgumentException("line " + lineNumber + ": kind must be holiday or workday");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HolidayCalendar(holidays, workdays);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) return false;
        if (adjustedWorkingDays.contains(date)) return true;
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /** The date itself when it is a working day, else the first working day after it. */
    public LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) day = day.plusDays(1);
        return day;
    }
}

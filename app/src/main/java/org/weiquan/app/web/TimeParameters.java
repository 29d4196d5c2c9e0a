package org.weiquan.app.web;

import org.weiquan.command.deadline.DeadlineCalculator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Instants in query parameters: an ISO instant ({@code 2026-11-16T08:00:00Z}) or a date, which
 * means midnight in China (the start of that day, or its end where a point "as of a day" is meant).
 */
public final class TimeParameters {
    private TimeParameters() {
    }

    /** The instant, or the start of the date in China; null for no value. */
    public static Instant startOf(String text, String parameter) {
        if (text == null || text.isBlank()) return null;
        return parse(text, parameter, false);
    }

    /** The instant, or the last moment of the date in China. */
    public static Instant endOf(String text, String parameter) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(parameter + " is required");
        return parse(text, parameter, true);
    }

    private static Instant parse(String text, String parameter, boolean endOfDay) {
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return endOfDay ? date.plusDays(1).atStartOfDay(DeadlineCalculator.CHINA).toInstant().minusNanos(1)
                        : date.atStartOfDay(DeadlineCalculator.CHINA).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(parameter + " must be a date (2026-11-16) or an instant (2026-11-16T08:00:00Z)");
        }
    }
}

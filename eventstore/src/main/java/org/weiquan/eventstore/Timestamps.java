package org.weiquan.eventstore;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the envelope's timestamps. The engine writes them with {@link Instant#toString()}
 * ({@code 2026-11-25T10:15:30.123Z}); {@link Instant#parse} takes about as long per event as the rest
 * of reading it, so that one shape is read by hand, and anything else by {@code Instant.parse}.
 */
final class Timestamps {

    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private Timestamps() {
    }

    static Instant parse(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return Instant.parse(text);
            }
            int value = digits(text, 20, n - 1);
            nanos = value < 0 ? -1 : value * SCALE[fraction];
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0) {
            return Instant.parse(text);
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            return Instant.parse(text);
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

package org.weiquan.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** A case number people can read aloud: kind prefix, year, six-digit sequence, e.g. {@code LD-2026-000123}. */
public record CaseNumber(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}-\\d{4}-\\d{6}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CaseNumber {
        Objects.requireNonNull(value, "case number");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a case number: " + value);
        }
    }

    public static CaseNumber of(String prefix, int year, long sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("case sequence out of range: " + sequence);
        }
        return new CaseNumber(String.format("%s-%04d-%06d", prefix, year, sequence));
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}

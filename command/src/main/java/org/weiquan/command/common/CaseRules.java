package org.weiquan.command.common;

import org.weiquan.api.common.InvalidCaseDataException;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The data rules every case kind applies to its commands, with the kind's own error-code prefix
 * ({@code dispute.missing-field}, {@code hazard.date-too-early}, …). Refusals are 400s that name the
 * field; nothing is stored.
 */
public final class CaseRules {
    private final String prefix;

    public CaseRules(String prefix) {
        this.prefix = prefix;
    }

    public void requirePresent(Object value, String field) {
        if (value == null) throw invalid("missing-field", field, field + " is required");
    }

    public void requireText(String value, String field) {
        if (value == null || value.isBlank()) throw invalid("missing-field", field, field + " is required");
    }

    public void requirePositive(BigDecimal amount, String field) {
        requirePresent(amount, field);
        if (amount.signum() <= 0) throw invalid("amount-not-positive", field, field + " must be more than 0");
    }

    public void requireNotNegative(BigDecimal amount, String field) {
        if (amount != null && amount.signum() < 0) throw invalid("amount-negative", field, field + " must not be negative");
    }

    /** {@code date} is not before {@code earliest} (no check when there is no earliest date yet). */
    public void requireNotBefore(LocalDate date, LocalDate earliest, String field, String what) {
        if (earliest != null && date.isBefore(earliest)) {
            throw invalid("date-too-early", field, field + " is before " + what + " (" + earliest + ")");
        }
    }

    /** The kind's error code {@code <prefix>.<code>}. */
    public String code(String code) {
        return prefix + "." + code;
    }

    private InvalidCaseDataException invalid(String code, String field, String message) {
        return new InvalidCaseDataException(code(code), field, message);
    }
}

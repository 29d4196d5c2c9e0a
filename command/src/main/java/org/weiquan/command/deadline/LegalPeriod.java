package org.weiquan.command.deadline;

import java.util.Locale;
import java.util.Objects;

/** A period the law sets, with its unit: {@code 15 calendar-days}, {@code 5 working-days}. */
public record LegalPeriod(int amount, PeriodUnit unit) {
    public LegalPeriod {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1) throw new IllegalArgumentException("a period lasts at least one day: " + amount);
    }

    public static LegalPeriod calendarDays(int amount) {
        return new LegalPeriod(amount, PeriodUnit.CALENDAR_DAYS);
    }

    public static LegalPeriod workingDays(int amount) {
        return new LegalPeriod(amount, PeriodUnit.WORKING_DAYS);
    }

    /** Parses the configuration form {@code "15 calendar-days"} or {@code "5 working-days"}. */
    public static LegalPeriod parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) throw new IllegalArgumentException("expected '<n> calendar-days|working-days': " + text);
        PeriodUnit unit = switch (parts[1].toLowerCase(Locale.ROOT)) {
            case "calendar-days", "calendar-day", "days", "day" -> PeriodUnit.CALENDAR_DAYS;
            case "working-days", "working-day" -> PeriodUnit.WORKING_DAYS;
            default -> throw new IllegalArgumentException("unknown period unit '" + parts[1] + "' in: " + text);
        };
        return new LegalPeriod(Integer.parseInt(parts[0]), unit);
    }

    @Override
    public String toString() {
        return amount + (unit == PeriodUnit.CALENDAR_DAYS ? " calendar-days" : " working-days");
    }
}

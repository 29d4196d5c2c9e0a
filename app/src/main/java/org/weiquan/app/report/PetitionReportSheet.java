package org.weiquan.app.report;

import org.springframework.context.MessageSource;
import org.weiquan.api.petition.SatisfactionRating;
import org.weiquan.api.report.MonthlyPetitionReport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The monthly petition report as an office reads it: its tables in order, every code by its label,
 * in the reader's language. The report page, its print view and the Excel workbook all show this
 * one layout, so the figures a union office passes on are the ones it saw on the page.
 */
public final class PetitionReportSheet {
    /**
     * One cell: {@code text} as the page shows it; {@code number} for a spreadsheet (a count, or a
     * rate as a fraction), null for words; {@code rate}: the number is a fraction shown as a percentage.
     */
    public record Cell(String text, Number number, boolean rate) {
        static Cell words(String text) {
            return new Cell(text, null, false);
        }

        static Cell count(long count) {
            return new Cell(Long.toString(count), count, false);
        }

        static Cell rate(BigDecimal fraction) {
            return fraction == null ? new Cell("—", null, false)
                    : new Cell(fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %",
                    fraction, true);
        }
    }

    /** One table: its title, its column headings and its rows. */
    public record Section(String title, List<String> header, List<List<Cell>> rows) {
    }

    /** The whole report: its title line, its organisation and month, and its tables. */
    public record Sheet(String title, String organisation, String month, List<Section> sections) {
    }

    private final MessageSource messages;
    private final Locale locale;

    private PetitionReportSheet(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public static Sheet of(MonthlyPetitionReport report, MessageSource messages, Locale locale) {
        return new PetitionReportSheet(messages, locale).sheet(report);
    }

    private Sheet sheet(MonthlyPetitionReport report) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(t("report.totals"), List.of(t("report.item"), t("report.count")), List.of(
                List.of(Cell.words(t("report.received")), Cell.count(report.totals().received())),
                List.of(Cell.words(t("report.collective-visits")), Cell.count(report.totals().collectiveVisits())),
                List.of(Cell.words(t("report.not-registered")), Cell.count(report.totals().notRegistered())))));
        sections.add(counts(t("report.by-channel"), t("field.channel"), "PetitionChannel", report.byChannel()));
        sections.add(counts(t("report.by-subject"), t("report.subject"), "PetitionSubject", report.bySubject()));
        sections.add(counts(t("report.by-district"), t("field.district"), "District", report.byDistrict()));
        var acceptance = report.acceptance();
        sections.add(new Section(t("report.acceptance"), List.of(t("report.decision"), t("report.count")), List.of(
                List.of(Cell.words(t("report.accepted")), Cell.count(acceptance.accepted())),
                List.of(Cell.words(t("report.not-accepted")), Cell.count(acceptance.notAccepted())),
                List.of(Cell.words(t("report.pending")), Cell.count(acceptance.pending())))));
        var satisfaction = report.satisfaction();
        sections.add(counts(t("report.satisfaction"), t("field.rating"), "SatisfactionRating", satisfaction.byRating()));
        long satisfied = satisfaction.byRating().getOrDefault(SatisfactionRating.SATISFIED, 0L);
        long basically = satisfaction.byRating().getOrDefault(SatisfactionRating.BASICALLY_SATISFIED, 0L);
        var replies = report.replies();
        var repeats = report.repeatPetitioners();
        sections.add(new Section(t("report.measures"),
                List.of(t("report.measure"), t("report.numerator"), t("report.denominator"), t("report.rate")), List.of(
                measure("report.acceptance-rate", acceptance.accepted(), acceptance.accepted() + acceptance.notAccepted(),
                        report.acceptanceRate()),
                measure("report.on-time-reply-rate", replies.withinPeriod(), replies.replied(), report.onTimeReplyRate()),
                measure("report.satisfied-share", satisfied, satisfaction.rated(), satisfaction.satisfiedShare()),
                measure("report.satisfied-or-basically-share", satisfied + basically, satisfaction.rated(),
                        satisfaction.satisfiedOrBasicallySatisfiedShare()),
                measure("report.repeat-share", repeats.count(), repeats.petitioners(), repeats.share()))));
        sections.add(new Section(t("report.notes"), List.of(t("report.note")), List.of(
                List.of(Cell.words(t("report.basis"))), List.of(Cell.words(t("report.repeat-definition"))))));
        return new Sheet(t("report.title"), messages.getMessage("organisation." + report.organisation(), null,
                report.organisation(), locale), report.month().toString(), List.copyOf(sections));
    }

    private Section counts(String title, String heading, String labels, Map<? extends Enum<?>, Long> counts) {
        List<List<Cell>> rows = new ArrayList<>();
        counts.forEach((value, count) -> rows.add(List.of(Cell.words(t(labels + "." + value.name())), Cell.count(count))));
        return new Section(title, List.of(heading, t("report.count")), rows);
    }

    private List<Cell> measure(String key, long numerator, long denominator, BigDecimal rate) {
        return List.of(Cell.words(t(key)), Cell.count(numerator), Cell.count(denominator), Cell.rate(rate));
    }

    private String t(String key) {
        return messages.getMessage(key, null, key, locale);
    }
}

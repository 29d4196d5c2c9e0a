package org.weiquan.app.report;

import org.springframework.context.MessageSource;
import org.weiquan.app.web.Tables;
import org.weiquan.api.petition.SatisfactionRating;
import org.weiquan.api.report.MonthlyPetitionReport;

import java.math.BigDecimal;
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
    private final MessageSource messages;
    private final Locale locale;

    private PetitionReportSheet(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public static Tables.Sheet of(MonthlyPetitionReport report, MessageSource messages, Locale locale) {
        return new PetitionReportSheet(messages, locale).sheet(report);
    }

    private Tables.Sheet sheet(MonthlyPetitionReport report) {
        List<Tables.Section> sections = new ArrayList<>();
        sections.add(new Tables.Section(t("report.totals"), List.of(t("report.item"), t("report.count")), List.of(
                List.of(Tables.Cell.words(t("report.received")), Tables.Cell.count(report.totals().received())),
                List.of(Tables.Cell.words(t("report.collective-visits")), Tables.Cell.count(report.totals().collectiveVisits())),
                List.of(Tables.Cell.words(t("report.not-registered")), Tables.Cell.count(report.totals().notRegistered())))));
        sections.add(counts(t("report.by-channel"), t("field.channel"), "PetitionChannel", report.byChannel()));
        sections.add(counts(t("report.by-subject"), t("report.subject"), "PetitionSubject", report.bySubject()));
        sections.add(counts(t("report.by-district"), t("field.district"), "District", report.byDistrict()));
        var acceptance = report.acceptance();
        sections.add(new Tables.Section(t("report.acceptance"), List.of(t("report.decision"), t("report.count")), List.of(
                List.of(Tables.Cell.words(t("report.accepted")), Tables.Cell.count(acceptance.accepted())),
                List.of(Tables.Cell.words(t("report.not-accepted")), Tables.Cell.count(acceptance.notAccepted())),
                List.of(Tables.Cell.words(t("report.pending")), Tables.Cell.count(acceptance.pending())))));
        var satisfaction = report.satisfaction();
        sections.add(counts(t("report.satisfaction"), t("field.rating"), "SatisfactionRating", satisfaction.byRating()));
        long satisfied = satisfaction.byRating().getOrDefault(SatisfactionRating.SATISFIED, 0L);
        long basically = satisfaction.byRating().getOrDefault(SatisfactionRating.BASICALLY_SATISFIED, 0L);
        var replies = report.replies();
        var repeats = report.repeatPetitioners();
        sections.add(new Tables.Section(t("report.measures"),
                List.of(t("report.measure"), t("report.numerator"), t("report.denominator"), t("report.rate")), List.of(
                measure("report.acceptance-rate", acceptance.accepted(), acceptance.accepted() + acceptance.notAccepted(),
                        report.acceptanceRate()),
                measure("report.on-time-reply-rate", replies.withinPeriod(), replies.replied(), report.onTimeReplyRate()),
                measure("report.satisfied-share", satisfied, satisfaction.rated(), satisfaction.satisfiedShare()),
                measure("report.satisfied-or-basically-share", satisfied + basically, satisfaction.rated(),
                        satisfaction.satisfiedOrBasicallySatisfiedShare()),
                measure("report.repeat-share", repeats.count(), repeats.petitioners(), repeats.share()))));
        sections.add(new Tables.Section(t("report.notes"), List.of(t("report.note")), List.of(
                List.of(Tables.Cell.words(t("report.basis"))), List.of(Tables.Cell.words(t("report.repeat-definition"))))));
        return new Tables.Sheet(t("report.title"), messages.getMessage("organisation." + report.organisation(), null,
                report.organisation(), locale), report.month().toString(), List.copyOf(sections));
    }

    private Tables.Section counts(String title, String heading, String labels, Map<? extends Enum<?>, Long> counts) {
        List<List<Tables.Cell>> rows = new ArrayList<>();
        counts.forEach((value, count) -> rows.add(List.of(Tables.Cell.words(t(labels + "." + value.name())), Tables.Cell.count(count))));
        return new Tables.Section(title, List.of(heading, t("report.count")), rows);
    }

    private List<Tables.Cell> measure(String key, long numerator, long denominator, BigDecimal rate) {
        return List.of(Tables.Cell.words(t(key)), Tables.Cell.count(numerator), Tables.Cell.count(denominator), Tables.Cell.rate(rate));
    }

    private String t(String key) {
        return messages.getMessage(key, null, key, locale);
    }
}

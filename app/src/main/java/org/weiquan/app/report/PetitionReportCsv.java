package org.weiquan.app.report;

import org.weiquan.app.web.Csv;
import org.weiquan.api.common.District;
import org.weiquan.api.petition.SatisfactionRating;
import org.weiquan.api.report.MonthlyPetitionReport;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The monthly petition report as CSV (RFC 4180), UTF-8 with a byte-order mark so that spreadsheet
 * programs show the Chinese text correctly. One section per table of the report, each with its own
 * header line, sections separated by an empty line.
 */
public final class PetitionReportCsv {
    private PetitionReportCsv() {
    }

    public static void write(Csv csv, MonthlyPetitionReport report) throws IOException {
        csv.row("report", "month", "organisation");
        csv.row("信访分析月报", report.month().toString(), report.organisation());

        section(csv, "total", "count");
        csv.row("received", count(report.totals().received()));
        csv.row("collective_visits", count(report.totals().collectiveVisits()));
        csv.row("not_registered", count(report.totals().notRegistered()));

        counts(csv, "channel", report.byChannel());
        counts(csv, "subject", report.bySubject());

        section(csv, "district", "district_zh", "count");
        for (Map.Entry<District, Long> district : report.byDistrict().entrySet()) {
            csv.row(district.getKey().name(), district.getKey().chineseName(), count(district.getValue()));
        }

        section(csv, "decision", "count");
        csv.row("ACCEPTED", count(report.acceptance().accepted()));
        csv.row("NOT_ACCEPTED", count(report.acceptance().notAccepted()));
        csv.row("PENDING", count(report.acceptance().pending()));

        counts(csv, "rating", report.satisfaction().byRating());

        var acceptance = report.acceptance();
        var replies = report.replies();
        var satisfaction = report.satisfaction();
        var repeats = report.repeatPetitioners();
        long satisfied = satisfaction.byRating().getOrDefault(SatisfactionRating.SATISFIED, 0L);
        long basically = satisfaction.byRating().getOrDefault(SatisfactionRating.BASICALLY_SATISFIED, 0L);
        section(csv, "measure", "numerator", "denominator", "rate");
        csv.row("acceptance_rate", count(acceptance.accepted()), count(acceptance.accepted() + acceptance.notAccepted()),
                rate(report.acceptanceRate()));
        csv.row("on_time_reply_rate", count(replies.withinPeriod()), count(replies.replied()),
                rate(report.onTimeReplyRate()));
        csv.row("satisfied_share", count(satisfied), count(satisfaction.rated()), rate(satisfaction.satisfiedShare()));
        csv.row("satisfied_or_basically_satisfied_share", count(satisfied + basically), count(satisfaction.rated()),
                rate(satisfaction.satisfiedOrBasicallySatisfiedShare()));
        csv.row("repeat_petitioner_share", count(repeats.count()), count(repeats.petitioners()), rate(repeats.share()));

        section(csv, "note", "text");
        csv.row("basis", report.basis());
        csv.row("repeat_petitioner", repeats.definition());
    }

    private static void counts(Csv csv, String name, Map<? extends Enum<?>, Long> counts) throws IOException {
        section(csv, name, "count");
        for (Map.Entry<? extends Enum<?>, Long> entry : counts.entrySet()) csv.row(entry.getKey().name(), count(entry.getValue()));
    }

    /** A new section: an empty line, then its header line. */
    private static void section(Csv csv, String... header) throws IOException {
        csv.blankLine().row(header);
    }

    private static String count(long value) {
        return Long.toString(value);
    }

    /** Empty when there is nothing to divide by. */
    private static String rate(BigDecimal rate) {
        return rate == null ? "" : rate.toPlainString();
    }
}

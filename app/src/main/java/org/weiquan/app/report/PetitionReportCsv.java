package org.weiquan.app.report;

import org.weiquan.app.web.Csv;
import org.weiquan.api.common.District;
import org.weiquan.api.petition.SatisfactionRating;
import org.weiquan.api.report.MonthlyPetitionReport;

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

    public static String write(MonthlyPetitionReport report) {
        StringBuilder csv = new StringBuilder(Csv.BYTE_ORDER_MARK);
        section(csv, "report,month,organisation");
        Csv.row(csv, "信访分析月报", report.month().toString(), report.organisation());

        section(csv, "total,count");
        Csv.row(csv, "received", count(report.totals().received()));
        Csv.row(csv, "collective_visits", count(report.totals().collectiveVisits()));
        Csv.row(csv, "not_registered", count(report.totals().notRegistered()));

        counts(csv, "channel", report.byChannel());
        counts(csv, "subject", report.bySubject());

        section(csv, "district,district_zh,count");
        for (Map.Entry<District, Long> district : report.byDistrict().entrySet()) {
            Csv.row(csv, district.getKey().name(), district.getKey().chineseName(), count(district.getValue()));
        }

        section(csv, "decision,count");
        Csv.row(csv, "ACCEPTED", count(report.acceptance().accepted()));
        Csv.row(csv, "NOT_ACCEPTED", count(report.acceptance().notAccepted()));
        Csv.row(csv, "PENDING", count(report.acceptance().pending()));

        counts(csv, "rating", report.satisfaction().byRating());

        var acceptance = report.acceptance();
        var replies = report.replies();
        var satisfaction = report.satisfaction();
        var repeats = report.repeatPetitioners();
        long satisfied = satisfaction.byRating().getOrDefault(SatisfactionRating.SATISFIED, 0L);
        long basically = satisfaction.byRating().getOrDefault(SatisfactionRating.BASICALLY_SATISFIED, 0L);
        section(csv, "measure,numerator,denominator,rate");
        Csv.row(csv, "acceptance_rate", count(acceptance.accepted()), count(acceptance.accepted() + acceptance.notAccepted()),
                rate(report.acceptanceRate()));
        Csv.row(csv, "on_time_reply_rate", count(replies.withinPeriod()), count(replies.replied()),
                rate(report.onTimeReplyRate()));
        Csv.row(csv, "satisfied_share", count(satisfied), count(satisfaction.rated()), rate(satisfaction.satisfiedShare()));
        Csv.row(csv, "satisfied_or_basically_satisfied_share", count(satisfied + basically), count(satisfaction.rated()),
                rate(satisfaction.satisfiedOrBasicallySatisfiedShare()));
        Csv.row(csv, "repeat_petitioner_share", count(repeats.count()), count(repeats.petitioners()), rate(repeats.share()));

        section(csv, "note,text");
        Csv.row(csv, "basis", report.basis());
        Csv.row(csv, "repeat_petitioner", repeats.definition());
        return csv.toString();
    }

    private static void counts(StringBuilder csv, String name, Map<? extends Enum<?>, Long> counts) {
        section(csv, name + ",count");
        counts.forEach((key, value) -> Csv.row(csv, key.name(), count(value)));
    }

    /** A new section: an empty line before every section but the first, then its header line. */
    private static void section(StringBuilder csv, String header) {
        if (csv.length() > 1) csv.append("\r\n");
        csv.append(header).append("\r\n");
    }

    private static String count(long value) {
        return Long.toString(value);
    }

    /** Empty when there is nothing to divide by. */
    private static String rate(BigDecimal rate) {
        return rate == null ? "" : rate.toPlainString();
    }
}

package org.weiquan.api.monitoring;

import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OrganisationId;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The monitoring queries and their answers. Every query names its {@code viewer}: only cases of the
 * viewer's organisation and those below it are counted or shown.
 */
public final class MonitoringQueries {
    private MonitoringQueries() {
    }

    /** Open / overdue / closed counts; {@code null} filters match everything. */
    public record CaseCountsQuery(OrganisationId viewer, OrganisationId organisation, District district,
                                  CaseKind kind) {
    }

    /** Open cases, those of them overdue, and closed cases. */
    public record Counts(long open, long overdue, long closed) {
        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(open + other.open, overdue + other.overdue, closed + other.closed);
        }
    }

    /** The counts of one kind in one district at one organisation. */
    public record CountsRow(CaseKind kind, District district, String organisation, long open, long overdue,
                            long closed) {
        public Counts counts() {
            return new Counts(open, overdue, closed);
        }
    }

    /** The same counts, in total and summed by kind, by district and by organisation. */
    public record CaseCounts(Counts total, Map<CaseKind, Counts> byKind, Map<District, Counts> byDistrict,
                             Map<String, Counts> byOrganisation, List<CountsRow> rows) {
    }

    /** Rates of outcomes dated from {@code from} to {@code to} (both included); null bounds are open. */
    public record RatesQuery(OrganisationId viewer, LocalDate from, LocalDate to, District district) {
        public RatesQuery {
            if (from != null && to != null && from.isAfter(to)) throw new IllegalArgumentException("from is after to");
        }
    }

    /** {@code achieved} of {@code total}; {@code rate} (0..1, 4 places) is null when there is nothing to rate. */
    public record Rate(long achieved, long total, BigDecimal rate) {
        public static Rate of(long achieved, long total) {
            return new Rate(achieved, total, total == 0 ? null
                    : BigDecimal.valueOf(achieved).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP));
        }
    }

    /**
     * mediationSuccess: disputes settled in mediation of those whose mediation ended (settled, failed,
     * or the 15 days passed without agreement). rectification: hazards whose rectification passed
     * verification of those given a notice (dated by the first notice). petitionSatisfaction: ratings
     * SATISFIED of all ratings recorded; petitionSatisfiedOrBasically counts BASICALLY_SATISFIED too.
     * onTime: each deadline met of those that came due (a missed deadline counts as soon as it passes).
     */
    public record Rates(LocalDate from, LocalDate to, District district, Rate mediationSuccess, Rate rectification,
                        Rate petitionSatisfaction, Rate petitionSatisfiedOrBasically,
                        Map<MonitoredDeadline, Rate> onTime) {
    }

    /**
     * One page of the alert feed, newest first. {@code since}: only alerts at or after it.
     * {@code dueWithinDays}: also list open cases whose next deadline falls within that many days of
     * {@code today} (null: do not).
     */
    public record AlertFeedQuery(OrganisationId viewer, Instant since, CaseKind kind, AlertType type, int page,
                                 int size, Integer dueWithinDays, LocalDate today) {
        public AlertFeedQuery {
            if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
            if (size < 1 || size > 200) throw new IllegalArgumentException("size must be between 1 and 200");
            if (dueWithinDays != null && (dueWithinDays < 0 || dueWithinDays > 366)) {
                throw new IllegalArgumentException("dueWithinDays must be between 0 and 366");
            }
            if (dueWithinDays != null && today == null) throw new IllegalArgumentException("today is required");
        }
    }

    /** An alert, in English and Chinese. {@code occurredAt}: when the raising event happened. */
    public record Alert(String id, CaseKind kind, String caseId, String caseNumber, AlertType type,
                        String messageEn, String messageZh, Instant occurredAt, District district,
                        String organisation, LocalDate dueOn) {
    }

    /** {@code approaching}: the open cases with a deadline soon, soonest first (empty unless asked for). */
    public record AlertFeed(List<Alert> items, int page, int size, long total, List<Alert> approaching) {
    }
}

package org.weiquan.query.monitoring;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.query.support.Where;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.monitoring.AlertType;
import org.weiquan.api.monitoring.MonitoredDeadline;
import org.weiquan.api.monitoring.MonitoringQueries.Alert;
import org.weiquan.api.monitoring.MonitoringQueries.AlertFeed;
import org.weiquan.api.monitoring.MonitoringQueries.AlertFeedQuery;
import org.weiquan.api.monitoring.MonitoringQueries.CaseCounts;
import org.weiquan.api.monitoring.MonitoringQueries.CaseCountsQuery;
import org.weiquan.api.monitoring.MonitoringQueries.Counts;
import org.weiquan.api.monitoring.MonitoringQueries.CountsRow;
import org.weiquan.api.monitoring.MonitoringQueries.Rate;
import org.weiquan.api.monitoring.MonitoringQueries.Rates;
import org.weiquan.api.monitoring.MonitoringQueries.RatesQuery;

import java.sql.Date;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Monitoring answers: counts over the {@code case_list} view (as fresh as the kinds' lists), rates
 * over {@code monitoring_fact}, alerts from {@code alert} and, for deadlines about to pass, again
 * {@code case_list}. Every answer is limited to the viewer's organisation and those below it.
 */
@Component
public class MonitoringQueryHandlers {
    /** At most this many cases with a deadline soon are listed with a page of alerts. */
    static final int MAX_APPROACHING = 200;

    private final JdbcTemplate jdbc;

    public MonitoringQueryHandlers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public CaseCounts handle(CaseCountsQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(covers("organisation", query.viewer(), args));
        if (query.organisation() != null) where.append(" AND ").append(covers("organisation", query.organisation(), args));
        if (query.district() != null) {
            where.append(" AND district = ?");
            args.add(query.district().name());
        }
        if (query.kind() != null) {
            where.append(" AND kind = ?");
            args.add(query.kind().name());
        }
        List<CountsRow> rows = jdbc.query("SELECT kind, district, organisation,"
                        + " SUM(CASE WHEN is_open THEN 1 ELSE 0 END) AS open_cases,"
                        + " SUM(CASE WHEN is_open AND overdue THEN 1 ELSE 0 END) AS overdue_cases,"
                        + " SUM(CASE WHEN is_open THEN 0 ELSE 1 END) AS closed_cases"
                        + " FROM case_list" + where + " GROUP BY kind, district, organisation"
                        + " ORDER BY kind, district, organisation",
                (rs, row) -> new CountsRow(CaseKind.valueOf(rs.getString("kind")),
                        District.valueOf(rs.getString("district")), rs.getString("organisation"),
                        rs.getLong("open_cases"), rs.getLong("overdue_cases"), rs.getLong("closed_cases")),
                args.toArray());
        Counts total = Counts.NONE;
        Map<CaseKind, Counts> byKind = new EnumMap<>(CaseKind.class);
        Map<District, Counts> byDistrict = new EnumMap<>(District.class);
        Map<String, Counts> byOrganisation = new TreeMap<>();
        for (CountsRow row : rows) {
            total = total.plus(row.counts());
            byKind.merge(row.kind(), row.counts(), Counts::plus);
            byDistrict.merge(row.district(), row.counts(), Counts::plus);
            byOrganisation.merge(row.organisation(), row.counts(), Counts::plus);
        }
        return new CaseCounts(total, byKind, byDistrict, byOrganisation, rows);
    }

    @QueryHandler
    public Rates handle(RatesQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(covers("c.organisation", query.viewer(), args));
        if (query.district() != null) {
            where.append(" AND c.district = ?");
            args.add(query.district().name());
        }
        if (query.from() != null) {
            where.append(" AND f.fact_on >= ?");
            args.add(Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND f.fact_on <= ?");
            args.add(Date.valueOf(query.to()));
        }
        Map<String, long[]> byMeasure = new HashMap<>();
        jdbc.query("SELECT f.measure, SUM(CASE WHEN f.achieved THEN 1 ELSE 0 END) AS achieved,"
                        + " SUM(CASE WHEN f.outcome = 'BASICALLY_SATISFIED' THEN 1 ELSE 0 END) AS basically,"
                        + " COUNT(*) AS total"
                        + " FROM monitoring_fact f JOIN monitoring_case c ON c.case_id = f.case_id" + where
                        + " GROUP BY f.measure",
                rs -> {
                    byMeasure.put(rs.getString("measure"),
                            new long[]{rs.getLong("achieved"), rs.getLong("basically"), rs.getLong("total")});
                }, args.toArray());
        Map<MonitoredDeadline, Rate> onTime = new EnumMap<>(MonitoredDeadline.class);
        for (MonitoredDeadline deadline : MonitoredDeadline.values()) onTime.put(deadline, rate(byMeasure, deadline.name()));
        long[] satisfaction = byMeasure.getOrDefault(MonitoringProjection.SATISFACTION, new long[3]);
        return new Rates(query.from(), query.to(), query.district(),
                rate(byMeasure, MonitoringProjection.MEDIATION), rate(byMeasure, MonitoringProjection.RECTIFICATION),
                Rate.of(satisfaction[0], satisfaction[2]), Rate.of(satisfaction[0] + satisfaction[1], satisfaction[2]),
                onTime);
    }

    @QueryHandler
    public AlertFeed handle(AlertFeedQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(covers("organisation", query.viewer(), args));
        if (query.since() != null) {
            where.append(" AND occurred_at >= ?");
            args.add(query.since().atOffset(ZoneOffset.UTC));
        }
        if (query.kind() != null) {
            where.append(" AND kind = ?");
            args.add(query.kind().name());
        }
        if (query.type() != null) {
            where.append(" AND alert_type = ?");
            args.add(query.type().name());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM alert" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<Alert> items = jdbc.query("SELECT * FROM alert" + where
                        + " ORDER BY occurred_at DESC, alert_id DESC LIMIT ? OFFSET ?",
                (rs, row) -> new Alert(rs.getString("alert_id"), CaseKind.valueOf(rs.getString("kind")),
                        rs.getString("case_id"), rs.getString("case_number"),
                        AlertType.valueOf(rs.getString("alert_type")), rs.getString("message_en"),
                        rs.getString("message_zh"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        District.valueOf(rs.getString("district")), rs.getString("organisation"),
                        rs.getDate("due_on") == null ? null : rs.getDate("due_on").toLocalDate()),
                pageArgs.toArray());
        List<Alert> approaching = query.dueWithinDays() == null
                || (query.type() != null && query.type() != AlertType.DEADLINE_APPROACHING)
                ? List.of() : approaching(query);
        return new AlertFeed(items, query.page(), query.size(), total == null ? 0 : total, approaching);
    }

    /** Open cases whose next deadline is today or within the days asked for, soonest first. */
    private List<Alert> approaching(AlertFeedQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(covers("organisation", query.viewer(), args))
                .append(" AND is_open = ? AND next_deadline >= ? AND next_deadline <= ?");
        args.add(true);
        args.add(Date.valueOf(query.today()));
        args.add(Date.valueOf(query.today().plusDays(query.dueWithinDays())));
        if (query.kind() != null) {
            where.append(" AND kind = ?");
            args.add(query.kind().name());
        }
        args.add(MAX_APPROACHING);
        return jdbc.query("SELECT case_id, kind, case_number, district, organisation, next_deadline FROM case_list"
                        + where + " ORDER BY next_deadline, case_number LIMIT ?",
                (rs, row) -> {
                    var due = rs.getDate("next_deadline").toLocalDate();
                    long days = ChronoUnit.DAYS.between(query.today(), due);
                    return new Alert("approaching:" + rs.getString("case_id"), CaseKind.valueOf(rs.getString("kind")),
                            rs.getString("case_id"), rs.getString("case_number"), AlertType.DEADLINE_APPROACHING,
                            "Next deadline on " + due + (days == 0 ? " (today)" : " (in " + days + (days == 1 ? " day)" : " days)")),
                            "下一期限为" + due + (days == 0 ? "（今天）" : "（还有" + days + "天）"), null,
                            District.valueOf(rs.getString("district")), rs.getString("organisation"), due);
                }, args.toArray());
    }

    private static Rate rate(Map<String, long[]> byMeasure, String measure) {
        long[] counts = byMeasure.getOrDefault(measure, new long[3]);
        return Rate.of(counts[0], counts[2]);
    }

    /** "The organisation or one below it", for {@code column}; adds its two arguments. */
    private static String covers(String column, OrganisationId organisation, List<Object> args) {
        args.add(organisation.value());
        args.add(Where.escapeLike(organisation.value()) + "/%");
        return "(" + column + " = ? OR " + column + " LIKE ? ESCAPE '\\')";
    }
}

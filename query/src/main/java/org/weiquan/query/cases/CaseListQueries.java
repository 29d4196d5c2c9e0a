package org.weiquan.query.cases;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.Personal;
import org.weiquan.api.common.PersonalMarks;
import org.weiquan.api.query.CaseListQuery;
import org.weiquan.api.query.CasePage;
import org.weiquan.api.query.CaseSummary;
import org.weiquan.query.support.SearchText;

import java.sql.Date;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cross-kind case list and search, over the {@code case_list} view of every kind's list
 * projection (so it is exactly as fresh as they are, and is rebuilt with them).
 */
@Component
public class CaseListQueries {
    /**
     * The columns a text search looks in, each with the mark of what it holds: a user who sees
     * pseudonyms only searches the unmarked ones, since whether a search for a person finds a case
     * would tell who has one.
     */
    private static final List<Searched> SEARCHED = List.of(
            shownAs("LOWER(case_number)", "caseNumber"),
            shownAs("LOWER(employer_name)", "employerName"),
            shownAs("LOWER(credit_code)", "creditCode"),
            // the parties' names and ID numbers, the employer and the case's own text, normalised
            new Searched("search_text", Personal.Kind.FREE_TEXT));

    private record Searched(String column, Personal.Kind mark) {
    }

    private static Searched shownAs(String column, String field) {
        return new Searched(column, PersonalMarks.of(CaseSummary.class, field).orElse(null));
    }

    private final JdbcTemplate jdbc;

    public CaseListQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public CasePage handle(CaseListQuery query) {
        StringBuilder where = new StringBuilder(" WHERE (organisation = ? OR organisation LIKE ? ESCAPE '\\')");
        List<Object> args = new ArrayList<>();
        args.add(query.viewer().value());
        args.add(escapeLike(query.viewer().value()) + "/%");
        if (query.kind() != null) {
            where.append(" AND kind = ?");
            args.add(query.kind().name());
        }
        if (query.status() != null) {
            where.append(" AND status = ?");
            args.add(query.status());
        }
        if (query.district() != null) {
            where.append(" AND district = ?");
            args.add(query.district().name());
        }
        if (query.officer() != null) {
            where.append(" AND officer_in_charge = ?");
            args.add(query.officer());
        }
        if (query.overdue() != null) {
            where.append(" AND overdue = ?");
            args.add(query.overdue());
        }
        if (query.open() != null) {
            where.append(" AND is_open = ?");
            args.add(query.open());
        }
        if (query.text() != null && !query.text().isBlank()) {
            List<Searched> columns = SEARCHED.stream()
                    .filter(searched -> query.personalDataSearchable() || searched.mark() == null).toList();
            for (String word : SearchText.normalise(query.text()).split(" ")) {
                String like = "%" + escapeLike(word) + "%";
                where.append(columns.stream().map(searched -> searched.column() + " LIKE ? ESCAPE '\\'")
                        .collect(Collectors.joining(" OR ", " AND (", ")")));
                columns.forEach(searched -> args.add(like));
            }
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM case_list" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<CaseSummary> items = jdbc.query("SELECT * FROM case_list" + where
                        + " ORDER BY opened_on DESC, case_number DESC LIMIT ? OFFSET ?",
                (rs, row) -> new CaseSummary(rs.getString("case_id"), CaseKind.valueOf(rs.getString("kind")),
                        rs.getString("case_number"), rs.getString("status"), rs.getBoolean("is_open"),
                        rs.getString("district"), rs.getString("organisation"), rs.getString("officer_in_charge"),
                        rs.getBoolean("overdue"), toLocalDate(rs.getDate("next_deadline")),
                        toLocalDate(rs.getDate("opened_on")), rs.getString("party_masked"),
                        rs.getString("employer_name"), rs.getString("credit_code"),
                        rs.getObject("last_changed_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("last_changed_at", OffsetDateTime.class).toInstant()),
                pageArgs.toArray());
        return new CasePage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    private static java.time.LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

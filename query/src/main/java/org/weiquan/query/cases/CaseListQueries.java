package org.weiquan.query.cases;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.query.support.Where;
import org.weiquan.api.common.Personal;
import org.weiquan.api.common.PersonalMarks;
import org.weiquan.api.query.CaseListQuery;
import org.weiquan.api.query.CasePage;
import org.weiquan.api.query.CaseSummary;
import org.weiquan.query.support.SearchText;

import java.sql.Date;
import java.time.OffsetDateTime;
import java.util.Collections;
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
        Where where = Where.within("organisation", query.viewer().value())
                .and("kind", query.kind())
                .and("status", query.status())
                .and("district", query.district())
                .and("officer_in_charge", query.officer())
                .and("overdue", query.overdue())
                .and("is_open", query.open());
        if (query.text() != null && !query.text().isBlank()) {
            List<Searched> columns = SEARCHED.stream()
                    .filter(searched -> query.personalDataSearchable() || searched.mark() == null).toList();
            for (String word : SearchText.normalise(query.text()).split(" ")) {
                String like = "%" + Where.escapeLike(word) + "%";
                where.and(columns.stream().map(searched -> searched.column() + " LIKE ? ESCAPE '\\'")
                        .collect(Collectors.joining(" OR ")), Collections.nCopies(columns.size(), like));
            }
        }
        String order = query.order() == CaseListQuery.Order.DEADLINE_FIRST
                ? "overdue DESC, next_deadline ASC NULLS LAST, case_number ASC"
                : "opened_on DESC, case_number DESC";
        Where.Page<CaseSummary> found = where.page(jdbc, "*", "case_list", order,
                query.page(), query.size(),
                (rs, row) -> new CaseSummary(rs.getString("case_id"), CaseKind.valueOf(rs.getString("kind")),
                        rs.getString("case_number"), rs.getString("status"), rs.getBoolean("is_open"),
                        rs.getString("district"), rs.getString("organisation"), rs.getString("officer_in_charge"),
                        rs.getBoolean("overdue"), toLocalDate(rs.getDate("next_deadline")),
                        toLocalDate(rs.getDate("opened_on")), rs.getString("party_masked"),
                        rs.getString("employer_name"), rs.getString("credit_code"),
                        rs.getObject("last_changed_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("last_changed_at", OffsetDateTime.class).toInstant()));
        return new CasePage(found.items(), query.page(), query.size(), found.total());
    }

    private static java.time.LocalDate toLocalDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}

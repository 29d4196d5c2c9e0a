package org.weiquan.query.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The WHERE clause of a read-model query and its arguments, built from filters of which the absent
 * ones ({@code null}) are left out. It starts with the organisations a viewer covers (their own and
 * every one below it), since no read-model query answers beyond them.
 */
public final class Where {
    private final StringBuilder sql = new StringBuilder(" WHERE ");
    private final List<Object> args = new ArrayList<>();

    private Where() {
    }

    /** Rows whose {@code column} is the organisation {@code organisation} or one below it. */
    public static Where within(String column, String organisation) {
        Where where = new Where();
        where.appendWithin(column, organisation);
        return where;
    }

    /** And rows whose {@code column} is within {@code organisation} too; nothing when it is null. */
    public Where andWithin(String column, String organisation) {
        if (organisation == null) return this;
        sql.append(" AND ");
        appendWithin(column, organisation);
        return this;
    }

    private void appendWithin(String column, String organisation) {
        sql.append('(').append(column).append(" = ? OR ").append(column).append(" LIKE ? ESCAPE '\\')");
        args.add(organisation);
        args.add(escapeLike(organisation) + "/%");
    }

    /** And {@code column = value}; nothing when the value is null. An enum compares by its name. */
    public Where and(String column, Object value) {
        return andAny(value, column);
    }

    /** And one of {@code columns} equals {@code value}; nothing when the value is null. */
    public Where andAny(Object value, String... columns) {
        if (value == null) return this;
        Object argument = value instanceof Enum<?> constant ? constant.name() : value;
        sql.append(Stream.of(columns).map(column -> column + " = ?").collect(Collectors.joining(" OR ", " AND (", ")")));
        for (int i = 0; i < columns.length; i++) args.add(argument);
        return this;
    }

    /** And a condition of the caller's own, with its arguments. */
    public Where and(String condition, List<?> arguments) {
        sql.append(" AND (").append(condition).append(')');
        args.addAll(arguments);
        return this;
    }

    public String sql() {
        return sql.toString();
    }

    public List<Object> args() {
        return Collections.unmodifiableList(args);
    }

    /** How many rows of {@code from} match, and the matching rows of one page, in {@code orderBy} order. */
    public <T> Page<T> page(JdbcTemplate jdbc, String select, String from, String orderBy, int page, int size,
                            RowMapper<T> row) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + from + sql, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<T> items = jdbc.query("SELECT " + select + " FROM " + from + sql + " ORDER BY " + orderBy
                + " LIMIT ? OFFSET ?", row, pageArgs.toArray());
        return new Page<>(items, total == null ? 0 : total);
    }

    /** One page of rows and how many match in all. */
    public record Page<T>(List<T> items, long total) {
    }

    /** {@code value} with LIKE's wildcards and the escape character escaped (ESCAPE '\'). */
    public static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

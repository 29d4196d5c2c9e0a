package org.weiquan.query.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A read-model table of one row per case: the id column, the view's JSON in one column, and the
 * columns that filters and sorting need, each computed from the view.
 *
 * @param <V> the view type
 */
public final class JdbcViewRows<V> implements BatchedViews.Rows<V> {
    private final JdbcTemplate jdbc;
    private final String table;
    private final String idColumn;
    private final String jsonColumn;
    private final Class<V> viewType;
    private final Map<String, Function<V, Object>> columns;
    private final String insert;
    private final String update;

    private JdbcViewRows(JdbcTemplate jdbc, String table, String idColumn, String jsonColumn, Class<V> viewType,
                         Map<String, Function<V, Object>> columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.idColumn = idColumn;
        this.jsonColumn = jsonColumn;
        this.viewType = viewType;
        this.columns = new LinkedHashMap<>(columns);
        List<String> names = new ArrayList<>(this.columns.keySet());
        names.add(jsonColumn);
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ", " + idColumn + ") VALUES ("
                + String.join(", ", Collections.nCopies(names.size() + 1, "?")) + ")";
        this.update = "UPDATE " + table + " SET " + names.stream().map(name -> name + " = ?")
                .collect(Collectors.joining(", ")) + " WHERE " + idColumn + " = ?";
    }

    /** Rows of {@code table}, keyed by {@code idColumn}, the view's JSON in {@code jsonColumn}. */
    public static <V> Builder<V> table(JdbcTemplate jdbc, String table, String idColumn, String jsonColumn,
                                       Class<V> viewType) {
        return new Builder<>(jdbc, table, idColumn, jsonColumn, viewType);
    }

    public static final class Builder<V> {
        private final JdbcTemplate jdbc;
        private final String table;
        private final String idColumn;
        private final String jsonColumn;
        private final Class<V> viewType;
        private final Map<String, Function<V, Object>> columns = new LinkedHashMap<>();

        private Builder(JdbcTemplate jdbc, String table, String idColumn, String jsonColumn, Class<V> viewType) {
            this.jdbc = jdbc;
            this.table = table;
            this.idColumn = idColumn;
            this.jsonColumn = jsonColumn;
            this.viewType = viewType;
        }

        /** A further column, computed from the view when the row is written. */
        public Builder<V> column(String name, Function<V, Object> value) {
            if (columns.put(name, value) != null) throw new IllegalArgumentException("column " + name + " twice");
            return this;
        }

        /** Every table has a {@code last_sequence} column: the version of the view in the row. */
        public JdbcViewRows<V> build() {
            if (!columns.containsKey("last_sequence")) throw new IllegalStateException(table + " needs last_sequence");
            return new JdbcViewRows<>(jdbc, table, idColumn, jsonColumn, viewType, columns);
        }
    }

    @Override
    public Map<String, V> load(Collection<String> ids) {
        Map<String, V> found = new HashMap<>();
        selectIn(jsonColumn, ids, rs -> {
            found.put(rs.getString(1), ReadModelJson.read(rs.getString(2), viewType));
        });
        return found;
    }

    @Override
    public Map<String, Long> versions(Collection<String> ids) {
        Map<String, Long> found = new HashMap<>();
        selectIn("last_sequence", ids, rs -> {
            found.put(rs.getString(1), rs.getLong(2));
        });
        return found;
    }

    /** The id and {@code column} of the rows of these ids. */
    private void selectIn(String column, Collection<String> ids, RowCallbackHandler row) {
        if (ids.isEmpty()) return;
        jdbc.query("SELECT " + idColumn + ", " + column + " FROM " + table + " WHERE " + idColumn + " IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", row, ids.toArray());
    }

    @Override
    public long versionOf(V view) {
        return ((Number) columns.get("last_sequence").apply(view)).longValue();
    }

    @Override
    public void insert(List<Map.Entry<String, V>> views) {
        jdbc.batchUpdate(insert, values(views));
    }

    @Override
    public void update(List<Map.Entry<String, V>> views) {
        jdbc.batchUpdate(update, values(views));
    }

    private List<Object[]> values(List<Map.Entry<String, V>> views) {
        List<Object[]> rows = new ArrayList<>(views.size());
        for (Map.Entry<String, V> entry : views) {
            V view = entry.getValue();
            Object[] row = new Object[columns.size() + 2];
            int i = 0;
            for (Function<V, Object> column : columns.values()) row[i++] = column.apply(view);
            row[i++] = ReadModelJson.write(view);
            row[i] = entry.getKey();
            rows.add(row);
        }
        return rows;
    }
}

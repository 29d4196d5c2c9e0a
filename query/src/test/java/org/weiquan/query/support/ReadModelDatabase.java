package org.weiquan.query.support;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh in-memory H2 database per test, migrated with the query side's own Flyway scripts, so
 * that projections run against the real schema.
 */
public final class ReadModelDatabase {
    private final JdbcTemplate jdbc;

    private ReadModelDatabase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static ReadModelDatabase create() {
        return create(null);
    }

    /**
     * A database whose sessions run in {@code timeZone} (an IANA id), as if the server's default
     * time zone were that; {@code null} for the JVM's default.
     */
    public static ReadModelDatabase create(String timeZone) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:readmodel-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                + (timeZone == null ? "" : ";TIME ZONE=" + timeZone));
        dataSource.setUser("sa");
        dataSource.setPassword("");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        return new ReadModelDatabase(new JdbcTemplate(dataSource));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Every row of a read-model table, in primary-key order, every column. */
    public List<Map<String, Object>> rows(String table) {
        String orderBy = switch (table) {
            case "dispute_list", "dispute_detail" -> "dispute_id";
            case "case_history" -> "case_id, sequence_number";
            default -> throw new IllegalArgumentException("not a read-model table: " + table);
        };
        return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + orderBy);
    }

    public long count(String table) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + rowsTable(table), Long.class);
        return count == null ? 0 : count;
    }

    public void shutdown() {
        jdbc.execute("SHUTDOWN");
    }

    private static String rowsTable(String table) {
        if (!List.of("dispute_list", "dispute_detail", "case_history").contains(table)) {
            throw new IllegalArgumentException("not a read-model table: " + table);
        }
        return table;
    }
}

package org.weiquan.app.migration;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The relational tables of the write side that no replay rebuilds, copied row for row from the
 * embedded database into the production one (PostgreSQL), in one transaction: all or nothing.
 * <ul>
 * <li>the case registry, its number counters, the parties' duplicate-check keys and the
 * idempotency keys: written with a case's first event, read by every case action;</li>
 * <li>the reference data (mediator roster, lawyer panel): the target's seeded demo rows are
 * replaced by the source's;</li>
 * <li>Quartz's jobs and triggers: the pending legal deadlines, and the case of each ({@code deadline_scope});</li>
 * <li>Axon's saga tables (empty today).</li>
 * </ul>
 * The target's schema is made by the application's own Flyway migrations first, so it is exactly
 * the one the application expects. Read models and tracking tokens are not copied: the production
 * application rebuilds them from EventStoreDB. Every table of the application's own migrations is
 * either here or in {@link #NOT_COPIED} (a test holds that).
 */
final class WriteSideTables {

    /** Copied, in an order that satisfies the foreign keys. */
    static final List<String> COPIED = List.of(
            "case_number_counter", "case_registry", "case_party", "idempotency_key",
            "lawyer_panel", "mediator_roster",
            "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS",
            "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS", "QRTZ_CALENDARS", "QRTZ_PAUSED_TRIGGER_GRPS",
            "deadline_scope", "SagaEntry", "AssociationValueEntry");

    /** Replaced in the target (Flyway seeds demo rows into them). */
    static final Set<String> REPLACED = Set.of("lawyer_panel", "mediator_roster");

    /** Tables of the application's own migrations that are not copied, and why. */
    static final Map<String, String> NOT_COPIED = Map.of(
            "DomainEventEntry", "the events: moved to EventStoreDB",
            "SnapshotEventEntry", "snapshots: a cache, taken anew",
            "TokenEntry", "tracking tokens: positions in the old log; processors rebuild from EventStoreDB",
            "DeadLetterEntry", "parked events: an event that fails again is parked again during the rebuild",
            "QRTZ_FIRED_TRIGGERS", "Quartz's state of a running scheduler",
            "QRTZ_SCHEDULER_STATE", "Quartz's state of a running scheduler",
            "QRTZ_LOCKS", "Quartz's state of a running scheduler",
            "app_instance", "heartbeats of running instances (scale-out), written anew by each");

    /** Surrogate keys the target generates itself. */
    private static final Map<String, Set<String>> GENERATED_COLUMNS = Map.of("AssociationValueEntry", Set.of("ID"));

    private WriteSideTables() {
    }

    /** Rows per table in source and target after a copy. */
    record Counts(Map<String, long[]> rows) {
        boolean equal() {
            return rows.values().stream().allMatch(r -> r[0] == r[1]);
        }
    }

    /** The target already holds write-side rows that are not the source's. */
    static final class TargetNotEmptyException extends RuntimeException {
        TargetNotEmptyException(String message) {
            super(message);
        }
    }

    /** Creates the schema in the target if needed, then copies, unless an earlier run did already. */
    static boolean copy(DataSource source, DataSource target) throws SQLException {
        migrateSchema(target);
        try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
            from.setReadOnly(true);
            Map<String, long[]> counts = counts(from, to);
            List<String> differing = new ArrayList<>();
            boolean targetEmpty = true;
            for (Map.Entry<String, long[]> table : counts.entrySet()) {
                if (REPLACED.contains(table.getKey())) {
                    continue;
                }
                targetEmpty &= table.getValue()[1] == 0;
                if (table.getValue()[0] != table.getValue()[1]) {
                    differing.add(table.getKey() + " (" + table.getValue()[1] + " rows; the source has " + table.getValue()[0] + ")");
                }
            }
            if (!targetEmpty) {
                if (differing.isEmpty()) {
                    return false; // an earlier run committed the copy
                }
                throw new TargetNotEmptyException("The target database already holds write-side rows that did not come"
                        + " from this source: " + String.join(", ", differing) + ". Copy into a database that the"
                        + " production application has not used yet.");
            }
            to.setAutoCommit(false);
            try {
                for (String table : COPIED) {
                    if (REPLACED.contains(table)) {
                        try (Statement delete = to.createStatement()) {
                            delete.executeUpdate("DELETE FROM " + table);
                        }
                    }
                    copyTable(from, to, table);
                }
                to.commit();
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                throw e;
            }
            return true;
        }
    }

    /** Rows per copied table: {source, target}. */
    static Counts verify(DataSource source, DataSource target) throws SQLException {
        try (Connection from = source.getConnection(); Connection to = target.getConnection()) {
            return new Counts(counts(from, to));
        }
    }

    private static Map<String, long[]> counts(Connection from, Connection to) throws SQLException {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String table : COPIED) {
            counts.put(table, new long[] {count(from, table), count(to, table)});
        }
        return counts;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void copyTable(Connection from, Connection to, String table) throws SQLException {
        try (Statement select = from.createStatement(); ResultSet rows = select.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            Set<String> generated = GENERATED_COLUMNS.getOrDefault(table, Set.of());
            List<Integer> columns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (!generated.contains(meta.getColumnName(i).toUpperCase(Locale.ROOT))) {
                    columns.add(i);
                    names.add(meta.getColumnName(i));
                }
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
            try (PreparedStatement statement = to.prepareStatement(insert)) {
                int pending = 0;
                while (rows.next()) {
                    for (int p = 0; p < columns.size(); p++) {
                        int column = columns.get(p);
                        switch (meta.getColumnType(column)) {
                            case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY ->
                                    statement.setBytes(p + 1, rows.getBytes(column));
                            case Types.TIMESTAMP_WITH_TIMEZONE ->
                                    statement.setObject(p + 1, rows.getObject(column, OffsetDateTime.class));
                            default -> statement.setObject(p + 1, rows.getObject(column));
                        }
                    }
                    statement.addBatch();
                    if (++pending == 500) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        }
    }

    /** The application's own Flyway migrations, as the application runs them at start. */
    private static void migrateSchema(DataSource target) throws SQLException {
        String vendor;
        try (Connection connection = target.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            vendor = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? "postgresql" : "h2";
        }
        Flyway.configure().dataSource(target)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load().migrate();
    }
}

package org.weiquan.query.support;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows that a batch of events adds to an append-only table (the audit trail), written with one JDBC
 * batch statement when the batch's transaction commits, with the processor's token. A handler that
 * throws before {@link #add} adds nothing. Outside a unit of work each row is written at once.
 */
public final class BatchedInserts {
    private final String resourceKey;
    private final JdbcTemplate jdbc;
    private final String sql;

    /** @param sql an INSERT whose parameters are one row's values; it must itself skip rows already there */
    public BatchedInserts(String name, JdbcTemplate jdbc, String sql) {
        this.resourceKey = BatchedInserts.class.getName() + ":" + name;
        this.jdbc = jdbc;
        this.sql = sql;
    }

    public void add(Object... row) {
        List<Object[]> rows = BatchResources.current(resourceKey, ArrayList::new, pending -> {
            if (!pending.isEmpty()) jdbc.batchUpdate(sql, pending);
        });
        if (rows == null) {
            jdbc.update(sql, row);
        } else {
            rows.add(row);
        }
    }
}

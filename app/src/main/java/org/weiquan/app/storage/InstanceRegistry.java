package org.weiquan.app.storage;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The application instances that share the database ({@code app_instance}): each one refreshes its
 * row while it runs and deletes it when it stops; an instance whose row has not been refreshed for
 * {@code timeout} (it crashed) no longer counts, and its row is removed. Times are the database's
 * own ({@code CURRENT_TIMESTAMP}), so the instances' clocks need not agree.
 */
public class InstanceRegistry {
    private final JdbcTemplate jdbc;
    private final String instanceId;
    private final Duration timeout;

    public InstanceRegistry(JdbcTemplate jdbc, String instanceId, Duration timeout) {
        this.jdbc = jdbc;
        this.instanceId = instanceId;
        this.timeout = timeout;
    }

    public String instanceId() {
        return instanceId;
    }

    /** Marks this instance alive now. */
    public void heartbeat() {
        int updated = jdbc.update("UPDATE app_instance SET heartbeat_at = CURRENT_TIMESTAMP WHERE instance_id = ?", instanceId);
        if (updated == 0) {
            jdbc.update("INSERT INTO app_instance (instance_id, started_at, heartbeat_at)"
                    + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", instanceId);
        }
    }

    /** The instances alive now, this one included once it has beaten; forgets the ones that stopped beating. */
    public List<String> live() {
        record Row(String id, OffsetDateTime heartbeat, OffsetDateTime now) {
        }
        List<Row> rows = jdbc.query("SELECT instance_id, heartbeat_at, CURRENT_TIMESTAMP AS db_now FROM app_instance",
                (rs, i) -> new Row(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class)));
        List<String> live = rows.stream().filter(r -> !r.heartbeat().plus(timeout).isBefore(r.now())).map(Row::id).sorted().toList();
        rows.stream().filter(r -> r.heartbeat().plus(timeout.multipliedBy(10)).isBefore(r.now()))
                .forEach(r -> jdbc.update("DELETE FROM app_instance WHERE instance_id = ?", r.id()));
        return live;
    }

    /** This instance stops: the others count without it at once. */
    public void leave() {
        jdbc.update("DELETE FROM app_instance WHERE instance_id = ?", instanceId);
    }
}

package org.weiquan.app.casefile;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The first result of each (user, Idempotency-Key): a retried create returns it instead of filing a
 * second case. Written in the filing's transaction, so a key is remembered exactly when its case is.
 */
@Repository
public class IdempotencyKeys {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Remembered(String caseId, String requestHash) {
    }

    public Optional<Remembered> find(String principal, String key) {
        List<Remembered> found = jdbc.query("SELECT case_id, request_hash FROM idempotency_key"
                        + " WHERE principal = ? AND idempotency_key = ?",
                (rs, row) -> new Remembered(rs.getString(1), rs.getString(2)), principal, key);
        return found.stream().findFirst();
    }

    public void remember(String principal, String key, String requestHash, String caseId) {
        jdbc.update("INSERT INTO idempotency_key (principal, idempotency_key, request_hash, case_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", principal, key, requestHash, caseId, Timestamp.from(clock.instant()));
    }
}

package org.weiquan.app.casefile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The first result of each (user, Idempotency-Key): a retried create returns it instead of filing a
 * second case, a retried transition the version it produced instead of a second change. Written in
 * the command's transaction, so a key is remembered exactly when what it did is.
 */
@Repository
public class IdempotencyKeys {
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;

    public IdempotencyKeys(JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    /**
     * What makes two requests "the same request": the SHA-256 of their content as JSON (a create's
     * body without its id; a transition's command name and command, with its expected version).
     */
    public String hash(Object content) {
        try {
            byte[] canonical = json.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash request", e);
        }
    }

    /**
     * An Idempotency-Key is 1 to 200 printable ASCII characters (a structured-field string of RFC
     * 8941), or absent. Anything else is refused with 400 before the request does anything.
     *
     * @return the key, or null when there is none
     */
    public static String requireWellFormed(String key) {
        if (key == null) return null;
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException("Idempotency-Key must be 1 to 200 printable ASCII characters");
        }
        return key;
    }

    /** @param resultVersion the case's version after a transition; null for a create */
    public record Remembered(String caseId, String requestHash, Long resultVersion) {
    }

    public Optional<Remembered> find(String principal, String key) {
        List<Remembered> found = jdbc.query("SELECT case_id, request_hash, result_version FROM idempotency_key"
                        + " WHERE principal = ? AND idempotency_key = ?",
                (rs, row) -> new Remembered(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class)),
                principal, key);
        return found.stream().findFirst();
    }

    /** The version a transition produced, in the transaction that {@link #remember}ed its key. */
    public void rememberVersion(String principal, String key, long version) {
        jdbc.update("UPDATE idempotency_key SET result_version = ? WHERE principal = ? AND idempotency_key = ?",
                version, principal, key);
    }

    public void remember(String principal, String key, String requestHash, String caseId) {
        jdbc.update("INSERT INTO idempotency_key (principal, idempotency_key, request_hash, case_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", principal, key, requestHash, caseId, Timestamp.from(clock.instant()));
    }
}

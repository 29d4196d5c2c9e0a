package org.weiquan.api.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of the audit trail ended: the last event's time, case and sequence, the order the
 * trail is read in. Sent as an opaque text ({@link #encode}); the next page starts after it, so a
 * page is the same whatever was recorded since the first.
 */
public record AuditCursor(Instant occurredAt, String caseId, long sequence) {

    public String encode() {
        String plain = occurredAt + "|" + caseId + "|" + sequence;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code text} stands for; {@link IllegalArgumentException} when it is not one. */
    public static AuditCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3) throw new IllegalArgumentException("not an audit cursor");
            UUID.fromString(parts[1]);
            return new AuditCursor(Instant.parse(parts[0]), parts[1], Long.parseLong(parts[2]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("after is not a cursor this API gave out", e);
        }
    }
}

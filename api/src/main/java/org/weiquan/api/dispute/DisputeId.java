package org.weiquan.api.dispute;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a labour dispute aggregate; chosen by the client so that a retried create is idempotent. */
public record DisputeId(UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public DisputeId {
        Objects.requireNonNull(value, "dispute id");
    }

    public static DisputeId of(String value) {
        return new DisputeId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

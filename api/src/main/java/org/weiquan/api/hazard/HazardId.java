package org.weiquan.api.hazard;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a safety hazard aggregate; chosen by the client so that a retried report is idempotent. */
public record HazardId(UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public HazardId {
        Objects.requireNonNull(value, "hazard id");
    }

    public static HazardId of(String value) {
        return new HazardId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

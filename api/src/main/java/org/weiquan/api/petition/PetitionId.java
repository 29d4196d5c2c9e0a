package org.weiquan.api.petition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a petition aggregate; chosen by the client so that a retried intake is idempotent. */
public record PetitionId(UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PetitionId {
        Objects.requireNonNull(value, "petition id");
    }

    public static PetitionId of(String value) {
        return new PetitionId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

package org.weiquan.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** The user name of an officer, mediator or other staff member acting on a case. */
public record OfficerId(String value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OfficerId {
        Objects.requireNonNull(value, "officer id");
        if (value.isBlank()) throw new IllegalArgumentException("officer id must not be blank");
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}

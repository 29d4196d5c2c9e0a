package org.weiquan.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A union organisation as a path from the city federation down, e.g. {@code szftu/gusu/pingjiang}.
 * The path makes "my organisation and those below it" a prefix test.
 */
public record OrganisationId(String value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrganisationId {
        Objects.requireNonNull(value, "organisation id");
        if (!value.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
            throw new IllegalArgumentException("organisation id must be a path of lower-case segments: " + value);
        }
    }

    /** True when {@code other} is this organisation or one below it. */
    public boolean covers(OrganisationId other) {
        return other.value.equals(value) || other.value.startsWith(value + "/");
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}

package org.weiquan.api.legalaid;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identity of a legal-aid case aggregate; chosen by the client so that a retried application is idempotent. */
public record LegalAidCaseId(UUID value) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LegalAidCaseId {
        Objects.requireNonNull(value, "legal-aid case id");
    }

    public static LegalAidCaseId of(String value) {
        return new LegalAidCaseId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}

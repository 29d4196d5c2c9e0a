package org.weiquan.api.common;

import java.util.Objects;

/** An employer party: its registered name and unified social credit code (统一社会信用代码). */
public record Employer(String name, String creditCode) {
    public Employer {
        Objects.requireNonNull(name, "employer name");
    }
}

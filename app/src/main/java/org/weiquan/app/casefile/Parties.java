package org.weiquan.app.casefile;

import java.util.List;

/** Who a new case is about, as far as duplicate detection cares: workers' ID numbers, employers' credit codes. */
public record Parties(List<String> idNumbers, List<String> creditCodes) {
    public Parties {
        idNumbers = idNumbers == null ? List.of() : idNumbers.stream().filter(v -> v != null && !v.isBlank()).toList();
        creditCodes = creditCodes == null ? List.of() : creditCodes.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}

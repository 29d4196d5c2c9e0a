package org.weiquan.api.common;

/** The four kinds of case and the prefix of their case numbers. */
public enum CaseKind {
    LABOUR_DISPUTE("LD"), SAFETY_HAZARD("SH"), LEGAL_AID("LA"), PETITION("PT");

    private final String prefix;

    CaseKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}

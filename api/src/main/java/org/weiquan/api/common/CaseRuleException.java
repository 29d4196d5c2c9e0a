package org.weiquan.api.common;

/**
 * A command the case's rules refuse. {@link #code()} is stable: clients and the HTTP error
 * responses rely on it. Refusing changes nothing: no event is stored.
 */
public abstract class CaseRuleException extends RuntimeException {
    private final String code;

    protected CaseRuleException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

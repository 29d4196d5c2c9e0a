package org.weiquan.api.common;

/** The command's data break a rule whatever the case's state (HTTP 400). */
public class InvalidCaseDataException extends CaseRuleException {
    private final String field;

    public InvalidCaseDataException(String code, String field, String message) {
        super(code, message);
        this.field = field;
    }

    /** The command field at fault, when there is one. */
    public String field() {
        return field;
    }
}

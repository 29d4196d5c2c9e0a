package org.weiquan.api.common;

/** The command is not allowed in the case's current state (HTTP 409). */
public class IllegalTransitionException extends CaseRuleException {
    public IllegalTransitionException(String code, String message) {
        super(code, message);
    }
}

package org.weiquan.api.common;

/** A lawyer or mediator who is not an active member of the panel or roster (HTTP 400). */
public class NotOnRosterException extends RuntimeException {
    private final String field;

    public NotOnRosterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

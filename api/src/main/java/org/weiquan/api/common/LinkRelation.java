package org.weiquan.api.common;

/** How two cases are related, read from the case that records the link. */
public enum LinkRelation {
    /** This case led to the other (a petition that became a legal-aid case). */
    LED_TO,
    /** This case arose from the other. */
    AROSE_FROM,
    /** The cases concern the same facts (a dispute behind a petition). */
    RELATED;

    /** The same link as the other case records it. */
    public LinkRelation inverse() {
        return switch (this) {
            case LED_TO -> AROSE_FROM;
            case AROSE_FROM -> LED_TO;
            case RELATED -> RELATED;
        };
    }
}

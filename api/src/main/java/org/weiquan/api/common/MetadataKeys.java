package org.weiquan.api.common;

/** Keys of the metadata every command and event carries; the audit trail reads them back. */
public final class MetadataKeys {
    public static final String ACTOR = "actor";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String ORGANISATION = "organisation";
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** The id of the whole conversation (the HTTP request that started it, or the client's). */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";

    private MetadataKeys() {
    }
}

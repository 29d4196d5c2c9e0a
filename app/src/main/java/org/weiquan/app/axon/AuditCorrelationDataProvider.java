package org.weiquan.app.axon;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.weiquan.api.common.MetadataKeys;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries the audit metadata from a command to every event it causes: who acted, in which role and
 * organisation, from which address, in which conversation (correlation id) and because of which
 * message (causation id). A deadline is the system acting, not the officer who set it.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {
    public static final String SYSTEM_ACTOR = "system";
    public static final String SYSTEM_ROLE = "SYSTEM";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        var meta = message.getMetaData();
        Object correlationId = meta.get(MetadataKeys.CORRELATION_ID);
        data.put(MetadataKeys.CORRELATION_ID, correlationId != null ? correlationId : message.getIdentifier());
        data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        copy(meta, data, MetadataKeys.ORGANISATION);
        if (message instanceof DeadlineMessage<?>) {
            data.put(MetadataKeys.ACTOR, SYSTEM_ACTOR);
            data.put(MetadataKeys.ACTOR_ROLE, SYSTEM_ROLE);
        } else {
            copy(meta, data, MetadataKeys.ACTOR);
            copy(meta, data, MetadataKeys.ACTOR_ROLE);
            copy(meta, data, MetadataKeys.CLIENT_ADDRESS);
        }
        return data;
    }

    private static void copy(Map<String, ?> from, Map<String, Object> to, String key) {
        Object value = from.get(key);
        if (value != null) to.put(key, value);
    }
}

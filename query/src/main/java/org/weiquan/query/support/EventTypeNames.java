package org.weiquan.query.support;

import org.weiquan.api.common.EventType;

/** The stable name of an event payload: its {@link EventType}, or the class name when it has none. */
public final class EventTypeNames {
    private EventTypeNames() {
    }

    public static String of(Class<?> payloadType) {
        EventType type = payloadType.getAnnotation(EventType.class);
        return type != null ? type.value() : payloadType.getName();
    }
}

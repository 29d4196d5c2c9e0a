package org.weiquan.app.axon;

import org.weiquan.api.common.EventType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps stable event type names to classes and back. Built from the sealed event interfaces (every
 * permitted record must carry an {@link EventType}) and from single event records; no name may be
 * used twice.
 */
public final class EventTypeRegistry {
    private final Map<String, Class<?>> classesByName = new HashMap<>();
    private final Map<Class<?>, String> namesByClass = new HashMap<>();

    public EventTypeRegistry(Class<?>... eventTypes) {
        for (Class<?> type : eventTypes) {
            if (type.isSealed()) {
                for (Class<?> permitted : type.getPermittedSubclasses()) register(permitted);
            } else {
                register(type);
            }
        }
    }

    private void register(Class<?> type) {
        EventType annotation = type.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new IllegalStateException(type.getName() + " has no @EventType: its stored name would be its class name");
        }
        Class<?> previous = classesByName.putIfAbsent(annotation.value(), type);
        if (previous != null && previous != type) {
            throw new IllegalStateException("event type name '" + annotation.value() + "' is used by both "
                    + previous.getName() + " and " + type.getName());
        }
        namesByClass.put(type, annotation.value());
    }

    public Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(namesByClass.get(type));
    }

    public Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(classesByName.get(name));
    }

    public int size() {
        return classesByName.size();
    }
}

package org.weiquan.app.axon;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, storing events under their stable {@link org.weiquan.api.common.EventType}
 * name instead of the Java class name, so that renaming or moving a class never breaks the stored
 * log. Everything else (metadata, tokens) keeps Axon's class-name typing.
 */
public class StableNameJacksonSerializer extends JacksonSerializer {
    private final EventTypeRegistry registry;

    public StableNameJacksonSerializer(Builder builder, EventTypeRegistry registry) {
        super(builder);
        this.registry = registry;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        if (type != null) {
            var name = registry.nameOf(type);
            if (name.isPresent()) {
                return new SimpleSerializedType(name.get(), getRevisionResolver().revisionOf(type));
            }
        }
        return super.typeForClass(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return registry.classOf(type.getName()).map(c -> (Class) c).orElseGet(() -> super.classForType(type));
    }
}

package org.weiquan.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.RecordedEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The mapping between Axon's event messages and EventStoreDB events, both ways.
 * <ul>
 * <li>event id = the Axon event identifier when it is a UUID, else a name-based UUID of it (so that a
 * retried append stays idempotent); the Axon identifier itself is always kept in the envelope;</li>
 * <li>event type = the serialized payload type name, as the serializer names it;</li>
 * <li>data = the serialized payload; content type JSON when the serializer writes JSON;</li>
 * <li>metadata = the {@link AxonEnvelope}.</li>
 * </ul>
 */
final class StoredEvents {

    private StoredEvents() {
    }

    static EventData toEventData(EventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        boolean json = serializer instanceof JacksonSerializer;
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        AxonEnvelope envelope = new AxonEnvelope(
                event.getIdentifier(),
                // to the millisecond, as Axon's JDBC and JPA engines store it: read models and
                // point-in-time queries then compare the same instants whichever engine holds the log
                DateTimeUtils.formatInstant(event.getTimestamp()),
                payload.getType().getName(),
                payload.getType().getRevision(),
                aggregateType,
                aggregateId,
                sequence,
                metaData.getType().getName(),
                json ? AxonEnvelope.parseJson(metaData.getData()) : null,
                json ? null : Base64.getEncoder().encodeToString(metaData.getData()));
        if (json && envelope.metaData() == null) {
            envelope = new AxonEnvelope(envelope.eventIdentifier(), envelope.timestamp(), envelope.payloadType(),
                    envelope.payloadRevision(), aggregateType, aggregateId, sequence, envelope.metaDataType(), null,
                    Base64.getEncoder().encodeToString(metaData.getData()));
        }
        UUID id = eventId(event.getIdentifier());
        EventDataBuilder builder = json
                ? EventDataBuilder.json(id, payload.getType().getName(), payload.getData())
                : EventDataBuilder.binary(id, payload.getType().getName(), payload.getData());
        return builder.metadataAsBytes(envelope.toBytes()).build();
    }

    static UUID eventId(String axonIdentifier) {
        try {
            UUID uuid = UUID.fromString(axonIdentifier);
            if (uuid.toString().equalsIgnoreCase(axonIdentifier)) {
                return uuid;
            }
        } catch (IllegalArgumentException notAUuid) {
            // fall through
        }
        return UUID.nameUUIDFromBytes(axonIdentifier.getBytes(StandardCharsets.UTF_8));
    }

    static AxonEnvelope envelope(RecordedEvent event) {
        try {
            AxonEnvelope envelope = AxonEnvelope.fromBytes(event.getUserMetadata());
            if (envelope.eventIdentifier() == null || envelope.timestamp() == null || envelope.payloadType() == null) {
                throw new IOException("no Axon envelope");
            }
            return envelope;
        } catch (IOException e) {
            throw new EventStoreException("Event " + event.getRevision() + "@" + event.getStreamId()
                    + " (" + event.getEventType() + ") was not written by the Axon storage engine: its metadata is not an Axon envelope", e);
        }
    }

    static Instant timestamp(RecordedEvent event) {
        return Timestamps.parse(envelope(event).timestamp());
    }

    /**
     * The stored event as Axon's event data. With {@code jsonMetaData} (the reading serializer is
     * Jackson's) the meta data is handed over as the JSON tree already parsed with the envelope, so it
     * is not written out and parsed a second time.
     */
    static DomainEventData<?> toDomainEventData(RecordedEvent event, boolean jsonMetaData) {
        AxonEnvelope e = envelope(event);
        if (!e.isDomainEvent()) {
            throw new EventStoreException("Event " + event.getRevision() + "@" + event.getStreamId()
                    + " is not a domain event: it has no aggregate identifier and sequence number");
        }
        return domainEventData(event, e, jsonMetaData);
    }

    static TrackedEventData<?> toTrackedEventData(RecordedEvent event, boolean jsonMetaData) {
        return toTrackedEventData(event, EventStoreDbTrackingToken.of(event.getPosition()), jsonMetaData);
    }

    static TrackedEventData<?> toTrackedEventData(RecordedEvent event, EventStoreDbTrackingToken token, boolean jsonMetaData) {
        AxonEnvelope e = envelope(event);
        if (e.isDomainEvent()) {
            return new TrackedDomainEventData<>(token, domainEventData(event, e, jsonMetaData));
        }
        return new TrackedEventEntry(token, e.eventIdentifier(), Timestamps.parse(e.timestamp()),
                new SimpleSerializedObject<>(event.getEventData(), byte[].class, e.payloadType(), e.payloadRevision()),
                metaData(e, jsonMetaData));
    }

    private static StoredDomainEventData domainEventData(RecordedEvent event, AxonEnvelope e, boolean jsonMetaData) {
        return new StoredDomainEventData(e.aggregateType(), e.aggregateIdentifier(), e.sequenceNumber(),
                e.eventIdentifier(), e.timestamp(),
                new SimpleSerializedObject<>(event.getEventData(), byte[].class, e.payloadType(), e.payloadRevision()),
                metaData(e, jsonMetaData));
    }

    private static SerializedObject<?> metaData(AxonEnvelope e, boolean jsonMetaData) {
        if (jsonMetaData && e.metaData() != null) {
            return new SerializedMetaData<>(e.metaData(), JsonNode.class);
        }
        return new SerializedMetaData<>(e.metaDataBytes(), byte[].class);
    }

    /**
     * A domain event as stored: payload bytes, meta data as bytes or as an already parsed JSON tree,
     * and the timestamp read only when asked for (Axon asks lazily; many handlers never do).
     */
    @SuppressWarnings("unchecked")
    static final class StoredDomainEventData implements DomainEventData<Object> {
        private final String type;
        private final String aggregateIdentifier;
        private final long sequenceNumber;
        private final String eventIdentifier;
        private final String storedTimestamp;
        private final SerializedObject<?> payload;
        private final SerializedObject<?> metaData;
        private Instant timestamp;

        StoredDomainEventData(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                              String storedTimestamp, SerializedObject<?> payload, SerializedObject<?> metaData) {
            this.type = type;
            this.aggregateIdentifier = aggregateIdentifier;
            this.sequenceNumber = sequenceNumber;
            this.eventIdentifier = eventIdentifier;
            this.storedTimestamp = storedTimestamp;
            this.payload = payload;
            this.metaData = metaData;
        }

        @Override
        public String getType() {
            return type;
        }

        @Override
        public String getAggregateIdentifier() {
            return aggregateIdentifier;
        }

        @Override
        public long getSequenceNumber() {
            return sequenceNumber;
        }

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            Instant read = timestamp;
            if (read == null) {
                read = Timestamps.parse(storedTimestamp);
                timestamp = read;
            }
            return read;
        }

        @Override
        public SerializedObject<Object> getMetaData() {
            return (SerializedObject<Object>) metaData;
        }

        @Override
        public SerializedObject<Object> getPayload() {
            return (SerializedObject<Object>) payload;
        }
    }

    /** A tracked event that belongs to no aggregate: Axon delivers it as a plain (not a domain) event. */
    @SuppressWarnings("unchecked")
    record TrackedEventEntry(TrackingToken trackingToken, String eventIdentifier, Instant timestamp,
                             SerializedObject<?> payload, SerializedObject<?> metaData)
            implements TrackedEventData<Object> {

        @Override
        public String getEventIdentifier() {
            return eventIdentifier;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public SerializedObject<Object> getMetaData() {
            return (SerializedObject<Object>) metaData;
        }

        @Override
        public SerializedObject<Object> getPayload() {
            return (SerializedObject<Object>) payload;
        }
    }
}

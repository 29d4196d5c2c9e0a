package org.weiquan.eventstore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What Axon knows of an event beyond its payload, kept as the EventStoreDB event's metadata (JSON):
 * the Axon event identifier, the Axon timestamp, the payload type and revision, the aggregate type,
 * identifier and sequence number (for domain events), and the serialized Axon meta data.
 * <p>
 * The payload itself is the EventStoreDB event's data, and its type name the EventStoreDB event
 * type. The meta data is kept as a JSON value when the serializer writes JSON, so that the event
 * reads well in KurrentDB's UI, and as Base64 otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AxonEnvelope(
        String eventIdentifier,
        String timestamp,
        String payloadType,
        String payloadRevision,
        String aggregateType,
        String aggregateIdentifier,
        Long sequenceNumber,
        String metaDataType,
        JsonNode metaData,
        String metaDataBase64) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @JsonIgnore
    boolean isDomainEvent() {
        return aggregateIdentifier != null && sequenceNumber != null;
    }

    byte[] toBytes() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AxonEnvelope fromBytes(byte[] bytes) throws IOException {
        return JSON.readValue(bytes, AxonEnvelope.class);
    }

    static JsonNode parseJson(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    byte[] metaDataBytes() {
        if (metaData != null) {
            try {
                return JSON.writeValueAsBytes(metaData);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return metaDataBase64 == null ? new byte[0] : java.util.Base64.getDecoder().decode(metaDataBase64);
    }
}

package org.weiquan.eventstore;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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

    /**
     * Reads an envelope field by field with the streaming parser (10–20 % less time than binding the
     * record, on every event read); only the meta data becomes a tree. Unknown fields are skipped.
     */
    static AxonEnvelope fromBytes(byte[] bytes) throws IOException {
        String eventIdentifier = null;
        String timestamp = null;
        String payloadType = null;
        String payloadRevision = null;
        String aggregateType = null;
        String aggregateIdentifier = null;
        Long sequenceNumber = null;
        String metaDataType = null;
        JsonNode metaData = null;
        String metaDataBase64 = null;
        try (JsonParser parser = JSON.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                boolean isNull = value == JsonToken.VALUE_NULL;
                switch (field) {
                    case "eventIdentifier" -> eventIdentifier = isNull ? null : parser.getValueAsString();
                    case "timestamp" -> timestamp = isNull ? null : parser.getValueAsString();
                    case "payloadType" -> payloadType = isNull ? null : parser.getValueAsString();
                    case "payloadRevision" -> payloadRevision = isNull ? null : parser.getValueAsString();
                    case "aggregateType" -> aggregateType = isNull ? null : parser.getValueAsString();
                    case "aggregateIdentifier" -> aggregateIdentifier = isNull ? null : parser.getValueAsString();
                    case "sequenceNumber" -> sequenceNumber = isNull ? null : parser.getValueAsLong();
                    case "metaDataType" -> metaDataType = isNull ? null : parser.getValueAsString();
                    case "metaData" -> metaData = isNull ? null : JSON.readTree(parser);
                    case "metaDataBase64" -> metaDataBase64 = isNull ? null : parser.getValueAsString();
                    default -> parser.skipChildren();
                }
            }
        }
        return new AxonEnvelope(eventIdentifier, timestamp, payloadType, payloadRevision, aggregateType,
                aggregateIdentifier, sequenceNumber, metaDataType, metaData, metaDataBase64);
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

package org.weiquan.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Copies an Axon event log from Axon's JDBC table ({@code DomainEventEntry}, as Axon's
 * {@code JdbcEventStorageEngine} writes it) into EventStoreDB / KurrentDB, through an
 * {@link EventStoreDbStorageEngine}: so the copy is stored exactly as the engine stores events it
 * is given, and reads back through it as the same messages (identifier, timestamp, aggregate type,
 * identifier and sequence number, payload type, revision and bytes, meta data).
 * <ul>
 * <li><b>Order.</b> Events are appended one after the other in {@code globalIndex} order; the
 * consecutive events of one aggregate go in one append. {@code $all} order is therefore the source's
 * order, and each aggregate's stream revision its sequence number.</li>
 * <li><b>Payloads are not re-serialized.</b> Each row becomes a message whose payload and meta data
 * are the stored bytes, serialized by the engine's own event serializer, so the engine writes them
 * as they are; nothing is upcast or deserialized, and an old revision stays that revision.</li>
 * <li><b>Resuming.</b> The copy keeps no state of its own: the last event of the target's global
 * stream is the last one copied (appends are sequential and each is all or none), so a new run
 * looks it up in the source by its Axon identifier and goes on after it. A target whose last event
 * is not in the source is refused.</li>
 * <li><b>Verification.</b> {@link #verify()} reads both logs from the start, side by side, and
 * compares every event, the counts, and each aggregate's last sequence number with its stream's
 * last revision.</li>
 * </ul>
 * Snapshots are not copied: they are a cache of the events, and the application takes new ones.
 * The source is only read; run the copy while nothing writes to either side.
 */
public final class JdbcEventLogCopy {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LISTED_DIFFERENCES = 10;

    private final DataSource source;
    private final EventStoreDbStorageEngine target;
    private final String table;
    private final int batchSize;

    private JdbcEventLogCopy(DataSource source, EventStoreDbStorageEngine target, String table, int batchSize) {
        this.source = source;
        this.target = target;
        this.table = table;
        this.batchSize = batchSize;
    }

    /**
     * @param source    the database holding Axon's JDBC event table
     * @param target    the engine to copy into; its event serializer only carries the stored bytes
     * @param batchSize source rows read (and then appended) per batch
     */
    public static JdbcEventLogCopy of(DataSource source, EventStoreDbStorageEngine target, int batchSize) {
        return of(source, target, "DomainEventEntry", batchSize);
    }

    public static JdbcEventLogCopy of(DataSource source, EventStoreDbStorageEngine target, String table, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        if (!table.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return new JdbcEventLogCopy(source, Objects.requireNonNull(target), table, batchSize);
    }

    /** Told after every batch appended. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param copied       events in the target now (this run and earlier ones)
         * @param total        events in the source
         * @param copiedThisRun events appended by this run
         * @param elapsed      time since this run started
         */
        void batchCopied(long copied, long total, long copiedThisRun, Duration elapsed);

        Progress NONE = (copied, total, copiedThisRun, elapsed) -> {
        };
    }

    /** What a run did: it finished, or stopped after the batches it was allowed. */
    public record CopyResult(long total, long alreadyCopied, long copiedThisRun, boolean complete, Duration elapsed) {
        public long copied() {
            return alreadyCopied + copiedThisRun;
        }
    }

    /** The target holds events that did not come from this source, or a stream this copy would have to overwrite. */
    public static final class TargetConflictException extends RuntimeException {
        TargetConflictException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The source could not be read. */
    public static final class SourceException extends RuntimeException {
        SourceException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ================================================================ copy

    /**
     * Copies what the target does not hold yet, in batches, at most {@code maxBatches} of them
     * ({@code <= 0}: all).
     *
     * @throws TargetConflictException if the target holds events that are not this source's
     * @throws SourceException         if the source cannot be read
     * @throws org.axonframework.eventsourcing.eventstore.EventStoreException if EventStoreDB fails;
     *                                 what was appended before stays, and a new run goes on from there
     */
    public CopyResult copy(long maxBatches, Progress progress) {
        long started = System.nanoTime();
        try (Connection connection = source.getConnection()) {
            connection.setReadOnly(true);
            long total = count(connection, Long.MIN_VALUE);
            long after = resumePoint(connection);
            long already = after == Long.MIN_VALUE ? 0 : total - count(connection, after);
            long copied = 0;
            long batches = 0;
            boolean complete = false;
            while (maxBatches <= 0 || batches < maxBatches) {
                List<SourceEvent> page = page(connection, after, batchSize);
                if (page.isEmpty()) {
                    complete = true;
                    break;
                }
                appendInOrder(page);
                after = page.get(page.size() - 1).globalIndex();
                copied += page.size();
                batches++;
                progress.batchCopied(already + copied, total, copied, Duration.ofNanos(System.nanoTime() - started));
            }
            if (!complete) {
                complete = count(connection, after) == 0;
            }
            return new CopyResult(total, already, copied, complete, Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException e) {
            throw new SourceException("Could not read the source event table " + table + ": " + e.getMessage(), e);
        }
    }

    /** The {@code globalIndex} of the source's event that the target holds last; {@code Long.MIN_VALUE} if none. */
    private long resumePoint(Connection connection) throws SQLException {
        RecordedEvent last = lastDeliveredRecord();
        if (last == null) {
            return Long.MIN_VALUE;
        }
        AxonEnvelope envelope;
        try {
            envelope = StoredEvents.envelope(last);
        } catch (RuntimeException notOurs) {
            throw new TargetConflictException("EventStoreDB already holds events that are not in the source: the last one, "
                    + describe(last) + ", was not written by the Axon storage engine", notOurs);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT globalIndex, aggregateIdentifier,"
                + " sequenceNumber FROM " + table + " WHERE eventIdentifier = ?")) {
            statement.setString(1, envelope.eventIdentifier());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new TargetConflictException("EventStoreDB already holds events that are not in the source: the"
                            + " last one, " + describe(last) + " (Axon event " + envelope.eventIdentifier() + "), is not"
                            + " in " + table + ". Copy into an empty EventStoreDB, or into one that holds only an"
                            + " interrupted copy of this same source.", null);
                }
                long globalIndex = row.getLong(1);
                boolean sameAggregate = !envelope.isDomainEvent()
                        || (envelope.aggregateIdentifier().equals(row.getString(2)) && envelope.sequenceNumber() == row.getLong(3));
                if (!sameAggregate) {
                    throw new TargetConflictException("The last event in EventStoreDB, " + describe(last) + ", has the Axon"
                            + " identifier of source event " + globalIndex + " but another aggregate or sequence number", null);
                }
                return globalIndex;
            }
        }
    }

    /** The last record of {@code $all} that the engine delivers; null if there is none. */
    private RecordedEvent lastDeliveredRecord() {
        for (long window = 64; ; window *= 8) {
            List<ResolvedEvent> tail = target.await(target.client().readAll(
                    ReadAllOptions.get().backwards().fromEnd().maxCount(window))).getEvents();
            for (ResolvedEvent resolved : tail) {
                if (target.isDelivered(resolved.getOriginalEvent())) {
                    return resolved.getOriginalEvent();
                }
            }
            if (tail.size() < window) {
                return null;
            }
        }
    }

    /** Appends the page in its order: each run of consecutive events of one aggregate is one append. */
    private void appendInOrder(List<SourceEvent> page) {
        Serializer serializer = target.getEventSerializer();
        int start = 0;
        while (start < page.size()) {
            SourceEvent first = page.get(start);
            int end = start + 1;
            while (end < page.size() && first.isDomainEvent() && page.get(end).isDomainEvent()
                    && page.get(end).aggregateIdentifier().equals(first.aggregateIdentifier())
                    && page.get(end).sequenceNumber() == page.get(end - 1).sequenceNumber() + 1) {
                end++;
            }
            List<EventMessage<?>> run = new ArrayList<>(end - start);
            for (SourceEvent event : page.subList(start, end)) {
                run.add(event.toMessage(serializer));
            }
            try {
                target.appendEvents(run);
            } catch (AggregateStreamCreationException | ConcurrencyException e) {
                throw new TargetConflictException("EventStoreDB already holds events of aggregate " + first.aggregateIdentifier()
                        + " that this copy did not write (its stream was expected to "
                        + (first.sequenceNumber() == 0 ? "not exist yet" : "end at revision " + (first.sequenceNumber() - 1))
                        + " before source event " + first.globalIndex() + "). Nothing after source event "
                        + (first.globalIndex() - 1) + " was copied. " + e.getMessage(), e);
            }
            start = end;
        }
    }

    // ================================================================ verification

    /**
     * What {@link #verify()} found. It passed if both logs hold the same events in the same order, the
     * same aggregates, and each aggregate's stream ends at its last sequence number.
     */
    public record Verification(long sourceEvents, long targetEvents, long sourceAggregates, long targetAggregates,
                               long differingEvents, long aggregatesWithOtherLastRevision, List<String> differences) {
        public boolean passed() {
            return sourceEvents == targetEvents && sourceAggregates == targetAggregates && differingEvents == 0
                    && aggregatesWithOtherLastRevision == 0;
        }
    }

    /** Reads both logs from the start, side by side, and compares them event by event. */
    public Verification verify() {
        List<String> differences = new ArrayList<>();
        Map<String, Long> sourceLast = new HashMap<>();
        Map<String, Long> targetLast = new HashMap<>();
        long sourceEvents = 0;
        long targetEvents = 0;
        long differing = 0;
        try (Connection connection = source.getConnection()) {
            connection.setReadOnly(true);
            Iterator<SourceEvent> sourceEventsInOrder = new SourcePages(connection);
            Iterator<RecordedEvent> targetEventsInOrder = new TargetPages();
            while (sourceEventsInOrder.hasNext() || targetEventsInOrder.hasNext()) {
                SourceEvent expected = sourceEventsInOrder.hasNext() ? sourceEventsInOrder.next() : null;
                RecordedEvent actual = targetEventsInOrder.hasNext() ? targetEventsInOrder.next() : null;
                if (expected != null) {
                    sourceEvents++;
                    if (expected.isDomainEvent()) {
                        sourceLast.merge(expected.aggregateIdentifier(), expected.sequenceNumber(), Math::max);
                    }
                }
                if (actual != null) {
                    targetEvents++;
                    if (actual.getStreamId().startsWith(target.aggregateStreamPrefix())) {
                        targetLast.merge(actual.getStreamId().substring(target.aggregateStreamPrefix().length()),
                                actual.getRevision(), Math::max);
                    }
                }
                String difference = difference(expected, actual);
                if (difference != null) {
                    differing++;
                    if (differences.size() < MAX_LISTED_DIFFERENCES) {
                        differences.add(difference);
                    }
                }
            }
        } catch (SQLException e) {
            throw new SourceException("Could not read the source event table " + table + ": " + e.getMessage(), e);
        }
        long otherLast = 0;
        for (Map.Entry<String, Long> aggregate : sourceLast.entrySet()) {
            Long revision = targetLast.get(aggregate.getKey());
            if (!aggregate.getValue().equals(revision)) {
                otherLast++;
                if (differences.size() < MAX_LISTED_DIFFERENCES) {
                    differences.add("aggregate " + aggregate.getKey() + ": last sequence number " + aggregate.getValue()
                            + " in the source, stream " + target.aggregateStreamPrefix() + aggregate.getKey()
                            + (revision == null ? " missing" : " ends at revision " + revision));
                }
            }
        }
        for (String stream : targetLast.keySet()) {
            if (!sourceLast.containsKey(stream)) {
                otherLast++;
                if (differences.size() < MAX_LISTED_DIFFERENCES) {
                    differences.add("stream " + target.aggregateStreamPrefix() + stream + " has no aggregate in the source");
                }
            }
        }
        return new Verification(sourceEvents, targetEvents, sourceLast.size(), targetLast.size(), differing, otherLast,
                List.copyOf(differences));
    }

    /** Null if the stored event is the source event as the engine stores it; else what differs. */
    private String difference(SourceEvent expected, RecordedEvent actual) {
        if (expected == null) {
            return "EventStoreDB holds " + describe(actual) + " after the source's last event";
        }
        String at = "source event " + expected.globalIndex() + " (" + expected.eventIdentifier() + ")";
        if (actual == null) {
            return at + " is missing from EventStoreDB";
        }
        AxonEnvelope envelope;
        try {
            envelope = StoredEvents.envelope(actual);
        } catch (RuntimeException e) {
            return at + ": in its place EventStoreDB holds " + describe(actual) + ", not written by the Axon storage engine";
        }
        List<String> wrong = new ArrayList<>();
        String stream = expected.isDomainEvent() ? target.aggregateStreamPrefix() + expected.aggregateIdentifier()
                : target.eventStreamName();
        check(wrong, "stream", stream, actual.getStreamId());
        if (expected.isDomainEvent()) {
            check(wrong, "revision", expected.sequenceNumber(), actual.getRevision());
            check(wrong, "aggregate identifier", expected.aggregateIdentifier(), envelope.aggregateIdentifier());
            check(wrong, "sequence number", expected.sequenceNumber(), envelope.sequenceNumber());
            check(wrong, "aggregate type", expected.aggregateType(), envelope.aggregateType());
        }
        check(wrong, "event id", StoredEvents.eventId(expected.eventIdentifier()), actual.getEventId());
        check(wrong, "Axon identifier", expected.eventIdentifier(), envelope.eventIdentifier());
        check(wrong, "timestamp", expected.timestamp(), Instant.parse(envelope.timestamp()));
        check(wrong, "event type", expected.payloadType(), actual.getEventType());
        check(wrong, "payload type", expected.payloadType(), envelope.payloadType());
        check(wrong, "payload revision", expected.payloadRevision(), envelope.payloadRevision());
        if (!Arrays.equals(expected.payload(), actual.getEventData())) {
            wrong.add("payload differs");
        }
        if (!sameMetaData(expected.metaData(), envelope.metaDataBytes())) {
            wrong.add("meta data differs");
        }
        return wrong.isEmpty() ? null : at + " stored as " + describe(actual) + ": " + String.join(", ", wrong);
    }

    private static void check(List<String> wrong, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            wrong.add(what + " " + actual + " instead of " + expected);
        }
    }

    private static boolean sameMetaData(byte[] expected, byte[] actual) {
        if (Arrays.equals(expected, actual)) {
            return true;
        }
        try { // the engine keeps JSON meta data as a JSON value: equal as JSON is equal
            JsonNode left = JSON.readTree(expected);
            JsonNode right = JSON.readTree(actual);
            return left != null && left.equals(right);
        } catch (IOException notJson) {
            return false;
        }
    }

    private static String describe(RecordedEvent event) {
        return event.getRevision() + "@" + event.getStreamId() + " (" + event.getEventType() + ")";
    }

    // ================================================================ reading

    private long count(Connection connection, long afterGlobalIndex) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE globalIndex > ?")) {
            statement.setLong(1, afterGlobalIndex);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private List<SourceEvent> page(Connection connection, long afterGlobalIndex, int max) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT globalIndex, aggregateIdentifier,"
                + " sequenceNumber, type, eventIdentifier, timeStamp, payloadType, payloadRevision, payload, metaData"
                + " FROM " + table + " WHERE globalIndex > ? ORDER BY globalIndex")) {
            statement.setLong(1, afterGlobalIndex);
            statement.setMaxRows(max);
            statement.setFetchSize(Math.min(max, 1000));
            List<SourceEvent> events = new ArrayList<>(Math.min(max, 1000));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    events.add(new SourceEvent(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                            row.getString(5), DateTimeUtils.parseInstant(row.getString(6)), row.getString(7),
                            row.getString(8), row.getBytes(9), row.getBytes(10)));
                }
            }
            return events;
        }
    }

    /** The source in {@code globalIndex} order, a batch at a time. */
    private final class SourcePages implements Iterator<SourceEvent> {
        private final Connection connection;
        private long after = Long.MIN_VALUE;
        private Iterator<SourceEvent> page = java.util.Collections.emptyIterator();
        private boolean exhausted;

        SourcePages(Connection connection) {
            this.connection = connection;
        }

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && !exhausted) {
                try {
                    List<SourceEvent> next = page(connection, after, batchSize);
                    exhausted = next.size() < batchSize;
                    if (!next.isEmpty()) {
                        after = next.get(next.size() - 1).globalIndex();
                    }
                    page = next.iterator();
                } catch (SQLException e) {
                    throw new SourceException("Could not read the source event table " + table + ": " + e.getMessage(), e);
                }
            }
            return page.hasNext();
        }

        @Override
        public SourceEvent next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return page.next();
        }
    }

    /** The records of {@code $all} that the engine delivers, in order, a page at a time. */
    private final class TargetPages implements Iterator<RecordedEvent> {
        private EventStoreDbTrackingToken cursor = EventStoreDbTrackingToken.TAIL;
        private Iterator<RecordedEvent> page = java.util.Collections.emptyIterator();
        private boolean exhausted;

        @Override
        public boolean hasNext() {
            while (!page.hasNext() && !exhausted) {
                List<RecordedEvent> records = target.readAllAfter(cursor, batchSize);
                if (records.isEmpty()) {
                    exhausted = true;
                    break;
                }
                cursor = EventStoreDbTrackingToken.of(records.get(records.size() - 1).getPosition());
                page = records.stream().filter(target::isDelivered).iterator();
            }
            return page.hasNext();
        }

        @Override
        public RecordedEvent next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return page.next();
        }
    }

    /**
     * A row of Axon's JDBC event table. Axon stores an event of no aggregate with no type, its own
     * identifier as aggregate identifier and sequence number 0; it is copied as such an event.
     */
    private record SourceEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String aggregateType,
                               String eventIdentifier, Instant timestamp, String payloadType, String payloadRevision,
                               byte[] payload, byte[] metaData) {

        boolean isDomainEvent() {
            return aggregateType != null || !(aggregateIdentifier.equals(eventIdentifier) && sequenceNumber == 0);
        }

        /** The stored bytes as a message whose serialized form, in {@code serializer}, is those bytes. */
        EventMessage<?> toMessage(Serializer serializer) {
            SerializedObject<byte[]> serializedPayload =
                    new SimpleSerializedObject<>(payload, byte[].class, payloadType, payloadRevision);
            byte[] meta = metaData != null ? metaData : serializer.serialize(MetaData.emptyInstance(), byte[].class).getData();
            SerializedObject<byte[]> serializedMetaData =
                    new SimpleSerializedObject<>(meta, byte[].class, MetaData.class.getName(), null);
            SerializedMessage<?> message = new SerializedMessage<>(eventIdentifier, serializedPayload, serializedMetaData, serializer);
            Supplier<Instant> stored = () -> timestamp;
            return isDomainEvent()
                    ? new GenericDomainEventMessage<>(aggregateType, aggregateIdentifier, sequenceNumber, message, stored)
                    : new GenericEventMessage<>(message, stored);
        }
    }
}

package org.weiquan.eventstore;

import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WrongExpectedVersionException;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An Axon 4 {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on EventStoreDB /
 * KurrentDB, through kurrentdb-client. Knows nothing but Axon: any Axon application can use it.
 * <ul>
 * <li><b>Streams.</b> One stream per aggregate, named {@code aggregateStreamPrefix + aggregateId}
 * (Axon 4 loads an aggregate by its identifier alone, so the name must follow from the identifier);
 * the aggregate type is kept in each event's envelope. Events of no aggregate go to one stream,
 * {@code eventStreamName}. Snapshots go to {@code snapshotStreamPrefix + aggregateId}.</li>
 * <li><b>Appends.</b> All events of one aggregate in one {@code appendEvents} call are one append
 * with the expected revision {@code firstSequence - 1} ({@code NO_STREAM} for sequence 0), so they
 * are written all or none. A conflict on sequence 0 is an {@link AggregateStreamCreationException},
 * any other wrong expected version a {@link ConcurrencyException}, anything else an
 * {@link EventStoreException}. Events of several aggregates in one call are one append per stream,
 * in order: EventStoreDB's (v1) protocol has no atomic append across streams, so a failure part-way
 * leaves the earlier streams written.</li>
 * <li><b>Global stream.</b> {@code $all}, of which only the engine's own streams are delivered:
 * system records ({@code $}-prefixed streams or event types), snapshots and the timestamp index are
 * skipped. The token is the {@code $all} position (exclusive). A page whose records are all skipped
 * still moves the stream's cursor past them, so the next page starts after them; and the engine
 * remembers, per token, how far it scanned without finding anything, so that a processor polling at
 * the head does not re-read the same skipped tail.</li>
 * <li><b>Blocking reads.</b> With {@code mayBlock}, a read that reaches the end waits, at most
 * {@code blockingReadTimeout}, for a live {@code $all} subscription ({@link AllStreamNotifier}) to
 * report a new event; it never polls.</li>
 * <li><b>Tokens at a time.</b> {@link #createTokenAt(Instant)} finds the first event, in global order,
 * whose Axon timestamp is at or after the instant, through a persisted sparse index of running
 * maximum timestamps ({@link TimestampIndex}): exact even when timestamps are out of order, and a
 * binary search instead of a scan of the log.</li>
 * <li><b>Snapshots.</b> The snapshot stream has {@code $maxCount = 1}; a snapshot is written only if
 * its sequence number is at least that of the stored one (optimistically, with the expected
 * revision), so a higher snapshot is never replaced by a lower one.</li>
 * </ul>
 */
public class EventStoreDbStorageEngine extends AbstractEventStorageEngine implements AutoCloseable {

    private final KurrentDBClient client;
    private final boolean ownsClient;
    private final String aggregateStreamPrefix;
    private final String eventStreamName;
    private final String snapshotStreamPrefix;
    private final int batchSize;
    private final Duration blockingReadTimeout;
    private final Duration operationTimeout;
    private final AllStreamNotifier notifier;
    private final TimestampIndex timestampIndex;
    private final AtomicLong allStreamPagesRead = new AtomicLong();
    private final AtomicLong eventAppends = new AtomicLong();
    private final Map<EventStoreDbTrackingToken, EventStoreDbTrackingToken> skipHints;
    /** Whether events are read by Jackson, which takes the meta data as the JSON tree parsed with the envelope. */
    private final boolean jsonEvents;

    protected EventStoreDbStorageEngine(Builder builder) {
        super(builder);
        this.ownsClient = builder.client == null;
        this.client = ownsClient
                ? KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(builder.connectionString))
                : builder.client;
        this.aggregateStreamPrefix = builder.aggregateStreamPrefix;
        this.eventStreamName = builder.eventStreamName;
        this.snapshotStreamPrefix = builder.snapshotStreamPrefix;
        this.batchSize = builder.batchSize;
        this.blockingReadTimeout = builder.blockingReadTimeout;
        this.operationTimeout = builder.operationTimeout;
        this.notifier = new AllStreamNotifier(client, List.of(aggregateStreamPrefix, eventStreamName));
        this.timestampIndex = new TimestampIndex(this, builder.timestampIndexStreamName, builder.timestampIndexInterval);
        this.jsonEvents = getEventSerializer() instanceof JacksonSerializer;
        int hintCapacity = builder.skipHintCapacity;
        this.skipHints = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<EventStoreDbTrackingToken, EventStoreDbTrackingToken> eldest) {
                return size() > hintCapacity;
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    // ================================================================ appends

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, List<EventMessage<?>>> byStream = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            byStream.computeIfAbsent(streamOf(event), s -> new ArrayList<>()).add(event);
        }
        for (Map.Entry<String, List<EventMessage<?>>> entry : byStream.entrySet()) {
            appendToOneStream(entry.getKey(), entry.getValue(), serializer);
        }
    }

    private String streamOf(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            return aggregateStreamPrefix + domain.getAggregateIdentifier();
        }
        return eventStreamName;
    }

    private void appendToOneStream(String stream, List<EventMessage<?>> events, Serializer serializer) {
        EventMessage<?> first = events.get(0);
        StreamState expected;
        if (first instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            long sequence = domain.getSequenceNumber();
            for (EventMessage<?> next : events.subList(1, events.size())) {
                long nextSequence = ((DomainEventMessage<?>) next).getSequenceNumber();
                if (nextSequence != ++sequence) {
                    throw new EventStoreException("Events of aggregate [" + domain.getAggregateIdentifier()
                            + "] must have consecutive sequence numbers; found " + nextSequence + " after " + (sequence - 1));
                }
            }
            expected = domain.getSequenceNumber() == 0 ? StreamState.noStream()
                    : StreamState.streamRevision(domain.getSequenceNumber() - 1);
        } else {
            expected = StreamState.any();
        }
        List<EventData> data = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            data.add(StoredEvents.toEventData(event, serializer));
        }
        try {
            eventAppends.incrementAndGet();
            await(client.appendToStream(stream, AppendToStreamOptions.get().streamState(expected), data.iterator()));
        } catch (WrongExpectedVersionException e) {
            String message = "An event for aggregate [" + aggregateIdOf(first) + "] at sequence ["
                    + sequenceOf(first) + "] was already inserted (stream " + stream + " is at "
                    + e.getActualState() + ", expected " + e.getExpectedState() + ")";
            if (StreamState.noStream().equals(expected)) {
                throw new AggregateStreamCreationException("Cannot reuse aggregate identifier ["
                        + aggregateIdOf(first) + "] to create a new aggregate: " + message, e);
            }
            throw new ConcurrencyException(message, e);
        } catch (RuntimeException e) {
            throw new EventStoreException("Could not append " + events.size() + " event(s) to stream " + stream, e);
        }
    }

    private static String aggregateIdOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : event.getIdentifier();
    }

    private static Object sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : "-";
    }

    // ================================================================ aggregate streams

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        String stream = aggregateStreamPrefix + identifier;
        Spliterator<DomainEventData<?>> pages = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private long next = firstSequenceNumber;
            private Iterator<ResolvedEvent> page;
            private boolean last;

            @Override
            public boolean tryAdvance(Consumer<? super DomainEventData<?>> action) {
                if (page == null || !page.hasNext()) {
                    if (last) {
                        return false;
                    }
                    List<ResolvedEvent> events = readStreamOrEmpty(stream,
                            ReadStreamOptions.get().forwards().fromRevision(next).maxCount(batchSize));
                    last = events.size() < batchSize;
                    page = events.iterator();
                    if (!page.hasNext()) {
                        return false;
                    }
                }
                RecordedEvent event = page.next().getOriginalEvent();
                next = event.getRevision() + 1;
                action.accept(StoredEvents.toDomainEventData(event, jsonEvents));
                return true;
            }
        };
        return StreamSupport.stream(pages, false);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        List<ResolvedEvent> last = readStreamOrEmpty(aggregateStreamPrefix + aggregateIdentifier,
                ReadStreamOptions.get().backwards().fromEnd().maxCount(1));
        return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0).getOriginalEvent().getRevision());
    }

    List<ResolvedEvent> readStreamOrEmpty(String stream, ReadStreamOptions options) {
        try {
            return await(client.readStream(stream, options)).getEvents();
        } catch (StreamNotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            throw new EventStoreException("Could not read stream " + stream, e);
        }
    }

    // ================================================================ snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        String stream = snapshotStreamPrefix + snapshot.getAggregateIdentifier();
        EventData data = StoredEvents.toEventData(snapshot, serializer);
        for (int attempt = 0; attempt < 5; attempt++) {
            List<ResolvedEvent> stored = readStreamOrEmpty(stream, ReadStreamOptions.get().backwards().fromEnd().maxCount(1));
            StreamState expected;
            if (stored.isEmpty()) {
                if (attempt == 0) {
                    StreamMetadata metadata = new StreamMetadata();
                    metadata.setMaxCount(1L);
                    await(client.setStreamMetadata(stream, metadata));
                }
                expected = StreamState.noStream();
            } else {
                RecordedEvent current = stored.get(0).getOriginalEvent();
                Long storedSequence = StoredEvents.envelope(current).sequenceNumber();
                if (storedSequence != null && storedSequence > snapshot.getSequenceNumber()) {
                    return; // a snapshot of a later state is already there
                }
                expected = StreamState.streamRevision(current.getRevision());
            }
            try {
                await(client.appendToStream(stream, AppendToStreamOptions.get().streamState(expected), data));
                return;
            } catch (WrongExpectedVersionException concurrentSnapshot) {
                // someone else stored a snapshot meanwhile: compare again
            } catch (RuntimeException e) {
                throw new EventStoreException("Could not store the snapshot of aggregate [" + snapshot.getAggregateIdentifier() + "]", e);
            }
        }
        throw new EventStoreException("Could not store the snapshot of aggregate [" + snapshot.getAggregateIdentifier()
                + "]: other snapshots kept being written at the same time");
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        List<ResolvedEvent> latest = readStreamOrEmpty(snapshotStreamPrefix + aggregateIdentifier,
                ReadStreamOptions.get().backwards().fromEnd().maxCount(1));
        return latest.stream().map(e -> StoredEvents.toDomainEventData(e.getOriginalEvent(),
                getSnapshotSerializer() instanceof JacksonSerializer));
    }

    // ================================================================ the global stream

    /** Whether a record of {@code $all} is one of this engine's events (and not a snapshot, index or system record). */
    boolean isDelivered(RecordedEvent event) {
        String stream = event.getStreamId();
        return !event.getEventType().startsWith("$")
                && (stream.startsWith(aggregateStreamPrefix) || stream.equals(eventStreamName));
    }

    /** At most {@code max} records of {@code $all} strictly after {@code after}, of any kind. */
    List<RecordedEvent> readAllAfter(EventStoreDbTrackingToken after, int max) {
        return awaitPage(readAllAfterAsync(after, max), after);
    }

    /**
     * How many appends of events this engine has sent: one per stream a commit writes to, however
     * many events it holds (snapshots not counted).
     */
    public long eventAppends() {
        return eventAppends.get();
    }

    /**
     * How many pages of {@code $all} this engine has asked the server for: a tracking processor that
     * waits at the head of the log, with blocking reads, asks for none until something is appended.
     */
    public long allStreamPagesRead() {
        return allStreamPagesRead.get();
    }

    private CompletableFuture<List<RecordedEvent>> readAllAfterAsync(EventStoreDbTrackingToken after, int max) {
        allStreamPagesRead.incrementAndGet();
        ReadAllOptions options = ReadAllOptions.get().forwards();
        options = after.atTail() ? options.fromStart().maxCount(max) : options.fromPosition(after.toPosition()).maxCount(max + 1L);
        return client.readAll(options).thenApply(result -> {
            List<ResolvedEvent> page = result.getEvents();
            List<RecordedEvent> records = new ArrayList<>(page.size());
            boolean pastStart = after.atTail();
            for (ResolvedEvent resolved : page) {
                RecordedEvent event = resolved.getOriginalEvent();
                // a read from a position starts at that record: only the first ones can be at or before it
                if (pastStart || EventStoreDbTrackingToken.of(event.getPosition()).compareTo(after) > 0) {
                    pastStart = true;
                    records.add(event);
                }
            }
            return records;
        });
    }

    private List<RecordedEvent> awaitPage(CompletableFuture<List<RecordedEvent>> page, EventStoreDbTrackingToken after) {
        try {
            return await(page);
        } catch (RuntimeException e) {
            throw new EventStoreException("Could not read $all after " + after, e);
        }
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        EventStoreDbTrackingToken start = trackingToken == null ? EventStoreDbTrackingToken.TAIL : cast(trackingToken);
        GlobalStream global = new GlobalStream(start, mayBlock);
        return StreamSupport.stream(global, false).onClose(global::close);
    }

    private static EventStoreDbTrackingToken cast(TrackingToken wrapped) {
        TrackingToken token = WrappedToken.unwrapLowerBound(wrapped); // a ReplayToken, for one
        if (token == null) {
            return EventStoreDbTrackingToken.TAIL;
        }
        if (token instanceof EventStoreDbTrackingToken t) {
            return t;
        }
        throw new IllegalArgumentException("Unsupported token format: " + token.getClass().getName()
                + "; this engine reads EventStoreDbTrackingToken only");
    }

    /**
     * Pages through {@code $all}. {@code cursor} is the last record examined, delivered or not, so a
     * page of skipped records still moves the next read past them. After a full page the next one is
     * asked for at once (read ahead), so the server reads while the consumer works; an empty page read
     * ahead is read again, as it may predate the notifier version a blocking read waits from.
     */
    private final class GlobalStream extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {
        private final boolean mayBlock;
        private EventStoreDbTrackingToken lastDelivered;
        private EventStoreDbTrackingToken cursor;
        private Iterator<TrackedEventData<?>> buffer = java.util.Collections.emptyIterator();
        /** The page after {@code cursor}, asked for when the previous page came full. */
        private CompletableFuture<List<RecordedEvent>> ahead;
        private volatile boolean closed;

        GlobalStream(EventStoreDbTrackingToken start, boolean mayBlock) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT);
            this.mayBlock = mayBlock;
            this.lastDelivered = start;
            EventStoreDbTrackingToken hint = skipHints.get(start);
            this.cursor = hint != null && hint.compareTo(start) > 0 ? hint : start;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            while (!closed) {
                if (buffer.hasNext()) {
                    TrackedEventData<?> next = buffer.next();
                    lastDelivered = (EventStoreDbTrackingToken) next.trackingToken();
                    action.accept(next);
                    return true;
                }
                long seen = 0;
                if (mayBlock && notifier.ensureLive(operationTimeout)) {
                    seen = notifier.version();
                }
                List<RecordedEvent> page;
                if (ahead != null) {
                    page = awaitPage(ahead, cursor);
                    ahead = null;
                    if (page.isEmpty()) {
                        page = readAllAfter(cursor, batchSize); // the read ahead may be older than `seen`
                    }
                } else {
                    page = readAllAfter(cursor, batchSize);
                }
                if (!page.isEmpty()) {
                    cursor = EventStoreDbTrackingToken.of(page.get(page.size() - 1).getPosition());
                    if (page.size() >= batchSize && !closed) {
                        // likely more: the server reads the next page while this one is converted and delivered
                        ahead = readAllAfterAsync(cursor, batchSize);
                    }
                    List<TrackedEventData<?>> delivered = new ArrayList<>(page.size());
                    for (RecordedEvent event : page) {
                        if (isDelivered(event)) {
                            delivered.add(StoredEvents.toTrackedEventData(event,
                                    EventStoreDbTrackingToken.of(event.getPosition()), jsonEvents));
                        }
                    }
                    buffer = delivered.iterator();
                    continue; // deliver, or read on past a page of skipped records
                }
                rememberSkippedTail();
                if (!mayBlock || !waitForNewEvents(seen)) {
                    return false;
                }
            }
            return false;
        }

        private void rememberSkippedTail() {
            if (cursor.compareTo(lastDelivered) > 0) {
                skipHints.put(lastDelivered, cursor);
            }
        }

        private boolean waitForNewEvents(long seen) {
            long deadline = System.nanoTime() + blockingReadTimeout.toNanos();
            try {
                while (!closed) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    // short slices only so that close() is noticed; nothing is read while waiting
                    if (notifier.awaitChange(seen, Duration.ofNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250))))) {
                        return true;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void close() {
            closed = true;
            CompletableFuture<List<RecordedEvent>> pending = ahead;
            if (pending != null) {
                pending.cancel(true);
            }
        }
    }

    // ================================================================ tokens

    @Override
    public TrackingToken createTailToken() {
        return EventStoreDbTrackingToken.TAIL;
    }

    @Override
    public TrackingToken createHeadToken() {
        List<ResolvedEvent> last;
        try {
            last = await(client.readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(1))).getEvents();
        } catch (RuntimeException e) {
            throw new EventStoreException("Could not read the end of $all", e);
        }
        return last.isEmpty() ? EventStoreDbTrackingToken.TAIL
                : EventStoreDbTrackingToken.of(last.get(0).getOriginalEvent().getPosition());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return timestampIndex.tokenAt(dateTime);
    }

    // ================================================================ plumbing

    KurrentDBClient client() {
        return client;
    }

    String aggregateStreamPrefix() {
        return aggregateStreamPrefix;
    }

    String eventStreamName() {
        return eventStreamName;
    }

    <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(operationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while waiting for EventStoreDB", e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new EventStoreException("EventStoreDB did not answer within " + operationTimeout, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EventStoreException("EventStoreDB call failed", cause);
        }
    }

    /** Stops the live subscription, and the client if the engine created it from a connection string. */
    @Override
    public void close() {
        notifier.close();
        if (ownsClient) {
            try {
                client.shutdown().get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // shutting down anyway
            }
        }
    }

    /**
     * Builds the engine. Either {@link #connectionString(String)} (the engine then owns and closes
     * its client) or {@link #client(KurrentDBClient)}. Serializers default to Jackson.
     */
    public static class Builder extends AbstractEventStorageEngine.Builder {
        private String connectionString;
        private KurrentDBClient client;
        private String aggregateStreamPrefix = "aggregate-";
        private String eventStreamName = "axon-events";
        private String snapshotStreamPrefix = "snapshot-";
        private String timestampIndexStreamName = "axon-timestamp-index";
        private int timestampIndexInterval = 1000;
        private int batchSize = 500;
        private int skipHintCapacity = 1024;
        private Duration blockingReadTimeout = Duration.ofSeconds(5);
        private Duration operationTimeout = Duration.ofSeconds(30);
        private boolean eventSerializerSet;
        private boolean snapshotSerializerSet;

        /** e.g. {@code kurrentdb://localhost:2113?tls=false}. */
        public Builder connectionString(String connectionString) {
            this.connectionString = connectionString;
            return this;
        }

        public Builder client(KurrentDBClient client) {
            this.client = client;
            return this;
        }

        /** Aggregate streams are this prefix plus the aggregate identifier; default {@code aggregate-}. */
        public Builder aggregateStreamPrefix(String prefix) {
            this.aggregateStreamPrefix = prefix;
            return this;
        }

        /** The stream of events that belong to no aggregate; default {@code axon-events}. */
        public Builder eventStreamName(String name) {
            this.eventStreamName = name;
            return this;
        }

        /** Snapshot streams are this prefix plus the aggregate identifier; default {@code snapshot-}. */
        public Builder snapshotStreamPrefix(String prefix) {
            this.snapshotStreamPrefix = prefix;
            return this;
        }

        public Builder timestampIndexStreamName(String name) {
            this.timestampIndexStreamName = name;
            return this;
        }

        /** Delivered events per entry of the timestamp index; default 1000. */
        public Builder timestampIndexInterval(int interval) {
            this.timestampIndexInterval = interval;
            return this;
        }

        /** Records read per page, of aggregate streams and of {@code $all}; default 500. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** How long a read with {@code mayBlock} waits at the end of the log for a new event; default 5 s. */
        public Builder blockingReadTimeout(Duration timeout) {
            this.blockingReadTimeout = timeout;
            return this;
        }

        /** How long one call to the server may take; default 30 s. */
        public Builder operationTimeout(Duration timeout) {
            this.operationTimeout = timeout;
            return this;
        }

        public Builder skipHintCapacity(int capacity) {
            this.skipHintCapacity = capacity;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            eventSerializerSet = true;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            snapshotSerializerSet = true;
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder snapshotFilter(Predicate<? super DomainEventData<?>> snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            if ((connectionString == null) == (client == null)) {
                throw new AxonConfigurationException("Give either a connection string or a KurrentDBClient");
            }
            for (String name : List.of(aggregateStreamPrefix, eventStreamName, snapshotStreamPrefix, timestampIndexStreamName)) {
                if (name == null || name.isEmpty() || name.startsWith("$")) {
                    throw new AxonConfigurationException("Stream names and prefixes must be non-empty and not start with '$' (reserved for system streams): " + name);
                }
            }
            for (String other : List.of(eventStreamName, snapshotStreamPrefix, timestampIndexStreamName)) {
                if (other.startsWith(aggregateStreamPrefix) || aggregateStreamPrefix.startsWith(other)) {
                    throw new AxonConfigurationException("'" + other + "' and the aggregate stream prefix '"
                            + aggregateStreamPrefix + "' overlap: the global stream could not tell them apart");
                }
            }
            if (batchSize < 1 || timestampIndexInterval < 1 || skipHintCapacity < 1) {
                throw new AxonConfigurationException("batchSize, timestampIndexInterval and skipHintCapacity must be positive");
            }
            if (!eventSerializerSet) {
                super.eventSerializer(JacksonSerializer.defaultSerializer());
            }
            if (!snapshotSerializerSet) {
                super.snapshotSerializer(JacksonSerializer.defaultSerializer());
            }
            super.validate();
        }

        public EventStoreDbStorageEngine build() {
            validate();
            return new EventStoreDbStorageEngine(this);
        }
    }
}

package org.weiquan.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage-engine contract, run against every server the engine may meet: the in-process server
 * always, a real KurrentDB whenever a Docker engine is present. Each test builds its own engine on
 * stream names no other test uses, so tests share a server without seeing each other's events.
 */
abstract class EventStorageEngineContract {

    record Opened(String accountId, String owner) {
    }

    record Deposited(String accountId, long amount) {
    }

    record Noticed(String what) {
    }

    /** Connection string of the server under test. */
    protected abstract String connectionString();

    protected KurrentDBClient raw;
    protected String names;
    private final List<EventStoreDbStorageEngine> engines = new ArrayList<>();
    protected EventStoreDbStorageEngine engine;

    @BeforeEach
    void connect() {
        raw = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connectionString()));
        names = UUID.randomUUID().toString().substring(0, 8);
        engine = engine(b -> b);
    }

    @AfterEach
    void disconnect() throws Exception {
        engines.forEach(EventStoreDbStorageEngine::close);
        if (raw != null) {
            raw.shutdown().get(5, TimeUnit.SECONDS);
        }
    }

    protected EventStoreDbStorageEngine engine(UnaryOperator<EventStoreDbStorageEngine.Builder> customize) {
        EventStoreDbStorageEngine built = customize.apply(EventStoreDbStorageEngine.builder()
                .client(raw)
                .aggregateStreamPrefix("acct" + names + "-")
                .eventStreamName("events" + names)
                .snapshotStreamPrefix("snap" + names + "-")
                .timestampIndexStreamName("tsindex" + names)).build();
        engines.add(built);
        return built;
    }

    private String aggregateStream(String id) {
        return "acct" + names + "-" + id;
    }

    private static DomainEventMessage<?> domain(String id, long seq, Object payload) {
        return new GenericDomainEventMessage<>("Account", id, seq, payload, MetaData.with("who", "officer.li"));
    }

    private static DomainEventMessage<?> domainAt(String id, long seq, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("Account", id, seq, payload, Map.of(), UUID.randomUUID().toString(), at);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private List<TrackedEventMessage<?>> readAll(TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    private List<Object> payloads(List<? extends EventMessage<?>> events) {
        return events.stream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private void appendSystemRecords(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            raw.appendToStream("$stats-" + names, EventDataBuilder.json(UUID.randomUUID(), "$statsCollected",
                    "{}".getBytes(StandardCharsets.UTF_8)).build()).get();
        }
    }

    // ---------------------------------------------------------------- appends

    @Test
    void events_of_an_aggregate_come_back_in_order_with_everything_axon_gave_them() throws Exception {
        String id = newId();
        DomainEventMessage<?> opened = domain(id, 0, new Opened(id, "Li"));
        DomainEventMessage<?> deposited = domain(id, 1, new Deposited(id, 100));
        engine.appendEvents(opened, deposited);

        List<? extends DomainEventMessage<?>> read = engine.readEvents(id).asStream().toList();
        assertThat(payloads(read)).containsExactly(new Opened(id, "Li"), new Deposited(id, 100));
        DomainEventMessage<?> first = read.get(0);
        assertThat(first.getIdentifier()).isEqualTo(opened.getIdentifier());
        assertThat(first.getTimestamp()).as("to the millisecond, as Axon's JDBC engine keeps it")
                .isEqualTo(opened.getTimestamp().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(first.getType()).isEqualTo("Account");
        assertThat(first.getAggregateIdentifier()).isEqualTo(id);
        assertThat(first.getSequenceNumber()).isZero();
        assertThat(first.getMetaData()).containsEntry("who", "officer.li");

        // and as EventStoreDB sees it: one stream named after the aggregate, the payload type as event type
        List<RecordedEvent> stored = raw.readStream(aggregateStream(id), ReadStreamOptions.get()).get().getEvents()
                .stream().map(e -> e.getOriginalEvent()).toList();
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).getEventId()).isEqualTo(UUID.fromString(opened.getIdentifier()));
        assertThat(stored.get(0).getEventType()).isEqualTo(Opened.class.getName());
        assertThat(stored.get(0).getContentType()).isEqualTo("application/json");
        assertThat(new String(stored.get(0).getEventData(), StandardCharsets.UTF_8)).contains("\"owner\":\"Li\"");
        assertThat(new String(stored.get(0).getUserMetadata(), StandardCharsets.UTF_8))
                .contains("\"aggregateType\":\"Account\"", "\"sequenceNumber\":0", "\"who\":\"officer.li\"");
    }

    @Test
    void several_events_of_an_aggregate_are_one_append_and_are_written_all_or_none() throws Exception {
        String id = newId();
        long before = engine.eventAppends();
        engine.appendEvents(domain(id, 0, new Opened(id, "Li")), domain(id, 1, new Deposited(id, 1)),
                domain(id, 2, new Deposited(id, 2)));
        assertThat(engine.eventAppends() - before).isEqualTo(1);

        // another writer appends sequence 3 first; our 3 and 4 must both be refused
        engine(b -> b).appendEvents(domain(id, 3, new Deposited(id, 30)));
        assertThatThrownBy(() -> engine.appendEvents(domain(id, 3, new Deposited(id, 3)), domain(id, 4, new Deposited(id, 4))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(payloads(engine.readEvents(id).asStream().toList())).containsExactly(
                new Opened(id, "Li"), new Deposited(id, 1), new Deposited(id, 2), new Deposited(id, 30));
    }

    @Test
    void a_conflict_on_the_first_event_of_an_aggregate_is_an_aggregate_stream_creation_exception() {
        String id = newId();
        engine.appendEvents(domain(id, 0, new Opened(id, "Li")));
        assertThatThrownBy(() -> engine.appendEvents(domain(id, 0, new Opened(id, "Chen"))))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void a_conflict_later_in_an_aggregate_is_a_concurrency_exception() {
        String id = newId();
        engine.appendEvents(domain(id, 0, new Opened(id, "Li")), domain(id, 1, new Deposited(id, 1)));
        assertThatThrownBy(() -> engine.appendEvents(domain(id, 1, new Deposited(id, 2))))
                .isExactlyInstanceOf(ConcurrencyException.class);
        // a gap is a wrong expected revision too: the stream is not at 4
        assertThatThrownBy(() -> engine.appendEvents(domain(id, 5, new Deposited(id, 5))))
                .isExactlyInstanceOf(ConcurrencyException.class);
    }

    @Test
    void any_other_failure_to_append_is_an_event_store_exception() throws Exception {
        String id = newId();
        raw.tombstoneStream(aggregateStream(id)).get();
        assertThatThrownBy(() -> engine.appendEvents(domain(id, 0, new Opened(id, "Li"))))
                .isExactlyInstanceOf(EventStoreException.class);
    }

    @Test
    void events_of_several_aggregates_in_one_call_are_one_append_per_stream() {
        String a = newId();
        String b = newId();
        long before = engine.eventAppends();
        engine.appendEvents(domain(a, 0, new Opened(a, "Li")), domain(b, 0, new Opened(b, "Chen")),
                domain(a, 1, new Deposited(a, 5)));
        assertThat(engine.eventAppends() - before).isEqualTo(2);
        assertThat(payloads(engine.readEvents(a).asStream().toList())).containsExactly(new Opened(a, "Li"), new Deposited(a, 5));
        assertThat(payloads(engine.readEvents(b).asStream().toList())).containsExactly(new Opened(b, "Chen"));
    }

    @Test
    void events_of_no_aggregate_are_stored_and_delivered_as_plain_events() {
        EventMessage<?> notice = GenericEventMessage.asEventMessage(new Noticed("holiday calendar reloaded"));
        engine.appendEvents(notice);
        List<TrackedEventMessage<?>> read = readAll(engine.createTailToken());
        assertThat(read).hasSize(1);
        assertThat(read.get(0)).isNotInstanceOf(DomainEventMessage.class);
        assertThat(read.get(0).getPayload()).isEqualTo(new Noticed("holiday calendar reloaded"));
        assertThat(read.get(0).getIdentifier()).isEqualTo(notice.getIdentifier());
    }

    @Test
    void an_aggregate_is_read_page_by_page_from_any_sequence() {
        EventStoreDbStorageEngine small = engine(b -> b.batchSize(5));
        String id = newId();
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(domain(id, 0, new Opened(id, "Li")));
        for (int i = 1; i < 23; i++) {
            events.add(domain(id, i, new Deposited(id, i)));
        }
        small.appendEvents(events);
        DomainEventStream fromSeven = small.readEvents(id, 7);
        List<Long> sequences = fromSeven.asStream().map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(sequences).hasSize(16).startsWith(7L).endsWith(22L);
        assertThat(small.readEvents(newId()).asStream()).isEmpty();
    }

    @Test
    void the_last_sequence_number_of_an_aggregate_is_known_and_empty_for_an_unknown_one() {
        String id = newId();
        engine.appendEvents(domain(id, 0, new Opened(id, "Li")), domain(id, 1, new Deposited(id, 1)),
                domain(id, 2, new Deposited(id, 2)));
        assertThat(engine.lastSequenceNumberFor(id)).contains(2L);
        assertThat(engine.lastSequenceNumberFor(newId())).isEmpty();
    }

    // ---------------------------------------------------------------- the global stream

    @Test
    void the_global_stream_holds_only_the_engines_events_not_system_records_snapshots_or_other_streams() throws Exception {
        String id = newId();
        engine.appendEvents(domain(id, 0, new Opened(id, "Li")));
        appendSystemRecords(2);
        // a system event type inside a stream that looks like an aggregate's, and stream metadata
        raw.appendToStream(aggregateStream("x"), EventDataBuilder.json(UUID.randomUUID(), "$>", "0@x".getBytes(StandardCharsets.UTF_8)).build()).get();
        StreamMetadata metadata = new StreamMetadata();
        metadata.setMaxAge(3600L);
        raw.setStreamMetadata(aggregateStream(id), metadata).get();
        engine.storeSnapshot(domain(id, 0, new Opened(id, "snapshot")));
        raw.appendToStream("someone-elses-" + names, EventDataBuilder.json(UUID.randomUUID(), "Foreign", "{}".getBytes(StandardCharsets.UTF_8)).build()).get();
        engine.appendEvents(domain(id, 1, new Deposited(id, 7)));

        assertThat(payloads(readAll(engine.createTailToken()))).containsExactly(new Opened(id, "Li"), new Deposited(id, 7));
    }

    @Test
    void a_token_is_exclusive_reading_from_the_last_processed_event_does_not_deliver_it_again() {
        String id = newId();
        engine.appendEvents(domain(id, 0, new Opened(id, "Li")), domain(id, 1, new Deposited(id, 1)));
        engine.appendEvents(domain(id, 2, new Deposited(id, 2)));
        List<TrackedEventMessage<?>> all = readAll(null);
        assertThat(all).hasSize(3);
        assertThat(payloads(readAll(all.get(0).trackingToken()))).containsExactly(new Deposited(id, 1), new Deposited(id, 2));
        assertThat(payloads(readAll(all.get(1).trackingToken()))).containsExactly(new Deposited(id, 2));
        assertThat(readAll(all.get(2).trackingToken())).isEmpty();
        assertThat(all.get(2).trackingToken().covers(all.get(1).trackingToken())).isTrue();
        assertThat(all.get(1).trackingToken().covers(all.get(2).trackingToken())).isFalse();
    }

    @Test
    void a_page_of_only_skipped_records_moves_the_stream_past_them() throws Exception {
        EventStoreDbStorageEngine small = engine(b -> b.batchSize(5));
        String id = newId();
        small.appendEvents(domain(id, 0, new Opened(id, "Li")));
        appendSystemRecords(17);
        small.appendEvents(domain(id, 1, new Deposited(id, 1)));
        TrackingToken afterOpened = readAll(null).get(0).trackingToken();

        try (Stream<? extends TrackedEventMessage<?>> stream = small.readEvents(afterOpened, false)) {
            assertThat(payloads(stream.toList())).containsExactly(new Deposited(id, 1));
        }
    }

    @Test
    void polling_at_the_head_does_not_read_a_skipped_tail_again() throws Exception {
        EventStoreDbStorageEngine small = engine(b -> b.batchSize(5));
        String id = newId();
        small.appendEvents(domain(id, 0, new Opened(id, "Li")));
        appendSystemRecords(23);
        TrackingToken last;
        try (Stream<? extends TrackedEventMessage<?>> stream = small.readEvents(null, false)) {
            last = stream.toList().get(0).trackingToken(); // this read went on through the 23 skipped records
        }
        long before = small.allStreamPagesRead();
        for (int poll = 0; poll < 3; poll++) {
            try (Stream<? extends TrackedEventMessage<?>> stream = small.readEvents(last, false)) {
                assertThat(stream.toList()).isEmpty();
            }
        }
        long polls = small.allStreamPagesRead() - before;
        EventStoreDbStorageEngine fresh = engine(b -> b.batchSize(5));
        before = fresh.allStreamPagesRead();
        try (Stream<? extends TrackedEventMessage<?>> stream = fresh.readEvents(last, false)) {
            assertThat(stream.toList()).isEmpty();
        }
        long freshPoll = fresh.allStreamPagesRead() - before;
        assertThat(polls).isEqualTo(3);                 // each poll goes straight to where the scan stopped
        assertThat(freshPoll).isGreaterThanOrEqualTo(5); // without that memory: 23 records in pages of 5
        small.appendEvents(domain(id, 1, new Deposited(id, 1)));
        try (Stream<? extends TrackedEventMessage<?>> stream = small.readEvents(last, false)) {
            assertThat(payloads(stream.toList())).containsExactly(new Deposited(id, 1));
        }
    }

    @Test
    void a_blocking_read_at_the_head_waits_without_polling_and_returns_the_event_when_it_arrives() throws Exception {
        EventStoreDbStorageEngine blocking = engine(b -> b.blockingReadTimeout(Duration.ofSeconds(20)));
        String id = newId();
        blocking.appendEvents(domain(id, 0, new Opened(id, "Li")));
        TrackingToken head = blocking.createHeadToken();

        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> {
            try (Stream<? extends TrackedEventMessage<?>> stream = blocking.readEvents(head, true)) {
                Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
                return it.hasNext() ? it.next().getPayload() : null;
            }
        });
        // it has read the head and waits (a notification of the append before may wake it once)
        await().atMost(Duration.ofSeconds(5)).until(() -> blocking.allStreamPagesRead() > 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !first.isDone());
        // and while it waits it asks the server for nothing
        long readsBefore = blocking.allStreamPagesRead();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> !first.isDone());
        assertThat(blocking.allStreamPagesRead() - readsBefore).isZero();

        blocking.appendEvents(domain(id, 1, new Deposited(id, 9)));
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(new Deposited(id, 9));
    }

    @Test
    void a_blocking_read_gives_up_after_its_timeout_and_a_non_blocking_one_does_not_wait() {
        EventStoreDbStorageEngine blocking = engine(b -> b.blockingReadTimeout(Duration.ofSeconds(2)));
        TrackingToken head = blocking.createHeadToken();
        long start = System.nanoTime();
        try (Stream<? extends TrackedEventMessage<?>> stream = blocking.readEvents(head, true)) {
            assertThat(stream.toList()).isEmpty();
        }
        Duration blocked = Duration.ofNanos(System.nanoTime() - start);
        assertThat(blocked).isGreaterThanOrEqualTo(Duration.ofMillis(1900)).isLessThan(Duration.ofSeconds(10));

        start = System.nanoTime();
        try (Stream<? extends TrackedEventMessage<?>> stream = blocking.readEvents(head, false)) {
            assertThat(stream.toList()).isEmpty();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void closing_a_blocking_stream_ends_its_wait() throws Exception {
        EventStoreDbStorageEngine blocking = engine(b -> b.blockingReadTimeout(Duration.ofSeconds(30)));
        Stream<? extends TrackedEventMessage<?>> stream = blocking.readEvents(blocking.createHeadToken(), true);
        CompletableFuture<Boolean> hasNext = CompletableFuture.supplyAsync(() -> stream.iterator().hasNext());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !hasNext.isDone());
        stream.close();
        assertThat(hasNext.get(3, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void an_event_in_the_engines_streams_without_an_axon_envelope_is_an_error_not_skipped() throws Exception {
        String id = newId();
        raw.appendToStream(aggregateStream(id), EventDataBuilder.json(UUID.randomUUID(), "Foreign",
                "{}".getBytes(StandardCharsets.UTF_8)).build()).get();
        assertThatThrownBy(() -> engine.readEvents(id).asStream().toList())
                .isInstanceOf(EventStoreException.class).hasMessageContaining("not written by the Axon storage engine");
        assertThatThrownBy(() -> readAll(engine.createTailToken())).isInstanceOf(EventStoreException.class);
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void the_tail_token_delivers_every_event_and_the_head_token_none_until_a_new_one() {
        String id = newId();
        engine.appendEvents(domain(id, 0, new Opened(id, "Li")), domain(id, 1, new Deposited(id, 1)));
        assertThat(readAll(engine.createTailToken())).hasSize(2);
        TrackingToken head = engine.createHeadToken();
        assertThat(readAll(head)).isEmpty();
        engine.appendEvents(domain(id, 2, new Deposited(id, 2)));
        assertThat(payloads(readAll(head))).containsExactly(new Deposited(id, 2));
    }

    @Test
    void a_token_at_an_instant_starts_at_the_first_event_in_global_order_stamped_at_or_after_it_even_out_of_order() {
        EventStoreDbStorageEngine indexed = engine(b -> b.timestampIndexInterval(2));
        Instant base = Instant.parse("2026-11-20T08:00:00Z");
        String id = newId();
        int[] minutes = {1, 5, 2, 3, 6, 4, 7};
        for (int i = 0; i < minutes.length; i++) {
            indexed.appendEvents(domainAt(id, i, new Deposited(id, minutes[i]), base.plusSeconds(60L * minutes[i])));
        }
        appendMinutesFrom(indexed, base, "0:30", 1, 5, 2, 3, 6, 4, 7);
        appendMinutesFrom(indexed, base, "4:30", 5, 2, 3, 6, 4, 7);
        appendMinutesFrom(indexed, base, "2:30", 5, 2, 3, 6, 4, 7);
        appendMinutesFrom(indexed, base, "5:00", 5, 2, 3, 6, 4, 7);
        appendMinutesFrom(indexed, base, "6:30", 7);
        appendMinutesFrom(indexed, base, "8:00");

        // events arriving later are found too: the index catches up
        indexed.appendEvents(domainAt(id, 7, new Deposited(id, 9), base.plusSeconds(60L * 9)));
        appendMinutesFrom(indexed, base, "8:00", 9);
        // and another engine (another node) shares the index
        EventStoreDbStorageEngine otherNode = engine(b -> b.timestampIndexInterval(2));
        assertThat(amounts(otherNode, otherNode.createTokenAt(base.plusSeconds(60L * 6 + 30)))).containsExactly(7L, 9L);
    }

    private void appendMinutesFrom(EventStoreDbStorageEngine indexed, Instant base, String at, long... expectedAmounts) {
        String[] parts = at.split(":");
        Instant instant = base.plusSeconds(60L * Long.parseLong(parts[0]) + Long.parseLong(parts[1]));
        assertThat(amounts(indexed, indexed.createTokenAt(instant))).as("from %s", at).containsExactly(box(expectedAmounts));
    }

    private static Long[] box(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private static List<Long> amounts(EventStoreDbStorageEngine engine, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
            return stream.map(e -> ((Deposited) e.getPayload()).amount()).toList();
        }
    }

    @Test
    void a_token_survives_a_jackson_round_trip_as_plain_json_and_through_axons_serializer() throws Exception {
        String id = newId();
        engine.appendEvents(domain(id, 0, new Opened(id, "Li")));
        TrackingToken token = readAll(null).get(0).trackingToken();

        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(token);
        assertThat(json).contains("commitPosition", "preparePosition");
        assertThat(mapper.readValue(json, EventStoreDbTrackingToken.class)).isEqualTo(token);

        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        TrackingToken back = serializer.deserialize(serialized);
        assertThat(back).isEqualTo(token);
        assertThat(readAll(back)).isEmpty();
        assertThat(mapper.readValue(mapper.writeValueAsString(EventStoreDbTrackingToken.TAIL), EventStoreDbTrackingToken.class))
                .isEqualTo(EventStoreDbTrackingToken.TAIL);
    }

    // ---------------------------------------------------------------- snapshots

    @Test
    void a_snapshot_replaces_the_previous_one_the_highest_sequence_wins_and_none_reads_empty() throws Exception {
        String id = newId();
        assertThat(engine.readSnapshot(id)).isEmpty();

        engine.storeSnapshot(domain(id, 3, new Opened(id, "at 3")));
        assertThat(engine.readSnapshot(id)).hasValueSatisfying(s -> {
            assertThat(s.getSequenceNumber()).isEqualTo(3);
            assertThat(s.getPayload()).isEqualTo(new Opened(id, "at 3"));
        });
        engine.storeSnapshot(domain(id, 5, new Opened(id, "at 5")));
        assertThat(engine.readSnapshot(id)).hasValueSatisfying(s -> assertThat(s.getSequenceNumber()).isEqualTo(5));
        engine.storeSnapshot(domain(id, 4, new Opened(id, "at 4, late")));
        assertThat(engine.readSnapshot(id)).hasValueSatisfying(s -> {
            assertThat(s.getSequenceNumber()).isEqualTo(5);
            assertThat(s.getPayload()).isEqualTo(new Opened(id, "at 5"));
        });

        assertThat(raw.getStreamMetadata("snap" + names + "-" + id).get().getMaxCount()).isEqualTo(1L);
        assertThat(raw.readStream("snap" + names + "-" + id, ReadStreamOptions.get()).get().getEvents()).hasSize(1);
        // snapshots are no events of the aggregate
        assertThat(engine.readEvents(id).asStream()).isEmpty();
    }

    @Test
    void appends_with_a_stale_expected_revision_leave_the_raw_stream_untouched() throws Exception {
        String id = newId();
        engine.appendEvents(domain(id, 0, new Opened(id, "Li")));
        raw.appendToStream(aggregateStream(id), AppendToStreamOptions.get().streamState(StreamState.streamRevision(0)),
                EventDataBuilder.json(UUID.randomUUID(), "Intruder", "{}".getBytes(StandardCharsets.UTF_8)).build()).get();
        assertThatThrownBy(() -> engine.appendEvents(domain(id, 1, new Deposited(id, 1)), domain(id, 2, new Deposited(id, 2))))
                .isExactlyInstanceOf(ConcurrencyException.class);
        assertThat(raw.readStream(aggregateStream(id), ReadStreamOptions.get()).get().getEvents()).hasSize(2);
    }
}

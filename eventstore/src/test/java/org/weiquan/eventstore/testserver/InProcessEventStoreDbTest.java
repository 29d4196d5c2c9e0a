package org.weiquan.eventstore.testserver;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.SubscribeToAllOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionFilter;
import io.kurrent.dbclient.SubscriptionListener;
import io.kurrent.dbclient.WriteResult;
import io.kurrent.dbclient.WrongExpectedVersionException;
import io.kurrent.dbclient.proto.shared.Shared;
import io.kurrent.dbclient.proto.streams.StreamsGrpc;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.BatchAppendReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.BatchAppendResp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-process server's own semantics, through the real kurrentdb-client (and raw gRPC for BatchAppend). */
class InProcessEventStoreDbTest {

    private static InProcessEventStoreDb server;
    private static KurrentDBClient client;

    @BeforeAll
    static void start() {
        server = InProcessEventStoreDb.start();
        client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(server.connectionString()));
    }

    @AfterAll
    static void stop() throws Exception {
        client.shutdown().get(5, TimeUnit.SECONDS);
        server.close();
    }

    private static EventData event(String type) {
        return EventDataBuilder.json(UUID.randomUUID(), type, "{}".getBytes(StandardCharsets.UTF_8)).build();
    }

    private static String stream() {
        return "test-" + UUID.randomUUID();
    }

    private static WriteResult append(String stream, StreamState expected, EventData... events) throws Exception {
        return client.appendToStream(stream, AppendToStreamOptions.get().streamState(expected), events).get();
    }

    @Test
    void revisions_are_dense_from_zero_and_a_stale_expected_revision_is_refused_with_the_actual_one() throws Exception {
        String s = stream();
        assertThat(append(s, StreamState.noStream(), event("A"), event("B")).getNextExpectedRevision())
                .isEqualTo(StreamState.streamRevision(1));
        assertThat(append(s, StreamState.streamRevision(1), event("C")).getNextExpectedRevision())
                .isEqualTo(StreamState.streamRevision(2));

        assertThatThrownBy(() -> append(s, StreamState.streamRevision(1), event("D")))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
                    assertThat(e.getExpectedState()).isEqualTo(StreamState.streamRevision(1));
                    assertThat(e.getActualState()).isEqualTo(StreamState.streamRevision(2));
                });
        assertThatThrownBy(() -> append(s, StreamState.noStream(), event("E")))
                .cause().isInstanceOf(WrongExpectedVersionException.class);
        assertThatThrownBy(() -> append(stream(), StreamState.streamExists(), event("F")))
                .cause().isInstanceOfSatisfying(WrongExpectedVersionException.class,
                        e -> assertThat(e.getActualState()).isEqualTo(StreamState.noStream()));
        assertThat(append(s, StreamState.any(), event("G")).getNextExpectedRevision())
                .isEqualTo(StreamState.streamRevision(3));
    }

    @Test
    void repeating_an_append_of_the_same_event_ids_at_the_same_revision_writes_nothing() throws Exception {
        String s = stream();
        EventData a = event("A");
        EventData b = event("B");
        WriteResult first = append(s, StreamState.noStream(), a, b);
        WriteResult again = append(s, StreamState.noStream(), a, b);
        assertThat(again.getNextExpectedRevision()).isEqualTo(first.getNextExpectedRevision());
        assertThat(client.readStream(s, ReadStreamOptions.get()).get().getEvents()).hasSize(2);
    }

    @Test
    void events_of_one_append_share_the_commit_position_and_positions_grow_in_log_order() throws Exception {
        String s = stream();
        append(s, StreamState.noStream(), event("A"), event("B"));
        append(s, StreamState.streamRevision(1), event("C"));
        List<RecordedEvent> events = client.readStream(s, ReadStreamOptions.get()).get().getEvents().stream()
                .map(ResolvedEvent::getOriginalEvent).toList();
        Position a = events.get(0).getPosition();
        Position b = events.get(1).getPosition();
        Position c = events.get(2).getPosition();
        assertThat(a.getCommitUnsigned()).isEqualTo(b.getCommitUnsigned()).isEqualTo(b.getPrepareUnsigned());
        assertThat(b.getPrepareUnsigned()).isGreaterThan(a.getPrepareUnsigned());
        assertThat(b.compareTo(a)).isPositive();
        assertThat(c.compareTo(b)).isPositive();
        assertThat(c.getCommitUnsigned()).isEqualTo(c.getPrepareUnsigned());
    }

    @Test
    void reading_all_forwards_starts_at_the_given_event_and_backwards_before_it() throws Exception {
        String s = stream();
        append(s, StreamState.noStream(), event("A"), event("B"), event("C"));
        List<ResolvedEvent> mine = client.readStream(s, ReadStreamOptions.get()).get().getEvents();
        Position middle = mine.get(1).getOriginalEvent().getPosition();

        List<ResolvedEvent> forwards = client.readAll(ReadAllOptions.get().fromPosition(middle).maxCount(2)).get().getEvents();
        assertThat(forwards).extracting(e -> e.getOriginalEvent().getEventType()).containsExactly("B", "C");

        List<ResolvedEvent> backwards = client.readAll(ReadAllOptions.get().backwards().fromPosition(middle).maxCount(1)).get().getEvents();
        assertThat(backwards).extracting(e -> e.getOriginalEvent().getEventType()).containsExactly("A");

        List<ResolvedEvent> last = client.readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(1)).get().getEvents();
        assertThat(last.get(0).getOriginalEvent().getEventId()).isEqualTo(mine.get(2).getOriginalEvent().getEventId());
        assertThat(client.readAll(ReadAllOptions.get().fromEnd().maxCount(10)).get().getEvents()).isEmpty();
    }

    @Test
    void the_log_starts_with_system_records_as_a_real_one_does() throws Exception {
        List<ResolvedEvent> first = client.readAll(ReadAllOptions.get().fromStart().maxCount(1)).get().getEvents();
        assertThat(first.get(0).getOriginalEvent().getStreamId()).startsWith("$");
    }

    @Test
    void reading_all_from_a_position_that_is_not_a_record_is_an_error() throws Exception {
        String s = stream();
        append(s, StreamState.noStream(), event("A"));
        Position p = client.readStream(s, ReadStreamOptions.get()).get().getEvents().get(0).getOriginalEvent().getPosition();
        Position inside = new Position(p.getCommitUnsigned() + 1, p.getPrepareUnsigned() + 1);
        assertThatThrownBy(() -> client.readAll(ReadAllOptions.get().fromPosition(inside)).get())
                .hasMessageContaining("Invalid position");
    }

    @Test
    void a_stream_never_written_reads_as_not_found() {
        assertThatThrownBy(() -> client.readStream(stream(), ReadStreamOptions.get()).get())
                .cause().isInstanceOf(StreamNotFoundException.class);
    }

    @Test
    void max_count_metadata_hides_older_events_from_stream_reads_but_not_from_all() throws Exception {
        String s = stream();
        StreamMetadata metadata = new StreamMetadata();
        metadata.setMaxCount(1L);
        client.setStreamMetadata(s, metadata).get();
        append(s, StreamState.noStream(), event("A"), event("B"));
        assertThat(client.getStreamMetadata(s).get().getMaxCount()).isEqualTo(1L);
        List<ResolvedEvent> visible = client.readStream(s, ReadStreamOptions.get()).get().getEvents();
        assertThat(visible).extracting(e -> e.getOriginalEvent().getEventType()).containsExactly("B");
        List<ResolvedEvent> inAll = client.readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(2)).get().getEvents();
        assertThat(inAll).extracting(e -> e.getOriginalEvent().getEventType()).containsExactly("B", "A");
    }

    @Test
    void a_subscription_to_all_is_exclusive_of_its_start_position_then_goes_live() throws Exception {
        String s = stream();
        append(s, StreamState.noStream(), event("A"), event("B"));
        Position a = client.readStream(s, ReadStreamOptions.get()).get().getEvents().get(0).getOriginalEvent().getPosition();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        List<String> caughtUp = new CopyOnWriteArrayList<>();
        Subscription subscription = client.subscribeToAll(new SubscriptionListener() {
            @Override
            public void onEvent(Subscription sub, ResolvedEvent event) {
                received.add(event.getOriginalEvent().getEventType());
            }

            @Override
            public void onCaughtUp(Subscription sub, java.time.Instant at, Long revision, Position position) {
                caughtUp.add("caught up");
            }
        }, SubscribeToAllOptions.get().fromPosition(a)).get();
        try {
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("B");
            append(s, StreamState.streamRevision(1), event("C"));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("C");
            assertThat(caughtUp).isNotEmpty();
        } finally {
            subscription.stop();
        }
    }

    @Test
    void a_filtered_subscription_delivers_only_matching_streams_and_checkpoints_past_the_others() throws Exception {
        String prefix = "filtered-" + UUID.randomUUID() + "-";
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        BlockingQueue<Position> checkpoints = new LinkedBlockingQueue<>();
        SubscriptionFilter filter = SubscriptionFilter.newBuilder()
                .addStreamNamePrefix(prefix)
                .withMaxWindow(2)
                .withCheckpointer((sub, position) -> {
                    checkpoints.add(position);
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }, 1)
                .build();
        Subscription subscription = client.subscribeToAll(new SubscriptionListener() {
            @Override
            public void onEvent(Subscription sub, ResolvedEvent event) {
                received.add(event.getOriginalEvent().getStreamId());
            }
        }, SubscribeToAllOptions.get().fromEnd().filter(filter)).get();
        try {
            for (int i = 0; i < 5; i++) {
                append(stream(), StreamState.noStream(), event("Other"));
            }
            Position lastOther = client.readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(1)).get()
                    .getEvents().get(0).getOriginalEvent().getPosition();
            append(prefix + "1", StreamState.noStream(), event("Mine"));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(prefix + "1");
            assertThat(received).isEmpty();
            Position checkpoint = null;
            Position next;
            while ((next = checkpoints.poll(1, TimeUnit.SECONDS)) != null) {
                checkpoint = next;
            }
            assertThat(checkpoint).isNotNull();
            assertThat(checkpoint.compareTo(lastOther)).isGreaterThanOrEqualTo(0);
        } finally {
            subscription.stop();
        }
    }

    @Test
    void batch_append_over_raw_grpc_appends_atomically_and_reports_a_wrong_expected_version() throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        try {
            String s = stream();
            BlockingQueue<BatchAppendResp> responses = new LinkedBlockingQueue<>();
            StreamObserver<BatchAppendReq> requests = StreamsGrpc.newStub(channel).batchAppend(new StreamObserver<>() {
                @Override
                public void onNext(BatchAppendResp value) {
                    responses.add(value);
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onCompleted() {
                }
            });
            requests.onNext(batch(s, 0, true, 2));
            BatchAppendResp ok = responses.poll(5, TimeUnit.SECONDS);
            assertThat(ok.hasSuccess()).isTrue();
            assertThat(ok.getSuccess().getCurrentRevision()).isEqualTo(1);

            requests.onNext(batch(s, 0, true, 1));
            BatchAppendResp conflict = responses.poll(5, TimeUnit.SECONDS);
            assertThat(conflict.hasError()).isTrue();
            Shared.WrongExpectedVersion details = conflict.getError().getDetails(0).unpack(Shared.WrongExpectedVersion.class);
            assertThat(details.getCurrentStreamRevision()).isEqualTo(1);
            assertThat(details.hasExpectedNoStream()).isTrue();
            requests.onCompleted();
            assertThat(client.readStream(s, ReadStreamOptions.get()).get().getEvents()).hasSize(2);
        } finally {
            channel.shutdownNow();
        }
    }

    private static BatchAppendReq batch(String stream, int correlation, boolean noStream, int events) {
        BatchAppendReq.Builder req = BatchAppendReq.newBuilder()
                .setCorrelationId(Shared.UUID.newBuilder().setString(new UUID(0, correlation).toString()))
                .setOptions(BatchAppendReq.Options.newBuilder()
                        .setStreamIdentifier(Shared.StreamIdentifier.newBuilder().setStreamName(ByteString.copyFromUtf8(stream)))
                        .setNoStream(com.google.protobuf.Empty.getDefaultInstance()))
                .setIsFinal(true);
        for (int i = 0; i < events; i++) {
            req.addProposedMessages(BatchAppendReq.ProposedMessage.newBuilder()
                    .setId(Shared.UUID.newBuilder().setString(UUID.randomUUID().toString()))
                    .putMetadata("type", "Batched")
                    .putMetadata("content-type", "application/json")
                    .setData(ByteString.copyFromUtf8("{}")));
        }
        return req.build();
    }

    @Test
    void a_large_read_honours_the_clients_flow_control() throws Exception {
        String s = stream();
        EventData[] events = new EventData[600];
        for (int i = 0; i < events.length; i++) {
            events[i] = event("E" + i);
        }
        append(s, StreamState.noStream(), events);
        List<ResolvedEvent> read = client.readStream(s, ReadStreamOptions.get().batchSize(50)).get().getEvents();
        assertThat(read).hasSize(600);
        assertThat(read.get(599).getOriginalEvent().getEventType()).isEqualTo("E599");
    }
}

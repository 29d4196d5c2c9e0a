package org.weiquan.eventstore.testserver;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.kurrent.dbclient.proto.shared.Shared;
import io.kurrent.dbclient.proto.streams.StreamsGrpc;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.AppendResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.BatchAppendReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.BatchAppendResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.DeleteReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.DeleteResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.ReadResp;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.TombstoneReq;
import io.kurrent.dbclient.proto.streams.StreamsOuterClass.TombstoneResp;
import org.weiquan.eventstore.testserver.TransactionLog.Appended;
import org.weiquan.eventstore.testserver.TransactionLog.AppendResult;
import org.weiquan.eventstore.testserver.TransactionLog.Expected;
import org.weiquan.eventstore.testserver.TransactionLog.Proposed;
import org.weiquan.eventstore.testserver.TransactionLog.Record;
import org.weiquan.eventstore.testserver.TransactionLog.StreamDeleted;
import org.weiquan.eventstore.testserver.TransactionLog.WrongExpectedVersion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code event_store.client.streams.Streams} gRPC service: Read (stream and {@code $all}, forwards
 * and backwards, with count or as a catch-up subscription, with or without a server-side filter),
 * Append, BatchAppend, Delete and Tombstone.
 * <p>
 * Every Read runs on its own pump thread that writes only while the call is ready: the client
 * (kurrentdb-client) turns off automatic flow control and requests messages in batches, and a server
 * that ignored that would hide back-pressure bugs.
 */
final class StreamsService extends StreamsGrpc.StreamsImplBase {

    static final Metadata.Key<String> EXCEPTION = Metadata.Key.of("exception", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> STREAM_NAME = Metadata.Key.of("stream-name", Metadata.ASCII_STRING_MARSHALLER);
    private static final int DEFAULT_FILTER_WINDOW = 32;

    private final TransactionLog log;
    private final ExecutorService pumps;
    private final Clock clock;
    private final InProcessEventStoreDb.Counters counters;

    StreamsService(TransactionLog log, ExecutorService pumps, Clock clock, InProcessEventStoreDb.Counters counters) {
        this.log = log;
        this.pumps = pumps;
        this.clock = clock;
        this.counters = counters;
    }

    // ================================================================ Append

    @Override
    public StreamObserver<AppendReq> append(StreamObserver<AppendResp> responseObserver) {
        counters.appends.incrementAndGet();
        return new StreamObserver<>() {
            private AppendReq.Options options;
            private final List<Proposed> events = new ArrayList<>();
            private boolean failed;

            @Override
            public void onNext(AppendReq value) {
                if (failed) {
                    return;
                }
                try {
                    if (value.hasOptions()) {
                        options = value.getOptions();
                    } else if (value.hasProposedMessage()) {
                        if (options == null) {
                            throw Status.INVALID_ARGUMENT.withDescription("options must come first").asRuntimeException();
                        }
                        AppendReq.ProposedMessage m = value.getProposedMessage();
                        events.add(proposed(m.getId(), m.getMetadataMap(), m.getData(), m.getCustomMetadata()));
                    }
                } catch (StatusRuntimeException e) {
                    failed = true;
                    responseObserver.onError(e);
                }
            }

            @Override
            public void onError(Throwable t) {
                // the client went away: nothing is written
            }

            @Override
            public void onCompleted() {
                if (failed) {
                    return;
                }
                if (options == null) {
                    responseObserver.onError(Status.INVALID_ARGUMENT.withDescription("no options").asRuntimeException());
                    return;
                }
                String stream = options.getStreamIdentifier().getStreamName().toStringUtf8();
                Expected expected = switch (options.getExpectedStreamRevisionCase()) {
                    case REVISION -> new TransactionLog.Exact(options.getRevision());
                    case NO_STREAM -> new TransactionLog.NoStream();
                    case STREAM_EXISTS -> new TransactionLog.StreamExists();
                    default -> new TransactionLog.Any();
                };
                AppendResult result = log.append(stream, expected, events);
                if (result instanceof StreamDeleted) {
                    responseObserver.onError(streamDeleted(stream));
                    return;
                }
                responseObserver.onNext(toAppendResp(result));
                responseObserver.onCompleted();
            }
        };
    }

    private static AppendResp toAppendResp(AppendResult result) {
        if (result instanceof Appended ok) {
            AppendResp.Success.Builder success = AppendResp.Success.newBuilder();
            if (ok.lastRevision() < 0) {
                success.setNoStream(Shared.Empty.getDefaultInstance());
            } else {
                success.setCurrentRevision(ok.lastRevision());
            }
            success.setPosition(AppendResp.Position.newBuilder()
                    .setCommitPosition(ok.commitPosition()).setPreparePosition(ok.preparePosition()));
            return AppendResp.newBuilder().setSuccess(success).build();
        }
        WrongExpectedVersion wrong = (WrongExpectedVersion) result;
        AppendResp.WrongExpectedVersion.Builder w = AppendResp.WrongExpectedVersion.newBuilder();
        if (wrong.currentRevision() == null) {
            w.setCurrentNoStream(Shared.Empty.getDefaultInstance());
            w.setNoStream2060(Shared.Empty.getDefaultInstance());
        } else {
            w.setCurrentRevision(wrong.currentRevision());
            w.setCurrentRevision2060(wrong.currentRevision());
        }
        Expected expected = wrong.expected();
        if (expected instanceof TransactionLog.Exact x) {
            w.setExpectedRevision(x.revision());
            w.setExpectedRevision2060(x.revision());
        } else if (expected instanceof TransactionLog.NoStream) {
            w.setExpectedNoStream(Shared.Empty.getDefaultInstance());
        } else if (expected instanceof TransactionLog.StreamExists) {
            w.setExpectedStreamExists(Shared.Empty.getDefaultInstance());
            w.setStreamExists2060(Shared.Empty.getDefaultInstance());
        } else {
            w.setExpectedAny(Shared.Empty.getDefaultInstance());
            w.setAny2060(Shared.Empty.getDefaultInstance());
        }
        return AppendResp.newBuilder().setWrongExpectedVersion(w).build();
    }

    private static Proposed proposed(Shared.UUID id, Map<String, String> metadata, ByteString data, ByteString custom) {
        String type = metadata.get("type");
        String contentType = metadata.get("content-type");
        if (type == null || type.isEmpty() || contentType == null) {
            throw Status.INVALID_ARGUMENT.withDescription("an event needs the metadata 'type' and 'content-type'")
                    .asRuntimeException();
        }
        return new Proposed(uuid(id), type, contentType, data.toByteArray(), custom.toByteArray());
    }

    static UUID uuid(Shared.UUID id) {
        if (id.hasStructured()) {
            return new UUID(id.getStructured().getMostSignificantBits(), id.getStructured().getLeastSignificantBits());
        }
        return UUID.fromString(id.getString());
    }

    static StatusRuntimeException streamDeleted(String stream) {
        Metadata trailers = new Metadata();
        trailers.put(EXCEPTION, "stream-deleted");
        trailers.put(STREAM_NAME, stream);
        return Status.FAILED_PRECONDITION.withDescription("Event stream '" + stream + "' is deleted.")
                .asRuntimeException(trailers);
    }

    // ================================================================ BatchAppend

    @Override
    public StreamObserver<BatchAppendReq> batchAppend(StreamObserver<BatchAppendResp> responseObserver) {
        counters.batchAppends.incrementAndGet();
        Map<Shared.UUID, BatchAppendReq.Options> optionsByCorrelation = new HashMap<>();
        Map<Shared.UUID, List<Proposed>> eventsByCorrelation = new HashMap<>();
        return new StreamObserver<>() {
            @Override
            public void onNext(BatchAppendReq req) {
                Shared.UUID correlation = req.getCorrelationId();
                if (req.hasOptions()) {
                    optionsByCorrelation.put(correlation, req.getOptions());
                }
                List<Proposed> events = eventsByCorrelation.computeIfAbsent(correlation, c -> new ArrayList<>());
                try {
                    for (BatchAppendReq.ProposedMessage m : req.getProposedMessagesList()) {
                        events.add(proposed(m.getId(), m.getMetadataMap(), m.getData(), m.getCustomMetadata()));
                    }
                } catch (StatusRuntimeException e) {
                    optionsByCorrelation.remove(correlation);
                    eventsByCorrelation.remove(correlation);
                    send(BatchAppendResp.newBuilder().setCorrelationId(correlation)
                            .setError(com.google.rpc.Status.newBuilder()
                                    .setCode(Status.Code.INVALID_ARGUMENT.value())
                                    .setMessage(e.getStatus().getDescription()))
                            .build());
                    return;
                }
                if (!req.getIsFinal()) {
                    return;
                }
                BatchAppendReq.Options options = optionsByCorrelation.remove(correlation);
                eventsByCorrelation.remove(correlation);
                if (options == null) {
                    send(BatchAppendResp.newBuilder().setCorrelationId(correlation)
                            .setError(com.google.rpc.Status.newBuilder()
                                    .setCode(Status.Code.INVALID_ARGUMENT.value())
                                    .setMessage("the first message of a batch must carry its options"))
                            .build());
                    return;
                }
                send(batchResult(correlation, options, events));
            }

            private void send(BatchAppendResp resp) {
                synchronized (responseObserver) {
                    responseObserver.onNext(resp);
                }
            }

            @Override
            public void onError(Throwable t) {
                // the client went away
            }

            @Override
            public void onCompleted() {
                synchronized (responseObserver) {
                    responseObserver.onCompleted();
                }
            }
        };
    }

    private BatchAppendResp batchResult(Shared.UUID correlation, BatchAppendReq.Options options, List<Proposed> events) {
        String stream = options.getStreamIdentifier().getStreamName().toStringUtf8();
        BatchAppendResp.Builder resp = BatchAppendResp.newBuilder()
                .setCorrelationId(correlation)
                .setStreamIdentifier(options.getStreamIdentifier());
        Expected expected;
        switch (options.getExpectedStreamPositionCase()) {
            case STREAM_POSITION -> {
                expected = new TransactionLog.Exact(options.getStreamPosition());
                resp.setStreamPosition(options.getStreamPosition());
            }
            case NO_STREAM -> {
                expected = new TransactionLog.NoStream();
                resp.setNoStream(Empty.getDefaultInstance());
            }
            case STREAM_EXISTS -> {
                expected = new TransactionLog.StreamExists();
                resp.setStreamExists(Empty.getDefaultInstance());
            }
            default -> {
                expected = new TransactionLog.Any();
                resp.setAny(Empty.getDefaultInstance());
            }
        }
        AppendResult result = log.append(stream, expected, events);
        if (result instanceof Appended ok) {
            BatchAppendResp.Success.Builder success = BatchAppendResp.Success.newBuilder();
            if (ok.lastRevision() < 0) {
                success.setNoStream(Empty.getDefaultInstance());
            } else {
                success.setCurrentRevision(ok.lastRevision());
            }
            success.setPosition(Shared.AllStreamPosition.newBuilder()
                    .setCommitPosition(ok.commitPosition()).setPreparePosition(ok.preparePosition()));
            return resp.setSuccess(success).build();
        }
        if (result instanceof WrongExpectedVersion wrong) {
            Shared.WrongExpectedVersion.Builder details = Shared.WrongExpectedVersion.newBuilder();
            if (wrong.currentRevision() == null) {
                details.setCurrentNoStream(Empty.getDefaultInstance());
            } else {
                details.setCurrentStreamRevision(wrong.currentRevision());
            }
            if (expected instanceof TransactionLog.Exact x) {
                details.setExpectedStreamPosition(x.revision());
            } else if (expected instanceof TransactionLog.NoStream) {
                details.setExpectedNoStream(Empty.getDefaultInstance());
            } else if (expected instanceof TransactionLog.StreamExists) {
                details.setExpectedStreamExists(Empty.getDefaultInstance());
            } else {
                details.setExpectedAny(Empty.getDefaultInstance());
            }
            return resp.setError(com.google.rpc.Status.newBuilder()
                    .setCode(Status.Code.FAILED_PRECONDITION.value())
                    .setMessage("WrongExpectedVersion")
                    .addDetails(Any.pack(details.build()))).build();
        }
        return resp.setError(com.google.rpc.Status.newBuilder()
                .setCode(Status.Code.FAILED_PRECONDITION.value())
                .setMessage("Event stream '" + stream + "' is deleted.")
                .addDetails(Any.pack(Shared.StreamDeleted.newBuilder()
                        .setStreamIdentifier(options.getStreamIdentifier()).build()))).build();
    }

    // ================================================================ Delete / Tombstone

    @Override
    public void delete(DeleteReq request, StreamObserver<DeleteResp> responseObserver) {
        DeleteReq.Options o = request.getOptions();
        Expected expected = switch (o.getExpectedStreamRevisionCase()) {
            case REVISION -> new TransactionLog.Exact(o.getRevision());
            case NO_STREAM -> new TransactionLog.NoStream();
            case STREAM_EXISTS -> new TransactionLog.StreamExists();
            default -> new TransactionLog.Any();
        };
        String stream = o.getStreamIdentifier().getStreamName().toStringUtf8();
        AppendResult result = log.delete(stream, expected, false);
        if (result instanceof Appended ok) {
            responseObserver.onNext(DeleteResp.newBuilder().setPosition(DeleteResp.Position.newBuilder()
                    .setCommitPosition(ok.commitPosition()).setPreparePosition(ok.preparePosition())).build());
            responseObserver.onCompleted();
        } else {
            responseObserver.onError(deleteError(stream, result));
        }
    }

    @Override
    public void tombstone(TombstoneReq request, StreamObserver<TombstoneResp> responseObserver) {
        TombstoneReq.Options o = request.getOptions();
        Expected expected = switch (o.getExpectedStreamRevisionCase()) {
            case REVISION -> new TransactionLog.Exact(o.getRevision());
            case NO_STREAM -> new TransactionLog.NoStream();
            case STREAM_EXISTS -> new TransactionLog.StreamExists();
            default -> new TransactionLog.Any();
        };
        String stream = o.getStreamIdentifier().getStreamName().toStringUtf8();
        AppendResult result = log.delete(stream, expected, true);
        if (result instanceof Appended ok) {
            responseObserver.onNext(TombstoneResp.newBuilder().setPosition(TombstoneResp.Position.newBuilder()
                    .setCommitPosition(ok.commitPosition()).setPreparePosition(ok.preparePosition())).build());
            responseObserver.onCompleted();
        } else {
            responseObserver.onError(deleteError(stream, result));
        }
    }

    private static StatusRuntimeException deleteError(String stream, AppendResult result) {
        if (result instanceof StreamDeleted) {
            return streamDeleted(stream);
        }
        Metadata trailers = new Metadata();
        trailers.put(EXCEPTION, "wrong-expected-version");
        trailers.put(STREAM_NAME, stream);
        return Status.FAILED_PRECONDITION.withDescription("WrongExpectedVersion").asRuntimeException(trailers);
    }

    // ================================================================ Read

    @Override
    public void read(ReadReq request, StreamObserver<ReadResp> responseObserver) {
        ReadReq.Options options = request.getOptions();
        boolean subscription = options.getCountOptionCase() == ReadReq.Options.CountOptionCase.SUBSCRIPTION;
        boolean all = options.getStreamOptionCase() == ReadReq.Options.StreamOptionCase.ALL;
        if (subscription) {
            counters.subscriptions.incrementAndGet();
        } else if (all) {
            counters.readAlls.incrementAndGet();
        } else {
            counters.readStreams.incrementAndGet();
        }
        ServerCallStreamObserver<ReadResp> out = (ServerCallStreamObserver<ReadResp>) responseObserver;
        Pump pump = new Pump(out, options);
        out.setOnReadyHandler(pump::signal);
        out.setOnCancelHandler(pump::cancel);
        pumps.execute(pump);
    }

    /** Thrown inside a pump when the client cancelled the call. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final class Pump implements Runnable {
        private final ServerCallStreamObserver<ReadResp> out;
        private final ReadReq.Options options;
        private final ReentrantLock readyLock = new ReentrantLock();
        private final Condition readyOrCancelled = readyLock.newCondition();
        private volatile boolean cancelled;
        private final boolean structuredIds;

        Pump(ServerCallStreamObserver<ReadResp> out, ReadReq.Options options) {
            this.out = out;
            this.options = options;
            this.structuredIds = options.getUuidOption().getContentCase()
                    != ReadReq.Options.UUIDOption.ContentCase.STRING;
        }

        void signal() {
            readyLock.lock();
            try {
                readyOrCancelled.signalAll();
            } finally {
                readyLock.unlock();
            }
        }

        void cancel() {
            cancelled = true;
            signal();
            log.wakeUpWaiters();
        }

        @Override
        public void run() {
            try {
                if (options.getCountOptionCase() == ReadReq.Options.CountOptionCase.SUBSCRIPTION) {
                    subscribe();
                } else if (options.getStreamOptionCase() == ReadReq.Options.StreamOptionCase.ALL) {
                    readAll();
                    out.onCompleted();
                } else {
                    readStream();
                    out.onCompleted();
                }
            } catch (Cancelled | InterruptedException e) {
                // the client cancelled, or the server is stopping
            } catch (TransactionLog.InvalidPositionException e) {
                error(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
            } catch (TransactionLog.StreamDeletedException e) {
                error(streamDeleted(e.stream));
            } catch (RuntimeException e) {
                error(Status.INTERNAL.withDescription(e.toString()).asRuntimeException());
            }
        }

        private void error(StatusRuntimeException e) {
            if (!cancelled) {
                try {
                    out.onError(e);
                } catch (RuntimeException ignored) {
                    // call already closed
                }
            }
        }

        private void send(ReadResp resp) throws InterruptedException {
            readyLock.lock();
            try {
                while (!cancelled && !out.isReady()) {
                    readyOrCancelled.await(200, TimeUnit.MILLISECONDS);
                }
            } finally {
                readyLock.unlock();
            }
            if (cancelled) {
                throw new Cancelled();
            }
            out.onNext(resp);
        }

        private void sendEvent(Record r) throws InterruptedException {
            send(ReadResp.newBuilder().setEvent(readEvent(r, structuredIds)).build());
        }

        // ------------------------------------------------ reads with a count

        private void readStream() throws InterruptedException {
            ReadReq.Options.StreamOptions so = options.getStream();
            String stream = so.getStreamIdentifier().getStreamName().toStringUtf8();
            boolean forwards = options.getReadDirection() == ReadReq.Options.ReadDirection.Forwards;
            Long from = switch (so.getRevisionOptionCase()) {
                case REVISION -> so.getRevision();
                case START -> forwards ? 0L : -1L;
                default -> forwards ? Long.MAX_VALUE : null;
            };
            List<Record> records = from != null && from < 0 ? List.of()
                    : log.readStream(stream, from, forwards, options.getCount());
            if (records == null) {
                send(ReadResp.newBuilder().setStreamNotFound(ReadResp.StreamNotFound.newBuilder()
                        .setStreamIdentifier(so.getStreamIdentifier())).build());
                return;
            }
            for (Record r : records) {
                sendEvent(r);
            }
        }

        private void readAll() throws InterruptedException {
            ReadReq.Options.AllOptions ao = options.getAll();
            boolean forwards = options.getReadDirection() == ReadReq.Options.ReadDirection.Forwards;
            Predicate<Record> filter = filter();
            long count = options.getCount();
            int index = switch (ao.getAllOptionCase()) {
                case POSITION -> log.indexOf(ao.getPosition().getCommitPosition(), ao.getPosition().getPreparePosition());
                case START -> 0;
                default -> log.size();
            };
            long sent = 0;
            if (forwards) {
                int limit = log.size();
                for (int i = index; i < limit && sent < count; ) {
                    List<Record> page = log.slice(i, Math.min(256, limit - i));
                    for (Record r : page) {
                        i++;
                        if (filter.test(r)) {
                            sendEvent(r);
                            if (++sent >= count) {
                                break;
                            }
                        }
                    }
                }
            } else {
                // backwards from a position: the records strictly before it
                for (int i = index - 1; i >= 0 && sent < count; i--) {
                    Record r = log.at(i);
                    if (filter.test(r)) {
                        sendEvent(r);
                        sent++;
                    }
                }
            }
        }

        // ------------------------------------------------ catch-up subscriptions

        private void subscribe() throws InterruptedException {
            boolean all = options.getStreamOptionCase() == ReadReq.Options.StreamOptionCase.ALL;
            Predicate<Record> filter = filter();
            int cursor;
            String stream = null;
            long afterRevision = -1;
            if (all) {
                ReadReq.Options.AllOptions ao = options.getAll();
                cursor = switch (ao.getAllOptionCase()) {
                    // a subscription starts after the given position (exclusive)
                    case POSITION -> {
                        long c = ao.getPosition().getCommitPosition();
                        long p = ao.getPosition().getPreparePosition();
                        int i = log.indexOf(c, p);
                        yield i < log.size() && log.at(i).compareTo(c, p) == 0 ? i + 1 : i;
                    }
                    case START -> 0;
                    default -> log.size();
                };
            } else {
                ReadReq.Options.StreamOptions so = options.getStream();
                stream = so.getStreamIdentifier().getStreamName().toStringUtf8();
                switch (so.getRevisionOptionCase()) {
                    case REVISION -> {
                        afterRevision = so.getRevision();
                        cursor = 0;
                    }
                    case START -> cursor = 0;
                    default -> {
                        afterRevision = Math.max(-1, log.lastRevision(stream));
                        cursor = log.size();
                    }
                }
            }
            send(ReadResp.newBuilder().setConfirmation(ReadResp.SubscriptionConfirmation.newBuilder()
                    .setSubscriptionId(UUID.randomUUID().toString())).build());

            boolean filtered = all && options.getFilterOptionCase() == ReadReq.Options.FilterOptionCase.FILTER;
            long checkpointInterval = 0;
            if (filtered) {
                ReadReq.Options.FilterOptions fo = options.getFilter();
                long window = fo.getWindowCase() == ReadReq.Options.FilterOptions.WindowCase.MAX && fo.getMax() > 0
                        ? fo.getMax() : DEFAULT_FILTER_WINDOW;
                checkpointInterval = window * Math.max(1, fo.getCheckpointIntervalMultiplier());
            }
            long examinedSinceCheckpoint = 0;
            boolean caughtUp = false;
            Record lastExamined = cursor > 0 ? log.at(cursor - 1) : null;
            while (!cancelled) {
                List<Record> page = log.slice(cursor, 256);
                if (page.isEmpty()) {
                    if (!caughtUp) {
                        caughtUp = true;
                        if (filtered && lastExamined != null) {
                            send(checkpoint(lastExamined));
                            examinedSinceCheckpoint = 0;
                        }
                        send(caughtUp(all, lastExamined, stream == null ? null : log.lastRevision(stream)));
                    }
                    log.awaitSizeAbove(cursor, Duration.ofSeconds(1));
                    continue;
                }
                for (Record r : page) {
                    cursor++;
                    lastExamined = r;
                    boolean deliver = all ? filter.test(r) : r.stream().equals(stream) && r.revision() > afterRevision;
                    if (deliver) {
                        sendEvent(r);
                    }
                    if (filtered && ++examinedSinceCheckpoint >= checkpointInterval) {
                        send(checkpoint(r));
                        examinedSinceCheckpoint = 0;
                    }
                }
            }
        }

        private ReadResp checkpoint(Record r) {
            return ReadResp.newBuilder().setCheckpoint(ReadResp.Checkpoint.newBuilder()
                    .setCommitPosition(r.commitPosition()).setPreparePosition(r.preparePosition())
                    .setTimestamp(now())).build();
        }

        private ReadResp caughtUp(boolean all, Record lastExamined, Long streamRevision) {
            ReadResp.CaughtUp.Builder c = ReadResp.CaughtUp.newBuilder().setTimestamp(now());
            if (all && lastExamined != null) {
                c.setPosition(ReadResp.Position.newBuilder()
                        .setCommitPosition(lastExamined.commitPosition())
                        .setPreparePosition(lastExamined.preparePosition()));
            }
            if (!all && streamRevision != null && streamRevision >= 0) {
                c.setStreamRevision(streamRevision);
            }
            return ReadResp.newBuilder().setCaughtUp(c).build();
        }

        private Timestamp now() {
            Instant now = clock.instant();
            return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
        }

        private Predicate<Record> filter() {
            if (options.getFilterOptionCase() != ReadReq.Options.FilterOptionCase.FILTER) {
                return r -> true;
            }
            ReadReq.Options.FilterOptions fo = options.getFilter();
            boolean byStream = fo.getFilterCase() == ReadReq.Options.FilterOptions.FilterCase.STREAM_IDENTIFIER;
            ReadReq.Options.FilterOptions.Expression expression = byStream ? fo.getStreamIdentifier() : fo.getEventType();
            Predicate<String> matches;
            if (!expression.getRegex().isEmpty()) {
                Pattern pattern = Pattern.compile(expression.getRegex());
                matches = s -> pattern.matcher(s).find();
            } else {
                List<String> prefixes = expression.getPrefixList();
                matches = s -> prefixes.stream().anyMatch(s::startsWith);
            }
            return byStream ? r -> matches.test(r.stream()) : r -> matches.test(r.type());
        }
    }

    static ReadResp.ReadEvent readEvent(Record r, boolean structuredIds) {
        Shared.UUID id = structuredIds
                ? Shared.UUID.newBuilder().setStructured(Shared.UUID.Structured.newBuilder()
                        .setMostSignificantBits(r.id().getMostSignificantBits())
                        .setLeastSignificantBits(r.id().getLeastSignificantBits())).build()
                : Shared.UUID.newBuilder().setString(r.id().toString()).build();
        ReadResp.ReadEvent.RecordedEvent recorded = ReadResp.ReadEvent.RecordedEvent.newBuilder()
                .setId(id)
                .setStreamIdentifier(Shared.StreamIdentifier.newBuilder().setStreamName(ByteString.copyFromUtf8(r.stream())))
                .setStreamRevision(r.revision())
                .setCommitPosition(r.commitPosition())
                .setPreparePosition(r.preparePosition())
                .putMetadata("type", r.type())
                .putMetadata("content-type", r.contentType())
                .putMetadata("created", Long.toString(r.createdTicks()))
                .setData(ByteString.copyFrom(r.data()))
                .setCustomMetadata(ByteString.copyFrom(r.metadata()))
                .build();
        return ReadResp.ReadEvent.newBuilder().setEvent(recorded).setCommitPosition(r.commitPosition()).build();
    }
}

package org.weiquan.eventstore.bench;

import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamState;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.weiquan.eventstore.EventStoreDbStorageEngine;
import org.weiquan.eventstore.testserver.InProcessEventStoreDb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A load driver, not a test: append and read throughput through the engine, and through raw
 * kurrentdb-client calls of the same shape, against the in-process server in the same run, on
 * loopback only, with a bounded number of operations. Prints a Markdown table.
 * <p>
 * Run: see {@code docs/benchmarks-eventstore.md}. Arguments (all optional): number of single-event
 * appends, number of batch appends, events per batch, rounds.
 */
public final class EngineLoadDriver {

    public record Deposited(String accountId, long amount, String reference) {
    }

    private EngineLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int singles = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        int perBatch = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;

        try (InProcessEventStoreDb server = InProcessEventStoreDb.start()) {
            KurrentDBClient raw = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(server.connectionString()));
            EventStoreDbStorageEngine engine = EventStoreDbStorageEngine.builder().client(raw).batchSize(500).build();
            try {
                // warm-up: JIT, connection, serializer caches
                rawSingles(raw, 500);
                engineSingles(engine, 500);
                rawReadAll(raw);
                engineReadAll(engine);

                List<String[]> rows = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    rows.add(row(round, "append, 1 event per call", "raw client", singles, rawSingles(raw, singles)));
                    rows.add(row(round, "append, 1 event per call", "engine", singles, engineSingles(engine, singles)));
                    rows.add(row(round, "append, " + perBatch + " events per call", "raw client", batches * perBatch,
                            rawBatches(raw, batches, perBatch)));
                    rows.add(row(round, "append, " + perBatch + " events per call", "engine", batches * perBatch,
                            engineBatches(engine, batches, perBatch)));
                    long[] rawRead = rawReadAll(raw);
                    rows.add(row(round, "read $all from the start (" + rawRead[0] + " records)", "raw client", rawRead[0], rawRead[1]));
                    long[] engineRead = engineReadAll(engine);
                    rows.add(row(round, "read all events from the tail token (" + engineRead[0] + " events)", "engine",
                            engineRead[0], engineRead[1]));
                }
                System.out.println("| round | operation | through | events | seconds | events/s |");
                System.out.println("|---|---|---|---:|---:|---:|");
                rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
            } finally {
                engine.close();
                raw.shutdown().get(5, TimeUnit.SECONDS);
            }
        }
    }

    private static String[] row(int round, String operation, String through, long events, long nanos) {
        double seconds = nanos / 1e9;
        return new String[] {Integer.toString(round), operation, through, Long.toString(events),
                String.format(Locale.ROOT, "%.2f", seconds), String.format(Locale.ROOT, "%.0f", events / seconds)};
    }

    private static Deposited payload(String id, long i) {
        return new Deposited(id, i, "reference-" + i);
    }

    /** Raw events of the engine's size: JSON data and a JSON metadata envelope of similar length. */
    private static EventData rawEvent(String id, long i) {
        byte[] data = ("{\"accountId\":\"" + id + "\",\"amount\":" + i + ",\"reference\":\"reference-" + i + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] metadata = ("{\"eventIdentifier\":\"" + UUID.randomUUID() + "\",\"timestamp\":\"2026-11-25T10:00:00Z\","
                + "\"payloadType\":\"" + Deposited.class.getName() + "\",\"aggregateType\":\"Account\",\"aggregateIdentifier\":\""
                + id + "\",\"sequenceNumber\":" + i + ",\"metaDataType\":\"org.axonframework.messaging.MetaData\","
                + "\"metaData\":{\"who\":\"officer.li\"}}").getBytes(StandardCharsets.UTF_8);
        return EventDataBuilder.json(UUID.randomUUID(), Deposited.class.getName(), data).metadataAsBytes(metadata).build();
    }

    private static EventMessage<?> event(String id, long sequence) {
        return new GenericDomainEventMessage<>("Account", id, sequence, payload(id, sequence), MetaData.with("who", "officer.li"));
    }

    private static long rawSingles(KurrentDBClient raw, int count) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            raw.appendToStream("raw-" + id, AppendToStreamOptions.get().streamState(StreamState.noStream()), rawEvent(id, 0)).get();
        }
        return System.nanoTime() - start;
    }

    private static long engineSingles(EventStoreDbStorageEngine engine, int count) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            engine.appendEvents(event(UUID.randomUUID().toString(), 0));
        }
        return System.nanoTime() - start;
    }

    private static long rawBatches(KurrentDBClient raw, int count, int perBatch) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            List<EventData> events = new ArrayList<>(perBatch);
            for (int e = 0; e < perBatch; e++) {
                events.add(rawEvent(id, e));
            }
            raw.appendToStream("raw-" + id, AppendToStreamOptions.get().streamState(StreamState.noStream()), events.iterator()).get();
        }
        return System.nanoTime() - start;
    }

    private static long engineBatches(EventStoreDbStorageEngine engine, int count, int perBatch) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            List<EventMessage<?>> events = new ArrayList<>(perBatch);
            for (int e = 0; e < perBatch; e++) {
                events.add(event(id, e));
            }
            engine.appendEvents(events);
        }
        return System.nanoTime() - start;
    }

    /** Pages of 500 through the whole log; returns {records, nanos}. */
    private static long[] rawReadAll(KurrentDBClient raw) throws Exception {
        long start = System.nanoTime();
        long count = 0;
        Position from = null;
        while (true) {
            ReadAllOptions options = from == null ? ReadAllOptions.get().fromStart().maxCount(500)
                    : ReadAllOptions.get().fromPosition(from).maxCount(501);
            List<ResolvedEvent> page = raw.readAll(options).get().getEvents();
            int fresh = from == null ? page.size() : page.size() - 1;
            if (fresh <= 0) {
                break;
            }
            count += fresh;
            from = page.get(page.size() - 1).getOriginalEvent().getPosition();
        }
        return new long[] {count, System.nanoTime() - start};
    }

    /** The engine's global stream from the tail, each payload deserialized; returns {events, nanos}. */
    private static long[] engineReadAll(EventStoreDbStorageEngine engine) {
        long start = System.nanoTime();
        long count;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(engine.createTailToken(), false)) {
            count = stream.mapToLong(e -> e.getPayload() != null ? 1 : 0).sum();
        }
        return new long[] {count, System.nanoTime() - start};
    }
}

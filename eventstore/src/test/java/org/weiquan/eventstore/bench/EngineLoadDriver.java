package org.weiquan.eventstore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamState;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.weiquan.eventstore.EventStoreDbStorageEngine;
import org.weiquan.eventstore.testserver.InProcessEventStoreDb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A load driver, not a test: append and read throughput through the engine and through raw
 * kurrentdb-client calls doing the same work, against the same server in the same run, for several
 * rounds; prints every round and the median of each, as Markdown.
 * <ul>
 * <li><b>append, 1 event per call</b> — raw: {@code appendToStream} of one event, JSON payload and a
 * JSON metadata envelope written with Jackson, to a new stream; engine: {@code appendEvents} of one
 * domain event (the engine serializes payload and meta data with Jackson).</li>
 * <li><b>append, N events per call</b> — the same with N events of one new stream per call.</li>
 * <li><b>read</b> — both read the whole of {@code $all} from the start, in pages of the same size,
 * and deliver the same events: the records of {@code aggregate-} streams that are not system events
 * (the raw client filters them as the engine does), each payload decoded by Jackson into the
 * payload record and each metadata envelope into a tree and a meta data map. Engine:
 * {@code readEvents(tail, false)} to the end with {@code getPayload()} and {@code getMetaData()}.</li>
 * </ul>
 * Within a round, raw and engine take turns in short slices (the appends in {@code slices} parts,
 * the read {@code reads} times each), the order alternating, so that the load of a shared machine
 * falls on both alike; a round's events/s of a side is its events over its summed time. Arguments, all optional, as
 * {@code name=value}: {@code singles=3000 batches=600 perBatch=10 rounds=5 slices=10 reads=4
 * pageSize=500 connection=kurrentdb://host:2113?tls=false} (without {@code connection}, an in-process server on
 * loopback). Every operation is bounded in count; the driver stops by itself.
 */
public final class EngineLoadDriver {

    public record Deposited(String accountId, long amount, String reference) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM_PREFIX = "aggregate-";

    private EngineLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are name=value: " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        int singles = Integer.parseInt(options.getOrDefault("singles", "3000"));
        int batches = Integer.parseInt(options.getOrDefault("batches", "600"));
        int perBatch = Integer.parseInt(options.getOrDefault("perBatch", "10"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
        int pageSize = Integer.parseInt(options.getOrDefault("pageSize", "500"));
        int slices = Integer.parseInt(options.getOrDefault("slices", "10"));
        int readsPerRound = Integer.parseInt(options.getOrDefault("reads", "4"));
        String connection = options.get("connection");

        InProcessEventStoreDb server = connection == null ? InProcessEventStoreDb.start() : null;
        String connectionString = connection != null ? connection : server.connectionString();
        KurrentDBClient raw = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connectionString));
        EventStoreDbStorageEngine engine = EventStoreDbStorageEngine.builder().client(raw).batchSize(pageSize).build();
        try {
            // warm-up: JIT, connection, serializer caches
            rawSingles(raw, 500);
            engineSingles(engine, 500);
            rawBatches(raw, 50, perBatch);
            engineBatches(engine, 50, perBatch);
            rawRead(raw, pageSize);
            engineRead(engine);

            String single = "append, 1 event per call";
            String batch = "append, " + perBatch + " events per call";
            String read = "read $all to the end, payload and metadata decoded";
            Map<String, List<double[]>> results = new LinkedHashMap<>(); // operation -> {raw/s, engine/s}
            List<String> lines = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                // Raw and engine take turns in short slices, so that a burst of load on the machine
                // falls on both sides alike; each side's events/s is its events over its own time.
                long[] s = new long[4];
                long[] b = new long[4];
                long[] r = new long[4];
                long readEvents = 0;
                for (int slice = 0; slice < slices; slice++) {
                    boolean rawFirst = (round + slice) % 2 == 0;
                    int n = singles / slices;
                    int m = batches / slices;
                    turn(rawFirst, s, () -> rawSingles(raw, n), () -> engineSingles(engine, n));
                    turn(rawFirst, b, () -> rawBatches(raw, m, perBatch), () -> engineBatches(engine, m, perBatch));
                }
                for (int pass = 0; pass < readsPerRound; pass++) {
                    long[][] counts = new long[2][];
                    turn((round + pass) % 2 == 0, r, () -> {
                        counts[0] = rawRead(raw, pageSize);
                        return counts[0][1];
                    }, () -> {
                        counts[1] = engineRead(engine);
                        return counts[1][1];
                    });
                    if (counts[0][0] != counts[1][0]) {
                        throw new IllegalStateException("raw and engine read different numbers of events: " + counts[0][0] + " vs " + counts[1][0]);
                    }
                    readEvents = counts[0][0];
                }
                long singleEvents = (long) (singles / slices) * slices;
                long batchEvents = (long) (batches / slices) * slices * perBatch;
                double[] sr = rates(singleEvents, s);
                double[] br = rates(batchEvents, b);
                double[] rr = rates(readEvents * readsPerRound, r);
                results.computeIfAbsent(single, k -> new ArrayList<>()).add(sr);
                results.computeIfAbsent(batch, k -> new ArrayList<>()).add(br);
                results.computeIfAbsent(read, k -> new ArrayList<>()).add(rr);
                lines.add(line(round, single, singleEvents, sr));
                lines.add(line(round, batch, batchEvents, br));
                lines.add(line(round, read + " (" + readsPerRound + " x " + readEvents + " events)", readEvents * readsPerRound, rr));
            }
            System.out.println("Server: " + (connection == null ? "in-process (loopback)" : connectionString.replaceAll("//[^/@]*@", "//"))
                    + "; " + Runtime.getRuntime().availableProcessors() + " cores; Java " + System.getProperty("java.version")
                    + "; page size " + pageSize + "; " + Instant.now());
            System.out.println();
            System.out.println("| round | operation | events | raw events/s | engine events/s | engine / raw"
                    + " | raw events per CPU-s | engine events per CPU-s | engine / raw (CPU) |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            lines.forEach(System.out::println);
            System.out.println();
            System.out.println("| operation | median raw events/s | median engine events/s | median engine / raw"
                    + " | median engine / raw (CPU) | >= 80 % (events/s) | >= 80 % (CPU) |");
            System.out.println("|---|---:|---:|---:|---:|---|---|");
            for (Map.Entry<String, List<double[]>> entry : results.entrySet()) {
                double rawMedian = median(entry.getValue().stream().mapToDouble(x -> x[0]).toArray());
                double engineMedian = median(entry.getValue().stream().mapToDouble(x -> x[1]).toArray());
                double ratio = median(entry.getValue().stream().mapToDouble(x -> x[1] / x[0]).toArray());
                double cpuRatio = median(entry.getValue().stream().mapToDouble(x -> x[3] / x[2]).toArray());
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f %% | %.0f %% | %s | %s |%n", entry.getKey(), rawMedian,
                        engineMedian, 100 * ratio, 100 * cpuRatio, ratio >= 0.8 ? "yes" : "no", cpuRatio >= 0.8 ? "yes" : "no");
            }
        } finally {
            engine.close();
            raw.shutdown().get(5, TimeUnit.SECONDS);
            if (server != null) {
                server.close();
            }
        }
    }

    @FunctionalInterface
    private interface Measure {
        long run() throws Exception;
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /**
     * Runs both, in the given order, adding each one's wall-clock nanoseconds to {@code nanos[0]} (raw)
     * and {@code nanos[1]} (engine), and the CPU time this process spent meanwhile (client, engine and,
     * in-process, server) to {@code nanos[2]} and {@code nanos[3]}.
     */
    private static void turn(boolean rawFirst, long[] nanos, Measure raw, Measure engine) throws Exception {
        if (rawFirst) {
            timed(nanos, 0, raw);
            timed(nanos, 1, engine);
        } else {
            timed(nanos, 1, engine);
            timed(nanos, 0, raw);
        }
    }

    private static void timed(long[] nanos, int side, Measure measure) throws Exception {
        long cpu = OS.getProcessCpuTime();
        nanos[side] += measure.run();
        nanos[side + 2] += OS.getProcessCpuTime() - cpu;
    }

    /** {raw events/s, engine events/s, raw events per CPU second, engine events per CPU second}. */
    private static double[] rates(long events, long[] nanos) {
        return new double[] {rate(events, nanos[0]), rate(events, nanos[1]), rate(events, nanos[2]), rate(events, nanos[3])};
    }

    private static double rate(long events, long nanos) {
        return events / (nanos / 1e9);
    }

    private static String line(int round, String operation, long events, double[] rates) {
        return String.format(Locale.ROOT, "| %d | %s | %d | %.0f | %.0f | %.0f %% | %.0f | %.0f | %.0f %% |", round, operation,
                events, rates[0], rates[1], 100 * rates[1] / rates[0], rates[2], rates[3], 100 * rates[3] / rates[2]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    // ================================================================ appends

    /** What the engine writes, written by hand: the payload and an envelope of the same fields, by Jackson. */
    private static EventData rawEvent(String id, long sequence) {
        try {
            byte[] data = JSON.writeValueAsBytes(payload(id, sequence));
            Map<String, Object> envelope = new LinkedHashMap<>();
            String eventId = UUID.randomUUID().toString();
            envelope.put("eventIdentifier", eventId);
            envelope.put("timestamp", Instant.now().toString());
            envelope.put("payloadType", Deposited.class.getName());
            envelope.put("aggregateType", "Account");
            envelope.put("aggregateIdentifier", id);
            envelope.put("sequenceNumber", sequence);
            envelope.put("metaDataType", MetaData.class.getName());
            envelope.put("metaData", Map.of("who", "officer.li"));
            return EventDataBuilder.json(UUID.fromString(eventId), Deposited.class.getName(), data)
                    .metadataAsBytes(JSON.writeValueAsBytes(envelope)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Deposited payload(String id, long i) {
        return new Deposited(id, i, "reference-" + i);
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

    // ================================================================ reads

    /**
     * The raw client doing the engine's read by hand: pages of {@code $all}, the engine's records
     * only (aggregate streams, no system events), payload and metadata decoded; returns {events, nanos}.
     */
    private static long[] rawRead(KurrentDBClient raw, int pageSize) throws Exception {
        long start = System.nanoTime();
        long count = 0;
        long sink = 0;
        Position from = null;
        while (true) {
            ReadAllOptions options = from == null ? ReadAllOptions.get().forwards().fromStart().maxCount(pageSize)
                    : ReadAllOptions.get().forwards().fromPosition(from).maxCount(pageSize + 1L);
            List<ResolvedEvent> page = raw.readAll(options).get().getEvents();
            int skip = from == null ? 0 : 1; // the page starts at the last record of the previous one
            if (page.size() <= skip) {
                break;
            }
            for (ResolvedEvent resolved : page.subList(skip, page.size())) {
                RecordedEvent event = resolved.getOriginalEvent();
                if (event.getEventType().startsWith("$") || !event.getStreamId().startsWith(STREAM_PREFIX)) {
                    continue;
                }
                JsonNode envelope = JSON.readTree(event.getUserMetadata());
                Map<?, ?> metaData = JSON.treeToValue(envelope.get("metaData"), Map.class);
                Deposited payload = JSON.readValue(event.getEventData(), Deposited.class);
                sink += payload.amount() + metaData.size() + envelope.path("sequenceNumber").asLong();
                count++;
            }
            from = page.get(page.size() - 1).getOriginalEvent().getPosition();
        }
        if (sink == 42) {
            System.out.print(""); // keeps the decoding from being optimised away
        }
        return new long[] {count, System.nanoTime() - start};
    }

    /** The engine's global stream from the tail, payload and meta data of each event deserialized; returns {events, nanos}. */
    private static long[] engineRead(EventStoreDbStorageEngine engine) {
        long start = System.nanoTime();
        long count;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(engine.createTailToken(), false)) {
            count = stream.mapToLong(e -> ((Deposited) e.getPayload()).amount() >= 0 && e.getMetaData() != null ? 1 : 0).sum();
        }
        return new long[] {count, System.nanoTime() - start};
    }
}

package org.weiquan.eventstore.testserver;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An EventStoreDB/KurrentDB server inside the test JVM: a real gRPC server on a loopback port speaking
 * the subset of the v1 protocol that kurrentdb-client 1.1.0 uses for streams (ServerFeatures; Streams
 * Read, Append, BatchAppend, Delete, Tombstone), backed by an in-memory {@link TransactionLog}.
 * <p>
 * It is a test double of the protocol, not a database: nothing is persisted, there is no
 * authentication, no TLS, no cluster or gossip, no persistent subscriptions, no projections, no
 * link resolution and no scavenging. See {@code eventstore/README.md}.
 */
public final class InProcessEventStoreDb implements AutoCloseable {

    /** Calls received, by kind: lets tests prove that a client does not poll. */
    public static final class Counters {
        final AtomicLong appends = new AtomicLong();
        final AtomicLong batchAppends = new AtomicLong();
        final AtomicLong readStreams = new AtomicLong();
        final AtomicLong readAlls = new AtomicLong();
        final AtomicLong subscriptions = new AtomicLong();

        public long appends() {
            return appends.get();
        }

        public long batchAppends() {
            return batchAppends.get();
        }

        public long readStreams() {
            return readStreams.get();
        }

        public long readAlls() {
            return readAlls.get();
        }

        public long subscriptions() {
            return subscriptions.get();
        }
    }

    private final Server server;
    private final ExecutorService pumps;
    private final TransactionLog log;
    private final Counters counters = new Counters();

    private InProcessEventStoreDb(Clock clock) {
        AtomicInteger threads = new AtomicInteger();
        this.pumps = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "inprocess-esdb-read-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.log = new TransactionLog(clock);
        seedSystemRecords();
        this.server = NettyServerBuilder
                .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new ServerFeaturesService())
                .addService(new StreamsService(log, pumps, clock, counters))
                .build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InProcessEventStoreDb start() {
        return new InProcessEventStoreDb(Clock.systemUTC());
    }

    public static InProcessEventStoreDb start(Clock clock) {
        return new InProcessEventStoreDb(clock);
    }

    /** A real server's log never starts empty: it begins with system records. */
    private void seedSystemRecords() {
        log.append("$epoch-information", new TransactionLog.Any(), List.of(new TransactionLog.Proposed(
                UUID.randomUUID(), "$epoch-information", "application/json",
                "{\"epochNumber\":0}".getBytes(StandardCharsets.UTF_8), new byte[0])));
        log.append("$$$scavenges", new TransactionLog.Any(), List.of(new TransactionLog.Proposed(
                UUID.randomUUID(), "$metadata", "application/json",
                "{\"$maxAge\":2592000}".getBytes(StandardCharsets.UTF_8), new byte[0])));
    }

    public int port() {
        return server.getPort();
    }

    public String connectionString() {
        return "kurrentdb://127.0.0.1:" + port() + "?tls=false";
    }

    public Counters counters() {
        return counters;
    }

    /** The position one past the last record: where the next append will land. */
    public long endPosition() {
        return log.endPosition();
    }

    @Override
    public void close() {
        server.shutdownNow();
        pumps.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
            pumps.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

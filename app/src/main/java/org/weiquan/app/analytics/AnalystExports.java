package org.weiquan.app.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports an analyst started from the page: written in the background to a temporary file, so that
 * a long window shows its progress (events written, how far through the log) while the page stays
 * usable, then downloaded. An export belongs to the user who started it; it is kept for an hour, and
 * a user has one at a time (a new one replaces the last).
 */
@Component
public class AnalystExports implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(AnalystExports.class);
    static final Duration KEPT = Duration.ofHours(1);
    private final EventExport export;
    private final Clock clock;
    // two exports at once at most: each reads the whole window from the log
    private final ExecutorService workers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "analyst-export");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public AnalystExports(EventExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    public enum State { RUNNING, DONE, FAILED }

    /** What the page shows of an export. {@code percent} is null when the store cannot tell. */
    public record Status(String id, Instant from, Instant to, State state, long written, Double percent, long bytes) {
    }

    private final class Job {
        final String id = UUID.randomUUID().toString();
        final String owner;
        final Instant from;
        final Instant to;
        final Instant started = clock.instant();
        final Path file;
        final EventExport.Span span;
        final AtomicLong written = new AtomicLong();
        volatile long position = Long.MIN_VALUE;
        volatile State state = State.RUNNING;

        Job(String owner, Instant from, Instant to) throws IOException {
            this.owner = owner;
            this.from = from;
            this.to = to;
            this.file = Files.createTempFile("weiquan-export-", ".jsonl");
            this.span = export.span(from, to);
        }

        /** 100 once done; until then how far through the span (never 100); null when the store cannot tell. */
        private Double percent() {
            if (state == State.DONE) return 100.0;
            if (span == null) return null;
            if (position == Long.MIN_VALUE) return 0.0;
            return Math.min(99.9, 100 * span.fractionAt(position));
        }

        Status status() {
            Double percent = percent();
            long bytes;
            try {
                bytes = Files.exists(file) ? Files.size(file) : 0;
            } catch (IOException e) {
                bytes = 0;
            }
            return new Status(id, from, to, state, written.get(), percent, bytes);
        }
    }

    /** Starts exporting [from, to) for {@code user}; the user's earlier export is dropped. */
    public Status start(String user, Instant from, Instant to) {
        EventExport.requireWindow(from, to);
        sweep();
        jobs.values().removeIf(job -> {
            if (!job.owner.equals(user)) return false;
            delete(job);
            return true;
        });
        Job job;
        try {
            job = new Job(user, from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jobs.put(job.id, job);
        workers.submit(() -> run(job));
        return job.status();
    }

    /** The export {@code id} if it is {@code user}'s. */
    public Optional<Status> status(String user, String id) {
        return mine(user, id).map(Job::status);
    }

    /** The finished export's file, if it is {@code user}'s and done. */
    public Optional<Path> file(String user, String id) {
        return mine(user, id).filter(job -> job.state == State.DONE).map(job -> job.file);
    }

    private Optional<Job> mine(String user, String id) {
        return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(job -> job.owner.equals(user));
    }

    private void run(Job job) {
        try (BufferedWriter writer = Files.newBufferedWriter(job.file, StandardCharsets.UTF_8)) {
            export.write(job.from, job.to, writer, (written, position) -> {
                job.written.set(written);
                position.ifPresent(p -> job.position = p);
            });
            job.state = State.DONE;
        } catch (Exception e) {
            log.error("the export {} failed", job.id, e);
            job.state = State.FAILED;
        }
    }

    /** Drops exports older than {@link #KEPT}. */
    private void sweep() {
        Instant oldest = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> {
            if (job.state == State.RUNNING || !job.started.isBefore(oldest)) return false;
            delete(job);
            return true;
        });
    }

    private static void delete(Job job) {
        try {
            Files.deleteIfExists(job.file);
        } catch (IOException e) {
            log.warn("could not delete {}", job.file, e);
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
        jobs.values().forEach(AnalystExports::delete);
    }
}

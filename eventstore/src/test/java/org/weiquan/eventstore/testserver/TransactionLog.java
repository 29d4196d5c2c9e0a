package org.weiquan.eventstore.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store behind {@link InProcessEventStoreDb}: one append-only log ({@code $all}) and, per stream, the
 * records of that stream in revision order.
 * <p>
 * What it keeps of EventStoreDB's semantics:
 * <ul>
 * <li>positions are byte offsets into the log, so they are sparse; a record's position is the pair
 * (commit, prepare): the prepare position is the record's own offset, the commit position that of
 * the last record of the same append (all records of one append share it, and it is never below the
 * prepare position, which the client checks);</li>
 * <li>a read of {@code $all} may only start at the start, at the end or exactly at a record: any
 * other position is an "invalid position" error, as on a real server;</li>
 * <li>stream revisions are dense from 0; expected revisions: any, no stream, stream exists, exact;</li>
 * <li>an append that repeats the events (by id) just written at the expected revision is idempotent;</li>
 * <li>stream metadata ({@code $$stream}, event type {@code $metadata}): {@code $maxCount} and
 * {@code $tb} (truncate before) hide older events from stream reads, never from {@code $all};</li>
 * <li>soft delete (revisions continue when the stream is written again) and tombstone (the stream
 * can never be written or read again).</li>
 * </ul>
 */
final class TransactionLog {

    /** One event in the log. */
    record Record(long commitPosition, long preparePosition, String stream, long revision, UUID id,
                  String type, String contentType, byte[] data, byte[] metadata, long createdTicks) {

        int compareTo(long commit, long prepare) {
            int c = Long.compareUnsigned(commitPosition, commit);
            return c != 0 ? c : Long.compareUnsigned(preparePosition, prepare);
        }
    }

    /** An event proposed by a client. */
    record Proposed(UUID id, String type, String contentType, byte[] data, byte[] metadata) {
    }

    sealed interface Expected permits Any, NoStream, StreamExists, Exact {
    }

    record Any() implements Expected {
    }

    record NoStream() implements Expected {
    }

    record StreamExists() implements Expected {
    }

    record Exact(long revision) implements Expected {
    }

    sealed interface AppendResult permits Appended, WrongExpectedVersion, StreamDeleted {
    }

    /** {@code lastRevision} is -1 when nothing was ever written (an empty append to a new stream). */
    record Appended(long lastRevision, long commitPosition, long preparePosition) implements AppendResult {
    }

    /** {@code currentRevision} is null when the stream does not exist. */
    record WrongExpectedVersion(Long currentRevision, Expected expected) implements AppendResult {
    }

    record StreamDeleted(String stream) implements AppendResult {
    }

    static final class InvalidPositionException extends RuntimeException {
        InvalidPositionException(long commit, long prepare) {
            super("Invalid position: C:" + commit + "/P:" + prepare + " is not the position of a record");
        }
    }

    static final class StreamDeletedException extends RuntimeException {
        final String stream;

        StreamDeletedException(String stream) {
            super("Stream '" + stream + "' is deleted");
            this.stream = stream;
        }
    }

    private static final class StreamState {
        final List<Record> records = new ArrayList<>();
        boolean softDeleted;
        boolean tombstoned;
        long deletedBefore; // revisions below this were soft-deleted
        Long maxCount;
        Long truncateBefore;

        long lastRevision() {
            return records.isEmpty() ? -1 : records.get(records.size() - 1).revision();
        }

        boolean exists() {
            return !records.isEmpty() && !softDeleted && !tombstoned;
        }

        long firstVisibleRevision() {
            long first = deletedBefore;
            if (truncateBefore != null) {
                first = Math.max(first, truncateBefore);
            }
            if (maxCount != null) {
                first = Math.max(first, lastRevision() + 1 - maxCount);
            }
            return first;
        }
    }

    private static final long RECORD_OVERHEAD = 80;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final List<Record> all = new ArrayList<>();
    private final Map<String, StreamState> streams = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private long nextPosition;

    TransactionLog(Clock clock) {
        this.clock = clock;
    }

    // ---------------------------------------------------------------- writes

    AppendResult append(String stream, Expected expected, List<Proposed> events) {
        lock.lock();
        try {
            StreamState state = streams.computeIfAbsent(stream, s -> new StreamState());
            if (state.tombstoned) {
                return new StreamDeleted(stream);
            }
            Long current = state.exists() ? Long.valueOf(state.lastRevision()) : null;
            Long idempotent = idempotentRevision(state, expected, events);
            if (idempotent != null) {
                Record last = state.records.get((int) (long) idempotent);
                return new Appended(idempotent, last.commitPosition(), last.preparePosition());
            }
            if (!satisfies(expected, current)) {
                return new WrongExpectedVersion(current, expected);
            }
            if (events.isEmpty()) {
                long last = state.lastRevision();
                return new Appended(last, nextPosition, nextPosition);
            }
            state.softDeleted = false;
            // every record of one append carries the commit position: that of its last record
            long[] prepares = new long[events.size()];
            for (int i = 0; i < events.size(); i++) {
                Proposed e = events.get(i);
                prepares[i] = nextPosition;
                nextPosition += RECORD_OVERHEAD + utf8(stream) + utf8(e.type()) + e.data().length + e.metadata().length;
            }
            long commit = prepares[prepares.length - 1];
            long revision = state.lastRevision();
            long ticks = ticksSinceEpoch(clock.instant());
            Record last = null;
            for (int i = 0; i < events.size(); i++) {
                Proposed e = events.get(i);
                revision++;
                last = new Record(commit, prepares[i], stream, revision, e.id(), e.type(), e.contentType(),
                        e.data(), e.metadata(), ticks);
                all.add(last);
                state.records.add(last);
                if (stream.startsWith("$$") && "$metadata".equals(e.type())) {
                    applyMetadata(stream.substring(2), e.data());
                }
            }
            appended.signalAll();
            return new Appended(last.revision(), last.commitPosition(), last.preparePosition());
        } finally {
            lock.unlock();
        }
    }

    private static boolean satisfies(Expected expected, Long current) {
        if (expected instanceof NoStream) {
            return current == null;
        }
        if (expected instanceof StreamExists) {
            return current != null;
        }
        if (expected instanceof Exact x) {
            return current != null && current == x.revision();
        }
        return true;
    }

    /** Repeating exactly the events written right after the expected revision succeeds without writing. */
    private static Long idempotentRevision(StreamState state, Expected expected, List<Proposed> events) {
        long from;
        if (expected instanceof NoStream) {
            from = 0;
        } else if (expected instanceof Exact x) {
            from = x.revision() + 1;
        } else {
            return null;
        }
        if (events.isEmpty() || state.records.size() < from + events.size() || state.records.size() == from) {
            return null;
        }
        for (int i = 0; i < events.size(); i++) {
            if (!state.records.get((int) from + i).id().equals(events.get(i).id())) {
                return null;
            }
        }
        return from + events.size() - 1;
    }

    private void applyMetadata(String stream, byte[] data) {
        StreamState target = streams.computeIfAbsent(stream, s -> new StreamState());
        try {
            JsonNode node = json.readTree(data);
            target.maxCount = node.hasNonNull("$maxCount") ? node.get("$maxCount").asLong() : null;
            target.truncateBefore = node.hasNonNull("$tb") ? node.get("$tb").asLong() : null;
        } catch (java.io.IOException e) {
            // a real server accepts any bytes as metadata and ignores what it cannot parse
            target.maxCount = null;
            target.truncateBefore = null;
        }
    }

    /** Soft delete: the stream reads as not found until written again; its revisions then continue. */
    AppendResult delete(String stream, Expected expected, boolean tombstone) {
        lock.lock();
        try {
            StreamState state = streams.computeIfAbsent(stream, s -> new StreamState());
            if (state.tombstoned) {
                return new StreamDeleted(stream);
            }
            Long current = state.exists() ? Long.valueOf(state.lastRevision()) : null;
            if (!satisfies(expected, current)) {
                return new WrongExpectedVersion(current, expected);
            }
            if (tombstone) {
                state.tombstoned = true;
            } else {
                state.softDeleted = true;
                state.deletedBefore = state.lastRevision() + 1;
            }
            return new Appended(state.lastRevision(), nextPosition, nextPosition);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- stream reads

    /** Null when the stream does not exist (never written, or soft-deleted). */
    List<Record> readStream(String stream, Long fromRevision, boolean forwards, long count) {
        lock.lock();
        try {
            StreamState state = streams.get(stream);
            if (state == null || state.records.isEmpty() || state.softDeleted) {
                return null;
            }
            if (state.tombstoned) {
                throw new StreamDeletedException(stream);
            }
            long first = state.firstVisibleRevision();
            long last = state.lastRevision();
            List<Record> result = new ArrayList<>();
            if (forwards) {
                long from = Math.max(first, fromRevision == null ? 0 : fromRevision);
                for (long r = from; r <= last && result.size() < count; r++) {
                    result.add(state.records.get((int) r));
                }
            } else {
                long from = fromRevision == null ? last : Math.min(last, fromRevision);
                for (long r = from; r >= first && result.size() < count; r--) {
                    result.add(state.records.get((int) r));
                }
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    long lastRevision(String stream) {
        lock.lock();
        try {
            StreamState state = streams.get(stream);
            return state == null || !state.exists() ? -1 : state.lastRevision();
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- $all

    /** Number of records in the log (the index one past the last record). */
    int size() {
        lock.lock();
        try {
            return all.size();
        } finally {
            lock.unlock();
        }
    }

    long endPosition() {
        lock.lock();
        try {
            return nextPosition;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The index of the first record at or after the given position; the position must be the start
     * (0/0), the end, or exactly that of a record.
     */
    int indexOf(long commit, long prepare) {
        lock.lock();
        try {
            if (commit == 0 && prepare == 0) {
                return 0;
            }
            if (commit == nextPosition && prepare == nextPosition) {
                return all.size();
            }
            int lo = 0;
            int hi = all.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = all.get(mid).compareTo(commit, prepare);
                if (c == 0) {
                    return mid;
                } else if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            throw new InvalidPositionException(commit, prepare);
        } finally {
            lock.unlock();
        }
    }

    /** The records from index {@code from} (inclusive), at most {@code max} of them. */
    List<Record> slice(int from, int max) {
        lock.lock();
        try {
            int to = (int) Math.min(all.size(), (long) from + max);
            return from >= to ? List.of() : new ArrayList<>(all.subList(from, to));
        } finally {
            lock.unlock();
        }
    }

    Record at(int index) {
        lock.lock();
        try {
            return all.get(index);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the log holds more than {@code knownSize} records, or the timeout passes. */
    boolean awaitSizeAbove(int knownSize, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (all.size() <= knownSize) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = appended.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    void wakeUpWaiters() {
        lock.lock();
        try {
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    static long ticksSinceEpoch(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) / 100 + instant.getNano() / 100;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}

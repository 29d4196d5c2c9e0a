package org.weiquan.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WrongExpectedVersionException;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds the token for {@link EventStoreDbStorageEngine#createTokenAt(Instant)}: the position just before
 * the first delivered event, in {@code $all} order, whose Axon timestamp is at or after the instant.
 * <p>
 * Axon timestamps are not ordered in the log (clocks of several nodes, time between creating an
 * event and committing it), so a binary search on them is wrong; and a read of {@code $all} may only
 * start at the position of a record, so there is no bisecting by position either. What is monotone
 * is the <em>running maximum</em> of the timestamps: the first event whose timestamp is at or after
 * {@code t} is exactly the first event at which the running maximum reaches {@code t}.
 * <p>
 * So the engine keeps an index stream: after every {@code interval} delivered events one entry, the
 * position of that event and the running maximum up to it. An entry's stream revision is its number,
 * so the index can be bisected reading single events. {@link #tokenAt} first brings the index up to
 * date (reading only the part of {@code $all} after the last entry; entries are appended with the
 * expected revision, so engines on several nodes share one index), then bisects it, then scans at
 * most one interval of {@code $all}. The very first call on a long existing log indexes it once;
 * every later call reads only what was appended since.
 */
final class TimestampIndex {

    static final String ENTRY_TYPE = "axon-timestamp-index-entry";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The position of the interval-th delivered event and the greatest Axon timestamp up to it. */
    record Entry(long commitPosition, long preparePosition, String maxTimestamp) {
        EventStoreDbTrackingToken token() {
            return new EventStoreDbTrackingToken(commitPosition, preparePosition);
        }

        Instant max() {
            return Instant.parse(maxTimestamp);
        }
    }

    /** A delivered event not yet covered by an entry, with the record just before it in the log. */
    private record Pending(EventStoreDbTrackingToken predecessor, Instant timestamp) {
    }

    /** The index after a catch-up: its last entry's revision, and the delivered events after that entry. */
    private record UpToDate(long lastRevision, List<Pending> unindexed) {
    }

    private final EventStoreDbStorageEngine engine;
    private final String stream;
    private final int interval;

    TimestampIndex(EventStoreDbStorageEngine engine, String stream, int interval) {
        this.engine = engine;
        this.stream = stream;
        this.interval = interval;
    }

    synchronized TrackingToken tokenAt(Instant instant) {
        UpToDate index = null;
        for (int attempt = 0; index == null; attempt++) {
            if (attempt == 10) {
                throw new EventStoreException("Could not bring the timestamp index " + stream + " up to date: it kept changing");
            }
            index = catchUp(lastRevision());
        }
        long found = firstEntryReaching(instant, index.lastRevision());
        if (found >= 0) {
            EventStoreDbTrackingToken from = found == 0 ? EventStoreDbTrackingToken.TAIL : entry(found - 1).token();
            EventStoreDbTrackingToken token = scanForPredecessor(from, instant);
            if (token != null) {
                return token;
            }
            throw new EventStoreException("Timestamp index " + stream + " entry " + found
                    + " promises an event at or after " + instant + " that is not in $all");
        }
        for (Pending pending : index.unindexed()) {
            if (!pending.timestamp().isBefore(instant)) {
                return pending.predecessor();
            }
        }
        return engine.createHeadToken();
    }

    /**
     * Appends the entries that are due since the last one. Returns the delivered events after the last
     * entry, or null if another engine appended to the index meanwhile (then start over).
     */
    private UpToDate catchUp(long lastRevision) {
        Entry last = lastRevision < 0 ? null : entry(lastRevision);
        EventStoreDbTrackingToken cursor = last == null ? EventStoreDbTrackingToken.TAIL : last.token();
        Instant runningMax = last == null ? null : last.max();
        long revision = lastRevision;
        List<Pending> pending = new ArrayList<>();
        while (true) {
            List<RecordedEvent> page = engine.readAllAfter(cursor, 512);
            if (page.isEmpty()) {
                return new UpToDate(revision, pending);
            }
            for (RecordedEvent event : page) {
                EventStoreDbTrackingToken position = EventStoreDbTrackingToken.of(event.getPosition());
                if (engine.isDelivered(event)) {
                    Instant timestamp = StoredEvents.timestamp(event);
                    runningMax = runningMax == null || timestamp.isAfter(runningMax) ? timestamp : runningMax;
                    pending.add(new Pending(cursor, timestamp));
                    if (pending.size() == interval) {
                        if (!append(revision, new Entry(position.commitPosition(), position.preparePosition(), runningMax.toString()))) {
                            return null;
                        }
                        revision++;
                        pending.clear();
                    }
                }
                cursor = position;
            }
        }
    }

    private boolean append(long expectedRevision, Entry entry) {
        byte[] data;
        try {
            data = JSON.writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StreamState expected = expectedRevision < 0 ? StreamState.noStream() : StreamState.streamRevision(expectedRevision);
        try {
            engine.await(engine.client().appendToStream(stream, AppendToStreamOptions.get().streamState(expected),
                    EventDataBuilder.json(UUID.randomUUID(), ENTRY_TYPE, data).build()));
            return true;
        } catch (WrongExpectedVersionException someoneElseIndexed) {
            return false;
        } catch (RuntimeException e) {
            throw new EventStoreException("Could not append to the timestamp index " + stream, e);
        }
    }

    /** Bisects the entries 0..last for the first whose running maximum is at or after the instant; -1 if none. */
    private long firstEntryReaching(Instant instant, long last) {
        long lo = 0;
        long hi = last;
        long found = -1;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            if (!entry(mid).max().isBefore(instant)) {
                found = mid;
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return found;
    }

    /** Scans $all after {@code from} for the first delivered event at or after the instant; returns the record before it. */
    private EventStoreDbTrackingToken scanForPredecessor(EventStoreDbTrackingToken from, Instant instant) {
        EventStoreDbTrackingToken cursor = from;
        while (true) {
            List<RecordedEvent> page = engine.readAllAfter(cursor, Math.min(512, interval + 16));
            if (page.isEmpty()) {
                return null;
            }
            for (RecordedEvent event : page) {
                if (engine.isDelivered(event) && !StoredEvents.timestamp(event).isBefore(instant)) {
                    return cursor;
                }
                cursor = EventStoreDbTrackingToken.of(event.getPosition());
            }
        }
    }

    private long lastRevision() {
        List<ResolvedEvent> last = engine.readStreamOrEmpty(stream, ReadStreamOptions.get().backwards().fromEnd().maxCount(1));
        return last.isEmpty() ? -1 : last.get(0).getOriginalEvent().getRevision();
    }

    private Entry entry(long revision) {
        List<ResolvedEvent> one = engine.readStreamOrEmpty(stream, ReadStreamOptions.get().forwards().fromRevision(revision).maxCount(1));
        if (one.isEmpty()) {
            throw new EventStoreException("Timestamp index " + stream + " has no entry " + revision);
        }
        try {
            return JSON.readValue(one.get(0).getOriginalEvent().getEventData(), Entry.class);
        } catch (IOException e) {
            throw new EventStoreException("Timestamp index " + stream + " entry " + revision + " is unreadable", e);
        }
    }
}

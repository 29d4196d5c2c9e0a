package org.weiquan.eventstore;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.kurrent.dbclient.Position;
import org.axonframework.eventhandling.TrackingToken;

import java.util.OptionalLong;

/**
 * The position of an event in EventStoreDB's global log {@code $all}: the (commit, prepare) pair the
 * server gives every record. Exclusive: a stream opened at a token starts with the first event after
 * that position, so reading from the token of the last processed event never delivers it again.
 * <p>
 * {@link #TAIL} (-1, -1) stands before the first record of the log. Positions compare as the server
 * orders them: by commit position, then by prepare position.
 */
public record EventStoreDbTrackingToken(long commitPosition, long preparePosition)
        implements TrackingToken, Comparable<EventStoreDbTrackingToken> {

    /** Before the first record of the log: tracking from here delivers every event. */
    public static final EventStoreDbTrackingToken TAIL = new EventStoreDbTrackingToken(-1, -1);

    @JsonCreator
    public EventStoreDbTrackingToken(@JsonProperty("commitPosition") long commitPosition,
                                     @JsonProperty("preparePosition") long preparePosition) {
        if (commitPosition < -1 || preparePosition < -1) {
            throw new IllegalArgumentException("a position is -1 (tail) or not negative");
        }
        this.commitPosition = commitPosition;
        this.preparePosition = preparePosition;
    }

    static EventStoreDbTrackingToken of(Position position) {
        return new EventStoreDbTrackingToken(position.getCommitUnsigned(), position.getPrepareUnsigned());
    }

    boolean atTail() {
        return commitPosition < 0;
    }

    Position toPosition() {
        if (atTail()) {
            throw new IllegalStateException("the tail token has no position in the log");
        }
        return new Position(commitPosition, preparePosition);
    }

    @Override
    public int compareTo(EventStoreDbTrackingToken other) {
        int c = Long.compare(commitPosition, other.commitPosition);
        return c != 0 ? c : Long.compare(preparePosition, other.preparePosition);
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        EventStoreDbTrackingToken o = cast(other);
        return compareTo(o) <= 0 ? this : o;
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        EventStoreDbTrackingToken o = cast(other);
        return compareTo(o) >= 0 ? this : o;
    }

    @Override
    public boolean covers(TrackingToken other) {
        return other == null || compareTo(cast(other)) >= 0;
    }

    @Override
    public OptionalLong position() {
        return OptionalLong.of(commitPosition);
    }

    private static EventStoreDbTrackingToken cast(TrackingToken other) {
        if (other instanceof EventStoreDbTrackingToken token) {
            return token;
        }
        throw new IllegalArgumentException("Incompatible token type: " + (other == null ? null : other.getClass()));
    }

    @Override
    public String toString() {
        return atTail() ? "EventStoreDbTrackingToken{tail}"
                : "EventStoreDbTrackingToken{C:" + commitPosition + "/P:" + preparePosition + "}";
    }
}

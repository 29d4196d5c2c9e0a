package org.weiquan.app.casefile;

import org.axonframework.eventhandling.DomainEventMessage;
import org.weiquan.api.common.CaseLinkedEvent;

import java.time.Instant;
import java.util.List;

/** Feeds a case's events, in order, to a read-model view: the point-in-time fold of every kind. */
public final class EventFold {
    private EventFold() {
    }

    /** Applies one event of the kind's own type to the view. */
    public interface Apply<E> {
        void apply(E event, long sequence, Instant at);
    }

    public static <E> void fold(List<? extends DomainEventMessage<?>> events, Class<E> kindEvents, Apply<E> apply,
                                Apply<CaseLinkedEvent> link) {
        for (DomainEventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (kindEvents.isInstance(payload)) {
                apply.apply(kindEvents.cast(payload), event.getSequenceNumber(), event.getTimestamp());
            } else if (payload instanceof CaseLinkedEvent linked) {
                link.apply(linked, event.getSequenceNumber(), event.getTimestamp());
            }
        }
    }
}

package org.weiquan.query.cases;

import org.axonframework.eventhandling.DomainEventMessage;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.query.support.BatchedViews;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How one case kind's events reach its view: what a kind writes so that the list and detail tables
 * ({@link CaseListTable}, {@link CaseDetailTable}) keep its read models. Its tables are named after
 * {@code tablePrefix}: {@code <prefix>_list} and {@code <prefix>_detail}, keyed by {@code idColumn}.
 *
 * @param <V> the kind's view
 * @param <E> the kind's event type (its sealed interface)
 */
public record ViewMapping<V extends CaseView<?>, E>(CaseKind kind, String tablePrefix, String idColumn,
                                                 Class<V> viewType, Supplier<V> blank, Class<E> eventType,
                                                 Function<E, String> caseIdOf, Evolve<V, E> evolve) {

    /** Applies one event to a view; false when it was applied already. */
    @FunctionalInterface
    public interface Evolve<V, E> {
        boolean apply(V view, E event, long sequence, Instant at);
    }

    /** Applies a kind's event to the view of its case, among the batch's views. */
    void applyTo(BatchedViews<V> views, E event, long sequence, Instant at) {
        views.update(caseIdOf.apply(event), view -> evolve.apply(view, event, sequence, at));
    }

    /**
     * The view of a case after {@code events} (its own, in order, from the first): the fold the
     * kind's projections apply, for the case as it stood at an instant.
     */
    public V fold(List<? extends DomainEventMessage<?>> events) {
        V view = blank.get();
        for (DomainEventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (eventType.isInstance(payload)) {
                evolve.apply(view, eventType.cast(payload), event.getSequenceNumber(), event.getTimestamp());
            } else if (payload instanceof CaseLinkedEvent linked) {
                view.link(linked, event.getSequenceNumber(), event.getTimestamp());
            }
        }
        return view;
    }

    /** The case an event message's payload belongs to, when it is an event of this kind. */
    String caseOf(Object payload) {
        return eventType.isInstance(payload) ? caseIdOf.apply(eventType.cast(payload)) : null;
    }
}

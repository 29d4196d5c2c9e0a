package org.weiquan.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchedViewsTest {

    /** A view: the events applied to a case, in order. */
    static final class Notes {
        final List<String> applied = new ArrayList<>();

        Notes copy() {
            Notes copy = new Notes();
            copy.applied.addAll(applied);
            return copy;
        }
    }

    /** Rows in a map, counting the statements a database would run. */
    static final class CountingRows implements BatchedViews.Rows<Notes> {
        final Map<String, Notes> table = new HashMap<>();
        final List<Collection<String>> loads = new ArrayList<>();
        final List<Collection<String>> versionReads = new ArrayList<>();
        final List<String> inserted = new ArrayList<>();
        final List<String> updated = new ArrayList<>();

        @Override
        public Map<String, Notes> load(Collection<String> ids) {
            loads.add(List.copyOf(ids));
            Map<String, Notes> found = new HashMap<>();
            ids.forEach(id -> {
                if (table.containsKey(id)) found.put(id, table.get(id).copy());
            });
            return found;
        }

        @Override
        public Map<String, Long> versions(Collection<String> ids) {
            versionReads.add(List.copyOf(ids));
            Map<String, Long> found = new HashMap<>();
            ids.forEach(id -> {
                if (table.containsKey(id)) found.put(id, versionOf(table.get(id)));
            });
            return found;
        }

        @Override
        public long versionOf(Notes view) {
            return view.applied.size();
        }

        @Override
        public void insert(List<Map.Entry<String, Notes>> views) {
            views.forEach(view -> {
                assertThat(table).doesNotContainKey(view.getKey());
                table.put(view.getKey(), view.getValue().copy());
                inserted.add(view.getKey());
            });
        }

        @Override
        public void update(List<Map.Entry<String, Notes>> views) {
            views.forEach(view -> {
                assertThat(table).containsKey(view.getKey());
                table.put(view.getKey(), view.getValue().copy());
                updated.add(view.getKey());
            });
        }
    }

    /** Each event is "case:note"; a note "poison" throws after it has half-changed the view. */
    private static final String POISON = "poison";

    private final CountingRows rows = new CountingRows();
    private final BatchedViews<Notes> views = new BatchedViews<>("test", rows, Notes::new,
            message -> caseOf((String) message.getPayload()));

    private static String caseOf(String event) {
        return event.substring(0, event.indexOf(':'));
    }

    private static Predicate<Notes> note(String event) {
        String note = event.substring(event.indexOf(':') + 1);
        return view -> {
            if (view.applied.contains(note)) return false; // already applied: a redelivery
            view.applied.add(note);
            if (note.equals(POISON)) throw new IllegalStateException("cannot apply " + event);
            return true;
        };
    }

    /** Handles the events as one batch of a processor, a throwing handler's event parked like the DLQ does. */
    private List<String> handleBatch(String... events) {
        List<String> parked = new ArrayList<>();
        List<EventMessage<?>> messages = new ArrayList<>();
        for (String event : events) messages.add(GenericEventMessage.asEventMessage(event));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.execute(() -> {
            String event = (String) CurrentUnitOfWork.get().getMessage().getPayload();
            try {
                views.update(caseOf(event), note(event));
            } catch (IllegalStateException e) {
                parked.add(event);
            }
        });
        return parked;
    }

    @Test
    void the_rows_of_every_case_in_the_batch_are_read_with_one_load_and_each_case_is_written_once() {
        rows.table.put("b", new Notes());
        rows.table.get("b").applied.add("filed");

        handleBatch("a:filed", "b:accepted", "a:accepted", "a:mediator", "c:filed");

        assertThat(rows.versionReads).containsExactly(List.of("a", "b", "c"));
        assertThat(rows.loads).as("only the stored row is parsed").containsExactly(List.of("b"));
        assertThat(rows.inserted).containsExactlyInAnyOrder("a", "c");
        assertThat(rows.updated).containsExactly("b");
        assertThat(rows.table.get("a").applied).containsExactly("filed", "accepted", "mediator");
        assertThat(rows.table.get("b").applied).containsExactly("filed", "accepted");
    }

    @Test
    void nothing_is_written_when_no_event_of_the_batch_changes_a_view() {
        handleBatch("a:filed");
        rows.inserted.clear();

        handleBatch("a:filed");

        assertThat(rows.inserted).isEmpty();
        assertThat(rows.updated).isEmpty();
    }

    @Test
    void a_throwing_handler_leaves_no_trace_and_the_batch_earlier_and_later_changes_are_kept() {
        rows.table.put("b", new Notes());
        rows.table.get("b").applied.add("filed");

        List<String> parked = handleBatch("a:filed", "a:accepted", "a:poison", "b:poison", "c:filed", "b:closed");

        assertThat(parked).containsExactly("a:poison", "b:poison");
        assertThat(rows.table.get("a").applied).containsExactly("filed", "accepted");
        assertThat(rows.table.get("b").applied).as("stored row restored, then a later event of the batch")
                .containsExactly("filed", "closed");
        assertThat(rows.table.get("c").applied).containsExactly("filed");
    }

    @Test
    void a_batch_that_rolls_back_writes_nothing() {
        List<EventMessage<?>> messages = List.of(GenericEventMessage.asEventMessage("a:filed"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);

        assertThatThrownBy(() -> batch.execute(() -> {
            views.update("a", note("a:filed"));
            throw new IllegalStateException("the transaction fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rows.table).isEmpty();
    }

    @Test
    void outside_a_unit_of_work_every_change_is_written_at_once() {
        views.update("a", note("a:filed"));
        views.update("a", note("a:accepted"));

        assertThat(rows.inserted).containsExactly("a");
        assertThat(rows.updated).containsExactly("a");
        assertThat(rows.table.get("a").applied).containsExactly("filed", "accepted");
    }

    @Test
    void a_view_this_projection_wrote_is_used_again_without_reading_its_row_while_the_row_has_its_version() {
        handleBatch("a:filed", "b:filed");
        rows.loads.clear();

        handleBatch("a:accepted", "b:accepted");
        assertThat(rows.loads).as("both views kept from the last batch").isEmpty();

        rows.table.get("b").applied.add("changed elsewhere"); // another instance, or a rolled-back batch
        handleBatch("a:closed", "b:closed");
        assertThat(rows.loads).containsExactly(List.of("b"));
        assertThat(rows.table.get("b").applied).containsExactly("filed", "accepted", "changed elsewhere", "closed");
        assertThat(rows.table.get("a").applied).containsExactly("filed", "accepted", "closed");
    }

    @Test
    void the_half_changed_view_of_a_throwing_handler_is_never_used_again() {
        handleBatch("a:filed");
        assertThat(handleBatch("a:poison")).containsExactly("a:poison");

        handleBatch("a:accepted");

        assertThat(rows.table.get("a").applied).containsExactly("filed", "accepted");
    }
}

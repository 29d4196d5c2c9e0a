package org.weiquan.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The views (one JSON document per case) that one batch of events changes, kept in memory while the
 * batch is handled and written once, with JDBC batch statements, when its transaction commits.
 * <p>
 * Per event, a projection used to select the case's row, parse it, apply the event, serialise it
 * and write it back: on a replay that read-modify-write was nine tenths of the cost. Here the rows
 * of every case of the batch are read with one query when the batch starts, and a case that several
 * events of the batch change is written once. The rows commit with the processor's token, in the
 * same transaction, as before.
 * <p>
 * A handler that throws leaves no trace: the case's view is rebuilt from its stored row and the
 * batch's earlier changes, so the dead-letter queue parks the event and the view is written without
 * it. Outside a unit of work (tests calling a handler directly) every change is written at once.
 *
 * @param <V> the view type
 */
public final class BatchedViews<V> {

    /** How the views are stored: the projection's own SQL. */
    public interface Rows<V> {
        /** The stored views of these cases (absent ones are missing from the map). */
        Map<String, V> load(Collection<String> ids);

        /** The version (last applied sequence number) of each stored view: cheaper to read than the views. */
        Map<String, Long> versions(Collection<String> ids);

        /** The version of a view in memory, comparable with {@link #versions}. */
        long versionOf(V view);

        void insert(List<Map.Entry<String, V>> views);

        void update(List<Map.Entry<String, V>> views);
    }

    private static final int IDS_PER_QUERY = 500;
    private static final int RECENT_VIEWS = 4096;

    private final String resourceKey;
    private final Rows<V> rows;
    private final Supplier<V> blank;
    private final Function<EventMessage<?>, String> caseOf;
    /**
     * Views this projection wrote last, by case: a batch takes them out and puts them back once they
     * are written, and uses one only when the stored row has the same version, so a view changed by a
     * batch that then rolled back, or by another instance, is read again. It saves the parse of the
     * rows the processor itself has just written (cases advance side by side across batches).
     */
    private final Map<String, V> recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > RECENT_VIEWS;
        }
    });

    /**
     * @param name   unique per projection (names the batch's resource in the unit of work)
     * @param caseOf the case whose view an event changes, or {@code null}: used to read the batch's rows at once
     */
    public BatchedViews(String name, Rows<V> rows, Supplier<V> blank, Function<EventMessage<?>, String> caseOf) {
        this.resourceKey = BatchedViews.class.getName() + ":" + name;
        this.rows = rows;
        this.blank = blank;
        this.caseOf = caseOf;
    }

    /** Applies {@code change} to the case's view; it answers whether the view changed. */
    public void update(String id, Predicate<V> change) {
        Batch batch = BatchResources.current(resourceKey, Batch::new, Batch::flush);
        if (batch == null) {
            writeAlone(id, change);
        } else {
            batch.update(id, change);
        }
    }

    private V loadOne(String id) {
        return rows.load(List.of(id)).get(id);
    }

    /** Every stored view of these ids, in chunks the database accepts in one IN list. */
    private Map<String, V> loadAll(Collection<String> ids) {
        return inChunks(ids, rows::load);
    }

    private static <T> Map<String, T> inChunks(Collection<String> ids, Function<List<String>, Map<String, T>> query) {
        Map<String, T> found = new HashMap<>();
        List<String> chunk = new ArrayList<>(Math.min(ids.size(), IDS_PER_QUERY));
        for (String id : ids) {
            chunk.add(id);
            if (chunk.size() == IDS_PER_QUERY) {
                found.putAll(query.apply(chunk));
                chunk.clear();
            }
        }
        if (!chunk.isEmpty()) found.putAll(query.apply(chunk));
        return found;
    }

    private void writeAlone(String id, Predicate<V> change) {
        V stored = loadOne(id);
        V view = stored == null ? blank.get() : stored;
        if (!change.test(view)) return;
        if (stored == null) {
            rows.insert(List.of(Map.entry(id, view)));
        } else {
            rows.update(List.of(Map.entry(id, view)));
        }
    }

    private final class Entry {
        final boolean stored;
        V view;
        boolean dirty;
        final List<Predicate<V>> applied = new ArrayList<>(2);

        Entry(V storedView) {
            this.stored = storedView != null;
            this.view = stored ? storedView : blank.get();
        }
    }

    private final class Batch {
        private final Map<String, Entry> entries = new LinkedHashMap<>();
        private boolean prefetched;

        void update(String id, Predicate<V> change) {
            if (!prefetched) prefetch();
            Entry entry = entries.computeIfAbsent(id, missing -> new Entry(loadOne(missing)));
            boolean changed;
            try {
                changed = change.test(entry.view);
            } catch (RuntimeException | Error failure) {
                restore(id, entry);
                throw failure;
            }
            if (changed) {
                entry.dirty = true;
                entry.applied.add(change);
            }
        }

        /**
         * The views of every case the batch's events concern: one query for their versions, the
         * recent views whose version matches, and one query for the others.
         */
        private void prefetch() {
            prefetched = true;
            if (!(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batching)) return;
            Set<String> ids = new LinkedHashSet<>();
            for (var message : batching.getMessages()) {
                if (message instanceof EventMessage<?> event) {
                    String id = caseOf.apply(event);
                    if (id != null && !entries.containsKey(id)) ids.add(id);
                }
            }
            if (ids.isEmpty()) return;
            Map<String, Long> versions = inChunks(ids, rows::versions);
            List<String> toRead = new ArrayList<>();
            for (String id : ids) {
                Long stored = versions.get(id);
                V kept = recent.remove(id);
                if (stored == null) {
                    entries.put(id, new Entry(null));
                } else if (kept != null && rows.versionOf(kept) == stored) {
                    entries.put(id, new Entry(kept));
                } else {
                    toRead.add(id);
                }
            }
            Map<String, V> read = loadAll(toRead);
            for (String id : toRead) entries.put(id, new Entry(read.get(id)));
        }

        /** The view as it was before the failed change: stored row plus the batch's earlier changes. */
        private void restore(String id, Entry entry) {
            recent.remove(id);
            V view = entry.stored ? Objects.requireNonNull(loadOne(id), id) : blank.get();
            for (Predicate<V> earlier : entry.applied) earlier.test(view);
            entry.view = view;
        }

        void flush() {
            List<Map.Entry<String, V>> inserts = new ArrayList<>();
            List<Map.Entry<String, V>> updates = new ArrayList<>();
            entries.forEach((id, entry) -> {
                if (!entry.dirty) return;
                (entry.stored ? updates : inserts).add(Map.entry(id, entry.view));
            });
            if (!inserts.isEmpty()) rows.insert(inserts);
            if (!updates.isEmpty()) rows.update(updates);
            entries.forEach((id, entry) -> {
                if (entry.stored || entry.dirty) recent.put(id, entry.view);
            });
            entries.clear();
        }
    }
}

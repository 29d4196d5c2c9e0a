package org.weiquan.app.casefile;

import org.junit.jupiter.api.Test;
import org.weiquan.api.query.HistoryEntry;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole history read page by page for its CSV: every event once, in order, whatever the page size. */
class HistoryPagesTest {
    private static final List<HistoryEntry> HISTORY = LongStream.range(0, 7).mapToObj(HistoryPagesTest::entry).toList();

    @Test
    void a_history_longer_than_a_page_is_read_in_pages_each_event_once_in_order() throws IOException {
        for (int size : new int[]{1, 2, 3, 6, 7, 8, 500}) {
            List<Long> written = new ArrayList<>();
            List<Integer> pages = new ArrayList<>();
            CaseController.inPages(-1, size, HistoryPagesTest::read,
                    page -> { pages.add(page.size()); page.forEach(e -> written.add(e.sequence())); });

            assertThat(written).as("page size %d", size).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(pages.subList(0, pages.size() - 1)).as("page size %d", size).allMatch(n -> n == size);
            assertThat(pages.get(pages.size() - 1)).as("the last page is short, or empty").isLessThan(size);
        }
    }

    @Test
    void reading_starts_after_the_sequence_asked_for() throws IOException {
        List<Long> written = new ArrayList<>();
        CaseController.inPages(4, 2, HistoryPagesTest::read, page -> page.forEach(e -> written.add(e.sequence())));

        assertThat(written).containsExactly(5L, 6L);
    }

    /** As the history query answers: at most {@code limit} events after sequence {@code after}. */
    private static List<HistoryEntry> read(long after, int limit) {
        return HISTORY.stream().filter(e -> e.sequence() > after).limit(limit).toList();
    }

    private static HistoryEntry entry(long sequence) {
        return new HistoryEntry(sequence, "e" + sequence, "labour-dispute.filed", Instant.EPOCH, "officer.li", "OFFICER",
                "szftu/gusu", null, null, null, "", "", Map.of(), Map.of());
    }
}

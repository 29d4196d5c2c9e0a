package org.weiquan.query.cases;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.weiquan.api.common.CaseLinkedEvent;

import java.time.Instant;

/**
 * What every kind's detail projection handles the same way: the links made from its cases, and
 * the reset before a replay. A kind's projection (its own processing group) adds the handler of its
 * events and its query; Axon finds the handlers declared here as its own.
 *
 * @param <V> the kind's view
 * @param <E> the kind's event type
 */
public abstract class CaseDetailProjection<V extends CaseView<?>, E> {
    protected final CaseDetailTable<V, E> table;

    protected CaseDetailProjection(JdbcTemplate jdbc, String processingGroup, ViewMapping<V, E> mapping) {
        this.table = new CaseDetailTable<>(jdbc, processingGroup, mapping);
    }

    @EventHandler
    public void on(CaseLinkedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        table.on(event, sequence, at);
    }

    @ResetHandler
    public void reset() {
        table.reset();
    }
}

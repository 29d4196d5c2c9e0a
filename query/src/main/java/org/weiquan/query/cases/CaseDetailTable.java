package org.weiquan.query.cases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.query.support.BatchedViews;
import org.weiquan.query.support.JdbcViewRows;
import org.weiquan.query.support.ReadModelJson;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A kind's detail table ({@code <prefix>_detail}): the whole current state of each case as one JSON
 * document, with the links made to it. Its projection handles the kind's events and links with
 * {@link #on} and answers with {@link #find}.
 *
 * @param <V> the kind's view
 * @param <E> the kind's event type
 */
public final class CaseDetailTable<V extends CaseView<?>, E> {
    private final JdbcTemplate jdbc;
    private final ViewMapping<V, E> mapping;
    private final String table;
    private final BatchedViews<V> views;

    public CaseDetailTable(JdbcTemplate jdbc, String processingGroup, ViewMapping<V, E> mapping) {
        this.jdbc = jdbc;
        this.mapping = mapping;
        this.table = mapping.tablePrefix() + "_detail";
        JdbcViewRows<V> rows = JdbcViewRows.table(jdbc, table, mapping.idColumn(), "document", mapping.viewType())
                .column("case_number", view -> view.caseNumber)
                .column("last_sequence", view -> view.version)
                .build();
        this.views = new BatchedViews<>(processingGroup, rows, mapping.blank(), message -> caseOf(message.getPayload()));
    }

    public void on(E event, long sequence, Instant at) {
        mapping.applyTo(views, event, sequence, at);
    }

    /** A link made from a case of this kind; links from other kinds' cases are theirs. */
    public void on(CaseLinkedEvent event, long sequence, Instant at) {
        if (event.kind() == mapping.kind()) {
            views.update(event.caseId(), view -> view.link(event, sequence, at));
        }
    }

    /** The case whose detail an event changes, or {@code null}. */
    private String caseOf(Object payload) {
        if (payload instanceof CaseLinkedEvent link) return link.kind() == mapping.kind() ? link.caseId() : null;
        return mapping.caseOf(payload);
    }

    public void reset() {
        jdbc.update("DELETE FROM " + table);
    }

    /** The case's view, or empty when the read model knows no case with this id. */
    public Optional<V> find(String caseId) {
        List<String> stored = jdbc.queryForList("SELECT document FROM " + table + " WHERE " + mapping.idColumn() + " = ?",
                String.class, caseId);
        return stored.stream().findFirst().map(json -> ReadModelJson.read(json, mapping.viewType()));
    }
}

package org.weiquan.app.casefile;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.query.CaseHistoryQuery;
import org.weiquan.api.query.HistoryEntry;
import org.weiquan.app.security.WeiquanUser;
import org.weiquan.app.web.ETags;
import org.weiquan.app.web.ProjectionLag;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.ToLongFunction;

/** The reads every kind answers the same way over HTTP: a case's detail and its history. */
@Component
public class CaseReads {
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(5);

    private final QueryGateway queries;
    private final CaseAccess access;

    public CaseReads(QueryGateway queries, CaseAccess access) {
        this.queries = queries;
        this.access = access;
    }

    /**
     * The detail of a case the user may see, with its version as ETag. The registry knows the case,
     * so a detail still missing is one the projection has not reached yet: it is waited for briefly.
     */
    public <D> ResponseEntity<D> detail(UUID id, CaseKind kind, WeiquanUser user, Object findQuery, Class<D> type,
                                        ToLongFunction<D> version) {
        access.visibleCase(id.toString(), kind, user);
        D detail = ProjectionLag.await(() -> queries.query(findQuery, ResponseTypes.instanceOf(type)).join(),
                PROJECTION_WAIT);
        if (detail == null) throw new CaseNotFoundException(id.toString());
        return ResponseEntity.ok().eTag(ETags.of(version.applyAsLong(detail))).body(detail);
    }

    /** Every event of a case the user may see, in order. */
    public List<HistoryEntry> history(UUID id, CaseKind kind, WeiquanUser user) {
        access.visibleCase(id.toString(), kind, user);
        return history(id);
    }

    /** Every event of a case, in order, for a caller that has decided who may see it. */
    public List<HistoryEntry> history(UUID id) {
        return queries.query(new CaseHistoryQuery(id.toString()), ResponseTypes.multipleInstancesOf(HistoryEntry.class))
                .join();
    }
}

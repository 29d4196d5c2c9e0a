package org.weiquan.app.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.weiquan.api.query.CaseListQuery;
import org.weiquan.api.query.CasePage;
import org.weiquan.api.query.CaseSummary;
import org.weiquan.api.query.HistoryEntry;
import org.weiquan.app.casefile.CaseReads;
import org.weiquan.app.casefile.RegisteredCase;
import org.weiquan.app.security.WeiquanUser;
import org.weiquan.app.web.ProjectionLag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the case pages read of a case besides its registry row, and the short wait after a command
 * so that the page shown next already has the new step.
 */
@Component
public class CaseReadSide {
    /** How long a done command waits for the case's history and list row to show it. */
    private static final Duration PATIENCE = Duration.ofSeconds(3);
    private final CaseReads reads;
    private final QueryGateway queries;

    public CaseReadSide(CaseReads reads, QueryGateway queries) {
        this.reads = reads;
        this.queries = queries;
    }

    /** The case's row of the case list, or null while the list has not reached it. */
    public CaseSummary summaryOf(RegisteredCase found, WeiquanUser user) {
        CasePage page = queries.query(new CaseListQuery(user.organisation(), found.kind(), null, null, null, null, null,
                found.caseNumber(), 0, 20, true), ResponseTypes.instanceOf(CasePage.class)).join();
        return page.items().stream().filter(item -> item.caseId().equals(found.caseId())).findFirst().orElse(null);
    }

    public List<HistoryEntry> history(RegisteredCase found) {
        return reads.history(UUID.fromString(found.caseId()));
    }

    /** The case's version as its history shows it: the sequence number of its latest event. */
    public static long versionOf(List<HistoryEntry> history) {
        return history.isEmpty() ? -1 : history.get(history.size() - 1).sequence();
    }

    /**
     * Waits (at most a few seconds) until the history has reached {@code version} (any event, when
     * null) and the case list's row shows that change; the page shows both.
     */
    public void awaitShown(RegisteredCase found, WeiquanUser user, Long version) {
        long wanted = version == null ? 0 : version;
        List<HistoryEntry> history = ProjectionLag.await(() -> {
            List<HistoryEntry> entries = history(found);
            return versionOf(entries) >= wanted ? entries : null;
        }, PATIENCE);
        if (history == null) return;
        Instant changedAt = history.get(history.size() - 1).occurredAt();
        ProjectionLag.await(() -> {
            CaseSummary row = summaryOf(found, user);
            return row != null && row.lastChangedAt() != null && !row.lastChangedAt().isBefore(changedAt) ? row : null;
        }, PATIENCE);
    }
}

package org.weiquan.app.casefile;

import org.axonframework.eventhandling.DomainEventMessage;
import org.weiquan.api.common.CaseAction;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.app.security.WeiquanUser;
import org.weiquan.query.cases.ViewMapping;

import java.util.List;

/**
 * What each case kind contributes to the shared case machinery: its stable event types and its own
 * link command (Axon routes a command type to one aggregate type, so each kind has its own).
 * Every kind provides one bean of this type.
 */
public interface CaseKindSupport {
    CaseKind kind();

    /** Where the kind's cases live in the API, e.g. {@code /api/disputes}. */
    String apiPath();

    /** The kind's transitions and the statuses each is allowed in (its {@code XAction} table). */
    List<? extends CaseAction<?>> actions();

    /** How the kind's events reach its read-side view (its {@code XView.MAPPING}). */
    ViewMapping<?, ?> views();

    /** The sealed event interface of the kind's aggregate. */
    default Class<?>[] eventTypes() {
        return new Class<?>[]{views().eventType()};
    }

    /**
     * The case's detail as it stood after {@code events} (its own events, in order, from the first):
     * the same fold the kind's detail projection applies. Point-in-time views use it.
     */
    default Object detailAfter(List<? extends DomainEventMessage<?>> events) {
        return views().fold(events).toDetail();
    }

    /**
     * Refuses {@code user} the case's full history (and its states at past instants), which show every
     * event in full, when the kind's rules say so (a petition's accused party, §30). Visibility by
     * organisation is already checked.
     */
    default void requireHistoryVisible(String caseId, WeiquanUser user) {
        // most kinds show their history to everyone who may see the case
    }

    /** The command that records, on the case {@code caseId} of this kind, a link to another case. */
    Object linkCommand(String caseId, String linkedCaseId, CaseKind linkedKind, String linkedCaseNumber,
                       LinkRelation relation, String note);

    /**
     * The command that flags, on the new case {@code caseId} of this kind, an open case of the same
     * kind in an organisation its officer may not see.
     */
    Object flagDuplicateElsewhereCommand(String caseId, String otherCaseId);
}

package org.weiquan.command.common;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.weiquan.api.common.CaseAction;
import org.weiquan.api.common.CaseCommands.FlagDuplicateElsewhere;
import org.weiquan.api.common.CaseCommands.LinkCase;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.CaseStatus;
import org.weiquan.api.common.IllegalTransitionException;

/**
 * The life every case shares, whatever its kind: its number and status, the status guard of its
 * transitions, the version it answers with, the cases it is linked to and those flagged as its
 * duplicates elsewhere, and the cancelling of its deadlines. A kind's aggregate extends it and adds
 * its own decisions; its event sourcing handlers set {@link #caseNumber} and {@link #status}.
 * Axon finds the handlers of the shared {@link CaseRelations} member here as the kind's own, and
 * the fields here are part of the kind's snapshot under the same names as before.
 *
 * @param <S> the kind's status
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public abstract class CaseAggregate<S extends Enum<S> & CaseStatus> {
    protected CaseNumber caseNumber;
    protected S status;
    /** The cases this one is linked to, and those elsewhere flagged as its possible duplicates. */
    @AggregateMember
    private final CaseRelations relations = new CaseRelations();

    /** The kind's data rules, with its error-code prefix. */
    protected abstract CaseRules rules();

    protected abstract CaseKind kind();

    /** The case's id, as its events carry it. */
    protected abstract String caseId();

    /** The aggregate's version after the command: the client's next ETag. */
    protected static long version() {
        return AggregateLifecycle.getVersion();
    }

    /**
     * Refuses {@code action} (409 {@code <kind>.illegal-transition}) unless the case's status is one
     * its table allows it in; the case page offers actions from the same table.
     */
    protected final void requireAllowed(CaseAction<S> action) {
        if (!action.allowedIn(status)) {
            throw new IllegalTransitionException(rules().code("illegal-transition"),
                    "cannot " + action.description() + ": " + caseNumber + " is " + status);
        }
    }

    /** Links this case to another: not to itself, not twice. */
    protected final long link(LinkCase command) {
        AggregateLifecycle.apply(relations.link(rules(), caseId(), kind(), caseNumber, command));
        return version();
    }

    /** Flags a possible duplicate in another organisation; a flag already made is not made twice. */
    protected final long flagDuplicateElsewhere(FlagDuplicateElsewhere command) {
        relations.flagDuplicateElsewhere(rules(), caseId(), kind(), command).ifPresent(AggregateLifecycle::apply);
        return version();
    }

    /** Cancels every deadline of these names (a case closing cancels all it has). */
    protected static void cancel(DeadlineManager deadlines, String... names) {
        for (String name : names) {
            deadlines.cancelAllWithinScope(name);
        }
    }
}

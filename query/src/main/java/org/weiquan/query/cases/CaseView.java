package org.weiquan.query.cases;

import org.weiquan.api.common.CaseLink;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.CaseStatus;
import org.weiquan.api.common.Employer;
import org.weiquan.query.support.SearchText;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the read side keeps of every case, whatever its kind: its number, organisation, district,
 * employer and links, the version (the last event applied) and when it last changed, and the
 * columns every kind's list row has. A kind's view adds its own state and decides its status,
 * deadlines and parties. A plain mutable bean so that it round-trips through JSON; its method names
 * are not bean getters, so that they are not written into the JSON.
 *
 * @param <S> the kind's status
 */
public abstract class CaseView<S extends Enum<S> & CaseStatus> {
    public String caseNumber;
    public S status;
    public long version = -1;
    public String organisation;
    public String district;
    public Employer employer;
    public List<CaseLink> links = new ArrayList<>();
    public Instant lastChangedAt;

    /**
     * Makes {@code change} unless the event with aggregate sequence {@code sequence} was applied
     * already: false, changing nothing, for such an event, so that projections are idempotent under
     * redelivery.
     */
    protected final boolean once(long sequence, Instant at, Runnable change) {
        if (sequence <= version) return false;
        change.run();
        version = sequence;
        lastChangedAt = at;
        return true;
    }

    /** Records a link to another case; same idempotency as every other event. */
    public final boolean link(CaseLinkedEvent event, long sequence, Instant at) {
        return once(sequence, at, () -> links.add(new CaseLink(event.linkedCaseId(), event.linkedKind(),
                event.linkedCaseNumber(), event.relation(), event.note())));
    }

    /** The case's id, as its events carry it. */
    public abstract String caseId();

    public final String statusName() {
        return status.name();
    }

    public final boolean open() {
        return status.isOpen();
    }

    /** The person the case's list is filtered by as its officer (the kind's officer in charge). */
    public abstract String officer();

    /** The date the case counts from (applied, found, received), by which lists are sorted. */
    public abstract LocalDate openedOn();

    /** The lead party's name, masked; none where the kind names no party or must not. */
    public abstract String partyMasked();

    /** A deadline the current stage runs against has passed and the stage is not done. */
    public abstract boolean overdue();

    /** The deadline the current stage runs against, if any. */
    public abstract LocalDate nextDeadline();

    /** The kind's detail record: the whole current state, as its detail query answers it. */
    public abstract Object toDetail();

    /** What the case list's free-text search looks in, normalised. */
    public abstract String searchText();

    /**
     * The search text every kind builds the same way: the case number, the parties' names, the
     * employer's name and credit code, then the kind's own text (nulls left out).
     */
    protected final String searchText(Collection<String> partyNames, String... ownText) {
        StringBuilder text = new StringBuilder(caseNumber);
        partyNames.forEach(name -> text.append(' ').append(name));
        if (employer != null) {
            text.append(' ').append(employer.name());
            if (employer.creditCode() != null) text.append(' ').append(employer.creditCode());
        }
        for (String own : ownText) {
            if (own != null) text.append(' ').append(own);
        }
        return SearchText.normalise(text.toString());
    }

    protected final String employerName() {
        return employer == null ? null : employer.name();
    }

    protected final String creditCode() {
        return employer == null ? null : employer.creditCode();
    }
}

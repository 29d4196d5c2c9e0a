package org.weiquan.api.common;

/**
 * What some events of every kind say about the case as a whole: that it is closed now, or open
 * again. The command side keeps whether each case is open from these alone (the duplicate check at
 * intake asks it), so an event that closes or reopens a case must say so.
 */
public final class CaseLifecycle {
    private CaseLifecycle() {
    }

    /** After this event its case is closed. */
    public interface Closes {
    }

    /** This event opens its closed case again (a review or re-examination asked for after closure). */
    public interface Reopens {
    }
}

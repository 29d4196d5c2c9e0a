package org.weiquan.api.common;

/**
 * What the commands every kind has in common say, whatever the kind: each kind keeps its own command
 * records (Axon routes a command type to one aggregate type), and they implement these so that the
 * rules behind them are written once.
 */
public final class CaseCommands {
    private CaseCommands() {
    }

    /** Links a case to another case (the application records the other side too). */
    public interface LinkCase {
        String linkedCaseId();

        CaseKind linkedKind();

        String linkedCaseNumber();

        LinkRelation relation();

        String note();
    }

    /** Flags an open case in an organisation the filing officer may not see as a possible duplicate. */
    public interface FlagDuplicateElsewhere {
        String otherCaseId();

        CaseKind otherKind();
    }
}

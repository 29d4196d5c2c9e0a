package org.weiquan.api.common;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * One transition of a kind's cases and the statuses in which it may be taken. The kind's aggregate
 * refuses it in any other status (409 {@code <kind>.illegal-transition}, or the kind's own code) and
 * may refuse it on its other rules too; the case page offers only the actions its status allows,
 * from the same table, so the rule is written once.
 *
 * @param <S> the kind's status
 */
public interface CaseAction<S extends Enum<S> & CaseStatus> {
    String name();

    /** What the action does, in English, as a refusal says it: "cannot {@code accept}: …". */
    String description();

    /** The statuses in which the action may be taken. */
    Set<S> allowedIn();

    default boolean allowedIn(S status) {
        return status != null && allowedIn().contains(status);
    }

    /** These statuses, as an action's table lists them. */
    @SafeVarargs
    static <S extends Enum<S>> Set<S> statuses(Class<S> type, S... statuses) {
        return statuses.length == 0 ? EnumSet.noneOf(type) : EnumSet.copyOf(Arrays.asList(statuses));
    }

    /** Every status of {@code type}, closed included. */
    static <S extends Enum<S>> Set<S> inAnyStatus(Class<S> type) {
        return EnumSet.allOf(type);
    }

    /** Every status of {@code type} in which its case is open. */
    static <S extends Enum<S> & CaseStatus> Set<S> whileOpen(Class<S> type) {
        EnumSet<S> open = EnumSet.noneOf(type);
        for (S s : type.getEnumConstants()) if (s.isOpen()) open.add(s);
        return open;
    }
}

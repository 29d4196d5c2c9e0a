package org.weiquan.api.dispute;

import org.weiquan.api.common.OfficerId;

import java.util.Objects;
import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.STAFF;
import static org.weiquan.api.common.Personal.Kind.STAFF_NAME;

/**
 * A mediator as the roster had them when they were assigned: the user name and the display name.
 * {@code name} is null for assignments recorded before names were kept (revision 1 of
 * {@code labour-dispute.mediator-assigned}, upcast): the roster of that day is not known.
 */
public record Mediator(@Personal(STAFF) OfficerId id, @Personal(STAFF_NAME) String name) {
    public Mediator {
        Objects.requireNonNull(id, "mediator id");
    }

    /** Same person: the name is what the roster said, the id is who it is. */
    public boolean isSamePersonAs(Mediator other) {
        return other != null && id.equals(other.id());
    }
}

package org.weiquan.api.petition;

/** How a registered petition is sent to whoever handles it (《信访工作条例》§22). */
public enum PetitionRouting {
    /** Handled by the receiving organisation itself. */
    HANDLED_DIRECTLY,
    /** Assigned to a union organisation below (交办). */
    ASSIGNED,
    /** Forwarded to the competent organ outside the union (转送). */
    FORWARDED
}

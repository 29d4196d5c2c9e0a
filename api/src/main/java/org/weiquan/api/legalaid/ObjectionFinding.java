package org.weiquan.api.legalaid;

/** The review of an objection to a rejection (§49). */
public enum ObjectionFinding {
    /** The objection is well founded: the rejection is set aside and aid is given. */
    UPHELD,
    /** The rejection stands: the case closes. */
    DISMISSED
}

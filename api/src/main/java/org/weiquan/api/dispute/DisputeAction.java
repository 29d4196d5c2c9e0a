package org.weiquan.api.dispute;

import org.weiquan.api.common.CaseAction;

import java.util.Set;

import static org.weiquan.api.dispute.DisputeStatus.*;

/** The transitions of a labour dispute and the statuses in which each may be taken. */
public enum DisputeAction implements CaseAction<DisputeStatus> {
    ACCEPT("accept", FILED),
    ASSIGN_MEDIATOR("assign a mediator", ACCEPTED, MEDIATING),
    RECORD_MEDIATION_SESSION("record a mediation session", MEDIATING),
    REACH_SETTLEMENT("record a settlement", MEDIATING),
    RECORD_PAYMENT("record a payment", SETTLED),
    RECORD_MEDIATION_FAILURE("record that mediation failed", ACCEPTED, MEDIATING),
    /** After mediation failed, or once its period expired while the case was still before it. */
    REFER_TO_ARBITRATION("refer to arbitration", MEDIATION_FAILED, FILED, ACCEPTED, MEDIATING),
    RECORD_ARBITRATION_ACCEPTANCE("record that arbitration accepted the case", REFERRED_TO_ARBITRATION),
    EXTEND_ARBITRATION_PERIOD("extend the arbitration period", IN_ARBITRATION),
    RECORD_ARBITRATION_AWARD("record an arbitration award", IN_ARBITRATION),
    /** Which reason closes the case depends on its status: the aggregate decides. */
    CLOSE("close", CaseAction.whileOpen(DisputeStatus.class));

    private final String description;
    private final Set<DisputeStatus> allowedIn;

    DisputeAction(String description, DisputeStatus... allowedIn) {
        this(description, CaseAction.statuses(DisputeStatus.class, allowedIn));
    }

    DisputeAction(String description, Set<DisputeStatus> allowedIn) {
        this.description = description;
        this.allowedIn = allowedIn;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Set<DisputeStatus> allowedIn() {
        return allowedIn;
    }
}

package org.weiquan.api.legalaid;

/** How the aided matter ended. {@link #TERMINATED}: aid ended under §48 (the reasons are recorded). */
public enum AidOutcome {
    WON, LOST, SETTLED, WITHDRAWN, TERMINATED
}

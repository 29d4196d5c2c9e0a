package org.weiquan.api.monitoring;

/** Why supervisors are alerted. */
public enum AlertType {
    /** 10 or more workers with a common claim (《劳动争议调解仲裁法》§7). */
    COLLECTIVE_DISPUTE,
    /** A visit of more people than the policy's threshold (集体访). */
    COLLECTIVE_VISIT,
    /** A hazard reported as, or escalated to, a major one (重大事故隐患). */
    MAJOR_HAZARD,
    /**
     * A case filed while an open case of the same kind, in another organisation, names the same
     * worker or employer: for the supervisors over both, who alone may see the pair.
     */
    DUPLICATE_ACROSS_ORGANISATIONS,
    /** A deadline of a case passed without the step it was set for. */
    DEADLINE_PASSED,
    /** An open case's next deadline falls within the days asked for (computed when asked, never stored). */
    DEADLINE_APPROACHING
}

package org.weiquan.api.hazard;

import org.weiquan.api.common.CaseAction;

import java.util.Set;

import static org.weiquan.api.hazard.HazardStatus.*;

/** The transitions of a safety hazard and the statuses in which each may be taken. */
public enum HazardAction implements CaseAction<HazardStatus> {
    ISSUE_RECTIFICATION_NOTICE("issue a rectification notice", REPORTED),
    RECORD_EMPLOYER_ANSWER("record the employer's answer", RECTIFYING, RECTIFICATION_SUBMITTED),
    RECORD_RECTIFICATION_PROGRESS("record rectification progress", RECTIFYING),
    SUBMIT_RECTIFICATION("submit a rectification", RECTIFYING),
    VERIFY_RECTIFICATION("verify the rectification", RECTIFICATION_SUBMITTED),
    /** Any open hazard may turn out to be major; the aggregate refuses one that already is. */
    ESCALATE_TO_MAJOR("escalate the hazard to major", CaseAction.whileOpen(HazardStatus.class)),
    /** Only a major hazard is reported under §41 (the aggregate checks its severity). */
    REPORT_MAJOR_HAZARD("report the hazard", CaseAction.whileOpen(HazardStatus.class)),
    PLACE_UNDER_LISTED_SUPERVISION("record listed supervision", CaseAction.whileOpen(HazardStatus.class)),
    /** §60: whenever workers' lives are in danger, so while the case is open. */
    RECOMMEND_EVACUATION("recommend evacuation", CaseAction.whileOpen(HazardStatus.class)),
    /** Which reason closes the hazard depends on its status: the aggregate decides. */
    CLOSE("close", CaseAction.whileOpen(HazardStatus.class));

    private final String description;
    private final Set<HazardStatus> allowedIn;

    HazardAction(String description, HazardStatus... allowedIn) {
        this(description, CaseAction.statuses(HazardStatus.class, allowedIn));
    }

    HazardAction(String description, Set<HazardStatus> allowedIn) {
        this.description = description;
        this.allowedIn = allowedIn;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Set<HazardStatus> allowedIn() {
        return allowedIn;
    }
}

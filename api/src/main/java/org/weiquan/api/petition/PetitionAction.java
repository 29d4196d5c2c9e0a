package org.weiquan.api.petition;

import org.weiquan.api.common.CaseAction;

import java.util.Set;

import static org.weiquan.api.petition.PetitionStatus.*;

/** The transitions of a petition and the statuses in which each may be taken. */
public enum PetitionAction implements CaseAction<PetitionStatus> {
    REGISTER("register", RECEIVED),
    ASSIGN("assign", REGISTERED),
    OBJECT_TO_COMPETENCE("object to competence", ASSIGNED),
    ACCEPT("accept", ASSIGNED),
    DECLINE("decline", ASSIGNED),
    EXTEND_REPLY_PERIOD("extend the reply period", ACCEPTED),
    REPLY("reply", ACCEPTED),
    /** The latest answer is rated, whatever followed it (the aggregate checks there is one). */
    RECORD_RATING("record the petitioner's rating", CaseAction.inAnyStatus(PetitionStatus.class)),
    /** Which reason closes the petition depends on its status: the aggregate decides. */
    CLOSE("close", CaseAction.whileOpen(PetitionStatus.class)),
    /** At the reply, or closed after it: the petitioner's window runs on after closure (§35). */
    REQUEST_REVIEW("ask for review", REPLIED, CLOSED),
    ANSWER_REVIEW("answer the review", REVIEW_REQUESTED),
    REQUEST_REEXAMINATION("ask for re-examination", REVIEW_ANSWERED, CLOSED),
    ANSWER_REEXAMINATION("answer the re-examination", REEXAMINATION_REQUESTED),
    ADD_MATERIAL("add material", CaseAction.inAnyStatus(PetitionStatus.class)),
    MARK_MATERIAL_AS_WHISTLEBLOWER("mark material as whistleblower material", CaseAction.inAnyStatus(PetitionStatus.class));

    private final String description;
    private final Set<PetitionStatus> allowedIn;

    PetitionAction(String description, PetitionStatus... allowedIn) {
        this(description, CaseAction.statuses(PetitionStatus.class, allowedIn));
    }

    PetitionAction(String description, Set<PetitionStatus> allowedIn) {
        this.description = description;
        this.allowedIn = allowedIn;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Set<PetitionStatus> allowedIn() {
        return allowedIn;
    }
}

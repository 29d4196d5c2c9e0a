package org.weiquan.command.petition;

import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.petition.PetitionId;

import java.util.List;

/**
 * What the command side knows of an earlier petition a new one refers to, from that petition's own
 * events: its petitioners' ID numbers and whether its claim is final (re-examined, or a window for
 * review or re-examination passed unused). A new petition by one of those petitioners on a final
 * claim is refused (§36: not accepted again).
 */
public record EarlierPetition(PetitionId petitionId, CaseNumber caseNumber, List<String> petitionerIdNumbers,
                              boolean claimFinal) {
    public EarlierPetition {
        petitionerIdNumbers = petitionerIdNumbers == null ? List.of() : List.copyOf(petitionerIdNumbers);
    }

    @Override
    public String toString() {
        return "EarlierPetition[" + petitionId + ", " + caseNumber + ", " + petitionerIdNumbers.size()
                + " petitioners, claimFinal=" + claimFinal + "]";
    }
}

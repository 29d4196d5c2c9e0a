package org.weiquan.app.petition;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.petition.PetitionDetail;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.api.petition.PetitionQueries.FindPetitionQuery;
import org.weiquan.app.casefile.CaseAccess;
import org.weiquan.app.casefile.CaseNotFoundException;
import org.weiquan.app.security.WeiquanUser;
import org.weiquan.app.web.ProjectionLag;

import java.time.Duration;

/** Reads a petition's detail for a user who may see it, and decides what of it the user may see. */
@Component
public class PetitionReader {
    private final QueryGateway queries;
    private final CaseAccess access;

    public PetitionReader(QueryGateway queries, CaseAccess access) {
        this.queries = queries;
        this.access = access;
    }

    /** The full detail of a petition {@code user} may see; 404 otherwise. */
    public PetitionDetail visibleDetail(String petitionId, WeiquanUser user) {
        access.visibleCase(petitionId, CaseKind.PETITION, user);
        // The registry knows the case, so a missing detail is one the projection has not reached yet.
        PetitionDetail detail = ProjectionLag.await(() -> queries.query(new FindPetitionQuery(PetitionId.of(petitionId)),
                ResponseTypes.instanceOf(PetitionDetail.class)).join(), Duration.ofSeconds(5));
        if (detail == null) throw new CaseNotFoundException(petitionId);
        return detail;
    }

    /**
     * The history is every event in full, whistleblower material and identities included: users of
     * the accused organisation are refused it (403), whatever else the petition holds.
     */
    public void requireHistoryMayBeShown(String petitionId, WeiquanUser user) {
        PetitionDetail detail = visibleDetail(petitionId, user);
        if (detail.accuses(user.organisation())) {
            throw new WhistleblowerProtectionException(detail.caseNumber());
        }
    }
}

package org.weiquan.command.petition;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.PetitionEvent.ClaimBecameFinalEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionReceivedEvent;
import org.weiquan.api.petition.PetitionId;

import java.util.List;
import java.util.Optional;

/**
 * The earlier petitions a petition consults when it is received. Read from the earlier petition's
 * own events, never from a read model: the decision must not depend on how far a projection has got.
 */
@FunctionalInterface
public interface EarlierPetitions {
    Optional<EarlierPetition> find(PetitionId petitionId);

    /** Folds the earlier petition's stream in the event store. */
    static EarlierPetitions from(EventStore events) {
        return petitionId -> {
            DomainEventStream stream = events.readEvents(petitionId.toString());
            CaseNumber caseNumber = null;
            List<String> petitioners = List.of();
            boolean claimFinal = false;
            while (stream.hasNext()) {
                DomainEventMessage<?> event = stream.next();
                if (event.getPayload() instanceof PetitionReceivedEvent received) {
                    caseNumber = received.caseNumber();
                    petitioners = received.petitioners().stream().map(Worker::idNumber).toList();
                } else if (event.getPayload() instanceof ClaimBecameFinalEvent) {
                    claimFinal = true;
                }
            }
            return caseNumber == null ? Optional.empty()
                    : Optional.of(new EarlierPetition(petitionId, caseNumber, petitioners, claimFinal));
        };
    }
}

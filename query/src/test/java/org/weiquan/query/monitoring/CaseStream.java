package org.weiquan.query.monitoring;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionEvent.PetitionReceivedEvent;
import org.weiquan.api.petition.PetitionId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The stored events of one case of any kind, as the event store hands them to a processor:
 * sequence from 0, an hour apart, each with its own id.
 */
final class CaseStream {
    private final String aggregateType;
    private final String aggregateId;
    private final List<DomainEventMessage<?>> events = new ArrayList<>();
    private Instant clock;

    private CaseStream(String aggregateType, String aggregateId, Instant start) {
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.clock = start;
    }

    static CaseStream of(String aggregateType, Object id, Instant start) {
        return new CaseStream(aggregateType, id.toString(), start);
    }

    CaseStream append(Object... payloads) {
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, events.size(), payload,
                    MetaData.emptyInstance(), UUID.randomUUID().toString(), clock));
            clock = clock.plus(Duration.ofHours(1));
        }
        return this;
    }

    List<DomainEventMessage<?>> events() {
        return List.copyOf(events);
    }

    DomainEventMessage<?> last() {
        return events.get(events.size() - 1);
    }

    /** The event as a replay delivers it: its position lies before the position the reset happened at. */
    static EventMessage<?> asReplayed(DomainEventMessage<?> event, long position, long resetAt) {
        ReplayToken replay = (ReplayToken) ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(resetAt), null);
        TrackingToken token = replay.advancedTo(new GlobalSequenceTrackingToken(position));
        return new GenericTrackedDomainEventMessage<>(token, event);
    }

    /** The event as delivered live, at {@code position} of the global log. */
    static EventMessage<?> asLive(DomainEventMessage<?> event, long position) {
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), event);
    }

    static PetitionReceivedEvent petition(PetitionId id, String number, String organisation, District district,
                                          int visitors, LocalDate receivedOn) {
        boolean visit = visitors > 0;
        return new PetitionReceivedEvent(id, new CaseNumber(number), new OrganisationId(organisation), district,
                visit ? PetitionChannel.VISIT : PetitionChannel.LETTER, receivedOn,
                List.of(new Worker("李四", "320502199001011234", "13912345678")), visit ? visitors : null,
                visitors > 5, new Employer("苏州某某纺织有限公司", "91320500MA1XXXXX0X"), null, false, "拖欠工资",
                new OfficerId("officer.li"), receivedOn.plusDays(15), null, null);
    }
}

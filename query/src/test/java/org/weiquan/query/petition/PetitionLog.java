package org.weiquan.query.petition;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.MetadataKeys;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionReceivedEvent;
import org.weiquan.api.petition.PetitionId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The stored event stream of one petition, as the event store would hand it to a projection:
 * aggregate sequence from 0, increasing timestamps, and audit metadata on each event.
 */
final class PetitionLog {
    static final String AGGREGATE_TYPE = "Petition";

    /** One stored event. */
    record Recorded(PetitionEvent payload, long sequence, Instant at, String eventId, MetaData metaData) {
        DomainEventMessage<PetitionEvent> message() {
            return new GenericDomainEventMessage<>(AGGREGATE_TYPE, payload.petitionId().toString(), sequence, payload,
                    metaData, eventId, at);
        }
    }

    private final PetitionId id;
    private final List<Recorded> events = new ArrayList<>();
    private Instant clock;

    private PetitionLog(PetitionId id, Instant start) {
        this.id = id;
        this.clock = start;
    }

    static PetitionLog of(PetitionId id, Instant start) {
        return new PetitionLog(id, start);
    }

    PetitionLog append(PetitionEvent... payloads) {
        for (PetitionEvent payload : payloads) {
            if (!payload.petitionId().equals(id)) throw new IllegalArgumentException("event of another petition");
            long sequence = events.size();
            MetaData metaData = MetaData.from(Map.of(
                    MetadataKeys.ACTOR, "officer.li",
                    MetadataKeys.ACTOR_ROLE, "OFFICER",
                    MetadataKeys.ORGANISATION, "szftu/gusu",
                    MetadataKeys.CLIENT_ADDRESS, "10.1.2.3",
                    MetadataKeys.CORRELATION_ID, "req-" + id + "-" + sequence,
                    MetadataKeys.CAUSATION_ID, "cmd-" + id + "-" + sequence));
            String eventId = new UUID(id.value().getMostSignificantBits(), sequence).toString();
            events.add(new Recorded(payload, sequence, clock, eventId, metaData));
            clock = clock.plus(Duration.ofHours(1).plusMillis(123));
        }
        return this;
    }

    PetitionId id() {
        return id;
    }

    List<Recorded> events() {
        return List.copyOf(events);
    }

    Recorded event(long sequence) {
        return events.get((int) sequence);
    }

    Recorded last() {
        return events.get(events.size() - 1);
    }

    PetitionLog deliverTo(Consumer<Recorded> handler) {
        events.forEach(handler);
        return this;
    }

    static PetitionId newId() {
        return new PetitionId(UUID.randomUUID());
    }

    static Receipt receipt(PetitionId id) {
        return new Receipt(id);
    }

    /** A {@link PetitionReceivedEvent} with sensible defaults. */
    static final class Receipt {
        private final PetitionId id;
        private String caseNumber = "PT-2026-000001";
        private String organisation = "szftu/gusu";
        private District district = District.GUSU;
        private PetitionChannel channel = PetitionChannel.LETTER;
        private List<Worker> petitioners = List.of(new Worker("张小明", "320502199001011234", "13912345678"),
                new Worker("李四", "320502199202022345", "13812345678"));
        private Integer visitors;
        private boolean collective;
        private Employer employer = new Employer("苏州某某电子有限公司", "91320500MA1XXXXX0X");
        private String accused;
        private boolean whistleblower;
        private LocalDate receivedOn = LocalDate.of(2026, 3, 2);
        private String officer = "officer.li";
        private PetitionId earlier;

        private Receipt(PetitionId id) {
            this.id = id;
        }

        Receipt caseNumber(String value) {
            caseNumber = value;
            return this;
        }

        Receipt organisation(String value) {
            organisation = value;
            return this;
        }

        Receipt district(District value) {
            district = value;
            return this;
        }

        Receipt visit(int visitorCount, boolean isCollective) {
            channel = PetitionChannel.VISIT;
            visitors = visitorCount;
            collective = isCollective;
            return this;
        }

        Receipt channel(PetitionChannel value) {
            channel = value;
            return this;
        }

        Receipt petitioners(Worker... value) {
            petitioners = Arrays.asList(value);
            return this;
        }

        Receipt whistleblowerAgainst(String accusedOrganisation) {
            accused = accusedOrganisation;
            whistleblower = true;
            return this;
        }

        Receipt receivedOn(LocalDate value) {
            receivedOn = value;
            return this;
        }

        Receipt officer(String value) {
            officer = value;
            return this;
        }

        Receipt earlier(PetitionId value) {
            earlier = value;
            return this;
        }

        LocalDate assignmentDueOn() {
            return receivedOn.plusDays(15);
        }

        PetitionReceivedEvent build() {
            return new PetitionReceivedEvent(id, new CaseNumber(caseNumber), new OrganisationId(organisation), district,
                    channel, receivedOn, petitioners, visitors, collective, employer,
                    accused == null ? null : new OrganisationId(accused), whistleblower, "拖欠三个月工资, 请求协调",
                    new OfficerId(officer), assignmentDueOn(), earlier,
                    earlier == null ? null : new CaseNumber("PT-2025-000099"));
        }
    }
}

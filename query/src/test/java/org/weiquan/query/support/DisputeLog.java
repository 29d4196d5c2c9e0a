package org.weiquan.query.support;

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
import org.weiquan.api.dispute.DisputeCategory;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeFiledEvent;

import java.math.BigDecimal;
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
 * The stored event stream of one labour dispute, as the event store would hand it to a
 * projection: aggregate sequence from 0, increasing timestamps, and audit metadata on each event.
 */
public final class DisputeLog {
    public static final String AGGREGATE_TYPE = "LabourDispute";

    /** One stored event. */
    public record Recorded(LabourDisputeEvent payload, long sequence, Instant at, String eventId, MetaData metaData) {
        public DomainEventMessage<LabourDisputeEvent> message() {
            return new GenericDomainEventMessage<>(AGGREGATE_TYPE, payload.disputeId().toString(), sequence, payload,
                    metaData, eventId, at);
        }
    }

    private final DisputeId id;
    private final List<Recorded> events = new ArrayList<>();
    private Instant clock;
    private String actor = "officer.li";
    private String actorRole = "OFFICER";
    private String organisation = "szftu/gusu";
    private String clientAddress = "10.1.2.3";

    private DisputeLog(DisputeId id, Instant start) {
        this.id = id;
        this.clock = start;
    }

    public static DisputeLog of(DisputeId id, Instant start) {
        return new DisputeLog(id, start);
    }

    /** The events appended from now on were done by this user from this address. */
    public DisputeLog by(String actor, String actorRole, String organisation, String clientAddress) {
        this.actor = actor;
        this.actorRole = actorRole;
        this.organisation = organisation;
        this.clientAddress = clientAddress;
        return this;
    }

    public DisputeLog append(LabourDisputeEvent... payloads) {
        for (LabourDisputeEvent payload : payloads) {
            if (!payload.disputeId().equals(id)) throw new IllegalArgumentException("event of another dispute");
            long sequence = events.size();
            MetaData metaData = MetaData.from(Map.of(
                    MetadataKeys.ACTOR, actor,
                    MetadataKeys.ACTOR_ROLE, actorRole,
                    MetadataKeys.ORGANISATION, organisation,
                    MetadataKeys.CLIENT_ADDRESS, clientAddress,
                    MetadataKeys.CORRELATION_ID, "req-" + id + "-" + sequence,
                    MetadataKeys.CAUSATION_ID, "cmd-" + id + "-" + sequence));
            String eventId = new UUID(id.value().getMostSignificantBits(), sequence).toString();
            events.add(new Recorded(payload, sequence, clock, eventId, metaData));
            clock = clock.plus(Duration.ofHours(1).plusMillis(123));
        }
        return this;
    }

    public DisputeId id() {
        return id;
    }

    public List<Recorded> events() {
        return List.copyOf(events);
    }

    public Recorded event(long sequence) {
        return events.get((int) sequence);
    }

    public Recorded last() {
        return events.get(events.size() - 1);
    }

    public DisputeLog deliverTo(Consumer<Recorded> handler) {
        events.forEach(handler);
        return this;
    }

    public static DisputeId newId() {
        return new DisputeId(UUID.randomUUID());
    }

    public static Filing filing(DisputeId id) {
        return new Filing(id);
    }

    /** A {@link DisputeFiledEvent} with sensible defaults. */
    public static final class Filing {
        private final DisputeId id;
        private String caseNumber = "LD-2026-000001";
        private String organisation = "szftu/gusu";
        private District district = District.GUSU;
        private DisputeCategory category = DisputeCategory.WAGE_ARREARS;
        private List<Worker> workers = List.of(new Worker("张小明", "320502199001011234", "13912345678"),
                new Worker("李四", "320502199202022345", "13812345678"));
        private Employer employer = new Employer("苏州某某电子有限公司", "91320500MA1XXXXX0X");
        private BigDecimal claimedAmount = new BigDecimal("12000.50");
        private LocalDate appliedOn = LocalDate.of(2026, 3, 2);
        private String officer = "officer.li";
        private boolean collective;
        private boolean filedAfterLimitation;

        private Filing(DisputeId id) {
            this.id = id;
        }

        public Filing caseNumber(String value) {
            caseNumber = value;
            return this;
        }

        public Filing organisation(String value) {
            organisation = value;
            return this;
        }

        public Filing district(District value) {
            district = value;
            return this;
        }

        public Filing category(DisputeCategory value) {
            category = value;
            return this;
        }

        public Filing workers(Worker... value) {
            workers = Arrays.asList(value);
            return this;
        }

        public Filing appliedOn(LocalDate value) {
            appliedOn = value;
            return this;
        }

        public Filing officer(String value) {
            officer = value;
            return this;
        }

        public Filing collective(boolean value) {
            collective = value;
            return this;
        }

        public Filing filedAfterLimitation(boolean value) {
            filedAfterLimitation = value;
            return this;
        }

        public LocalDate mediationDueOn() {
            return appliedOn.plusDays(15);
        }

        public DisputeFiledEvent build() {
            return new DisputeFiledEvent(id, new CaseNumber(caseNumber), new OrganisationId(organisation), district,
                    category, workers, employer, "拖欠三个月工资", claimedAmount, appliedOn, appliedOn.minusMonths(1),
                    new OfficerId(officer), collective, filedAfterLimitation, mediationDueOn());
        }
    }
}

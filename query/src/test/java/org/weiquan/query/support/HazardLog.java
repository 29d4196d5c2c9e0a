package org.weiquan.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.common.MetadataKeys;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardReportedEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The stored event stream of one safety hazard, as the event store would hand it to a projection:
 * aggregate sequence from 0, increasing timestamps, and audit metadata on each event. Its events
 * are the hazard's own and the links recorded on it.
 */
public final class HazardLog {
    public static final String AGGREGATE_TYPE = "SafetyHazard";

    /** One stored event: a {@link SafetyHazardEvent} or a {@link CaseLinkedEvent}. */
    public record Recorded(Object payload, long sequence, Instant at, String eventId, MetaData metaData) {
        public DomainEventMessage<Object> message() {
            String id = payload instanceof SafetyHazardEvent e ? e.hazardId().toString()
                    : ((CaseLinkedEvent) payload).caseId();
            return new GenericDomainEventMessage<>(AGGREGATE_TYPE, id, sequence, payload, metaData, eventId, at);
        }
    }

    private final HazardId id;
    private final List<Recorded> events = new ArrayList<>();
    private Instant clock;
    private String actor = "officer.li";
    private String actorRole = "OFFICER";
    private String organisation = "szftu/gusu";

    private HazardLog(HazardId id, Instant start) {
        this.id = id;
        this.clock = start;
    }

    public static HazardLog of(HazardId id, Instant start) {
        return new HazardLog(id, start);
    }

    /** The events appended from now on were done by this user (e.g. "system" for deadlines). */
    public HazardLog by(String actor, String actorRole, String organisation) {
        this.actor = actor;
        this.actorRole = actorRole;
        this.organisation = organisation;
        return this;
    }

    public HazardLog append(Object... payloads) {
        for (Object payload : payloads) {
            String owner = payload instanceof SafetyHazardEvent e ? e.hazardId().toString()
                    : payload instanceof CaseLinkedEvent link ? link.caseId() : null;
            if (!id.toString().equals(owner)) throw new IllegalArgumentException("not an event of this hazard: " + payload);
            long sequence = events.size();
            MetaData metaData = MetaData.from(Map.of(
                    MetadataKeys.ACTOR, actor,
                    MetadataKeys.ACTOR_ROLE, actorRole,
                    MetadataKeys.ORGANISATION, organisation,
                    MetadataKeys.CLIENT_ADDRESS, "10.1.2.3",
                    MetadataKeys.CORRELATION_ID, "req-" + id + "-" + sequence,
                    MetadataKeys.CAUSATION_ID, "cmd-" + id + "-" + sequence));
            String eventId = new UUID(id.value().getMostSignificantBits(), sequence).toString();
            events.add(new Recorded(payload, sequence, clock, eventId, metaData));
            clock = clock.plus(Duration.ofHours(1).plusMillis(123));
        }
        return this;
    }

    /** A link from this hazard to another case, as the aggregate records it. */
    public CaseLinkedEvent link(String otherCaseId, CaseKind kind, String number, LinkRelation relation) {
        return new CaseLinkedEvent(id.toString(), CaseKind.SAFETY_HAZARD, otherCaseId, kind, number, relation, "note");
    }

    public HazardId id() {
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

    public HazardLog deliverTo(Consumer<Recorded> handler) {
        events.forEach(handler);
        return this;
    }

    public static HazardId newId() {
        return new HazardId(UUID.randomUUID());
    }

    public static Report report(HazardId id) {
        return new Report(id);
    }

    /** A {@link HazardReportedEvent} with sensible defaults. */
    public static final class Report {
        private final HazardId id;
        private String caseNumber = "SH-2026-000001";
        private String organisation = "szftu/gusu";
        private District district = District.GUSU;
        private HazardSeverity severity = HazardSeverity.GENERAL;
        private Employer employer = new Employer("苏州某某机械有限公司", "91320508MA1XXXXX0X");
        private String location = "三号车间冲压线";
        private String description = "冲床光电保护装置失效";
        private LocalDate foundOn = LocalDate.of(2026, 3, 2);
        private String inspector = "officer.li";

        private Report(HazardId id) {
            this.id = id;
        }

        public Report caseNumber(String value) {
            caseNumber = value;
            return this;
        }

        public Report organisation(String value) {
            organisation = value;
            return this;
        }

        public Report district(District value) {
            district = value;
            return this;
        }

        public Report severity(HazardSeverity value) {
            severity = value;
            return this;
        }

        public Report employer(String name, String creditCode) {
            employer = new Employer(name, creditCode);
            return this;
        }

        public Report location(String value) {
            location = value;
            return this;
        }

        public Report foundOn(LocalDate value) {
            foundOn = value;
            return this;
        }

        public Report inspector(String value) {
            inspector = value;
            return this;
        }

        public LocalDate foundOn() {
            return foundOn;
        }

        public HazardReportedEvent build() {
            return new HazardReportedEvent(id, new CaseNumber(caseNumber), new OrganisationId(organisation), district,
                    severity, employer, location, description, foundOn, new OfficerId(inspector));
        }
    }
}

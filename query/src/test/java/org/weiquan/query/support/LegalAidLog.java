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
import org.weiquan.api.common.Worker;
import org.weiquan.api.legalaid.LegalAidCaseEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidAppliedEvent;
import org.weiquan.api.legalaid.LegalAidCaseId;
import org.weiquan.api.legalaid.MatterCategory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The stored event stream of one legal-aid case, as the event store would hand it to a projection:
 * aggregate sequence from 0, increasing timestamps, and audit metadata on each event. The payloads are
 * the case's own events and the shared {@link CaseLinkedEvent}.
 */
public final class LegalAidLog {
    public static final String AGGREGATE_TYPE = "LegalAidCase";

    /** One stored event. */
    public record Recorded(Object payload, long sequence, Instant at, String eventId, MetaData metaData,
                           String aggregateId) {
        public DomainEventMessage<Object> message() {
            return new GenericDomainEventMessage<>(AGGREGATE_TYPE, aggregateId, sequence, payload, metaData, eventId,
                    at);
        }
    }

    private final LegalAidCaseId id;
    private final List<Recorded> events = new ArrayList<>();
    private Instant clock;

    private LegalAidLog(LegalAidCaseId id, Instant start) {
        this.id = id;
        this.clock = start;
    }

    public static LegalAidLog of(LegalAidCaseId id, Instant start) {
        return new LegalAidLog(id, start);
    }

    public LegalAidLog append(Object... payloads) {
        for (Object payload : payloads) {
            if (payload instanceof LegalAidCaseEvent event) {
                if (!event.legalAidCaseId().equals(id)) throw new IllegalArgumentException("event of another case");
            } else if (payload instanceof CaseLinkedEvent link) {
                if (!link.caseId().equals(id.toString())) throw new IllegalArgumentException("link of another case");
            } else {
                throw new IllegalArgumentException("not an event of a legal-aid case: " + payload);
            }
            long sequence = events.size();
            MetaData metaData = MetaData.from(Map.of(
                    MetadataKeys.ACTOR, "officer.li",
                    MetadataKeys.ACTOR_ROLE, "OFFICER",
                    MetadataKeys.ORGANISATION, "szftu/gusu",
                    MetadataKeys.CLIENT_ADDRESS, "10.1.2.3",
                    MetadataKeys.CORRELATION_ID, "req-" + id + "-" + sequence,
                    MetadataKeys.CAUSATION_ID, "cmd-" + id + "-" + sequence));
            String eventId = new UUID(id.value().getMostSignificantBits(), sequence).toString();
            events.add(new Recorded(payload, sequence, clock, eventId, metaData, id.toString()));
            clock = clock.plus(Duration.ofHours(1).plusMillis(7));
        }
        return this;
    }

    public LegalAidCaseId id() {
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

    public LegalAidLog deliverTo(Consumer<Recorded> handler) {
        events.forEach(handler);
        return this;
    }

    public static LegalAidCaseId newId() {
        return new LegalAidCaseId(UUID.randomUUID());
    }

    public static Application application(LegalAidCaseId id) {
        return new Application(id);
    }

    /** A link of this case to a petition. */
    public static CaseLinkedEvent linkToPetition(LegalAidCaseId id, String petitionId) {
        return new CaseLinkedEvent(id.toString(), CaseKind.LEGAL_AID, petitionId, CaseKind.PETITION, "PT-2026-000009",
                LinkRelation.AROSE_FROM, "12351 热线转来");
    }

    /** A {@link LegalAidAppliedEvent} with sensible defaults. */
    public static final class Application {
        private final LegalAidCaseId id;
        private String caseNumber = "LA-2026-000001";
        private String organisation = "szftu/gusu";
        private District district = District.GUSU;
        private Worker applicant = new Worker("张小明", "320502199001011234", "13912345678");
        private boolean migrantWorker = true;
        private MatterCategory category = MatterCategory.WAGES;
        private Employer employer = new Employer("苏州某某电子有限公司", "91320500MA1XXXXX0X");
        private LocalDate appliedOn = LocalDate.of(2026, 3, 2);
        private String officer = "officer.li";

        private Application(LegalAidCaseId id) {
            this.id = id;
        }

        public Application caseNumber(String value) {
            caseNumber = value;
            return this;
        }

        public Application organisation(String value) {
            organisation = value;
            return this;
        }

        public Application district(District value) {
            district = value;
            return this;
        }

        public Application applicant(Worker value) {
            applicant = value;
            return this;
        }

        public Application migrantWorker(boolean value) {
            migrantWorker = value;
            return this;
        }

        public Application category(MatterCategory value) {
            category = value;
            return this;
        }

        public Application employer(Employer value) {
            employer = value;
            return this;
        }

        public Application appliedOn(LocalDate value) {
            appliedOn = value;
            return this;
        }

        public Application officer(String value) {
            officer = value;
            return this;
        }

        /** Seven days after the application (no holiday falls on the defaults' last day). */
        public LocalDate decisionDueOn() {
            return appliedOn.plusDays(7);
        }

        public LegalAidAppliedEvent build() {
            boolean exempt = migrantWorker && category.exemptsMigrantWorkersFromMeansTest();
            return new LegalAidAppliedEvent(id, new CaseNumber(caseNumber), new OrganisationId(organisation), district,
                    applicant, migrantWorker, category, "追索 2025 年 10 月至 12 月工资", "进城务工人员追索劳动报酬",
                    new BigDecimal("18000.00"), employer, appliedOn, new OfficerId(officer), exempt, decisionDueOn());
        }
    }
}

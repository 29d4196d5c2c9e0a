package org.weiquan.query.monitoring;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.CollectiveDisputeAlertRaisedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeAcceptedEvent;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardEscalatedToMajorEvent;
import org.weiquan.api.monitoring.AlertType;
import org.weiquan.api.monitoring.MonitoringQueries.Alert;
import org.weiquan.api.monitoring.MonitoringQueries.AlertFeed;
import org.weiquan.api.monitoring.MonitoringQueries.AlertFeedQuery;
import org.weiquan.api.petition.PetitionEvent.CollectiveVisitAlertRaisedEvent;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.query.support.DisputeLog;
import org.weiquan.query.support.HazardLog;
import org.weiquan.query.support.ReadModelDatabase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts are raised once, live; neither a redelivery nor a replay raises them again. */
class AlertProjectionTest {
    private static final OrganisationId CITY = new OrganisationId("szftu");
    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    private ReadModelDatabase database;
    private List<AnnotationEventHandlerAdapter> processor;
    private MonitoringQueryHandlers queries;
    private final List<DomainEventMessage<?>> log = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        AlertCaseDirectory directory = new AlertCaseDirectory(database.jdbc());
        // the alerts processor: the replayable directory and the side-effect handlers, as Axon wires them
        processor = List.of(new AnnotationEventHandlerAdapter(directory),
                new AnnotationEventHandlerAdapter(new AlertProjection(database.jdbc(), directory)));
        queries = new MonitoringQueryHandlers(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private void someAlertingCases() {
        DisputeId collective = DisputeLog.newId();
        log.addAll(CaseStream.of("LabourDispute", collective, START).append(
                DisputeLog.filing(collective).caseNumber("LD-2026-000007").collective(true).build(),
                new CollectiveDisputeAlertRaisedEvent(collective, new CaseNumber("LD-2026-000007"), 12, District.GUSU),
                new DisputeAcceptedEvent(collective, LocalDate.of(2026, 3, 3)),
                new ArbitrationAwardOverdueEvent(collective, LocalDate.of(2026, 5, 4))).events());
        HazardId major = HazardLog.newId();
        log.addAll(CaseStream.of("SafetyHazard", major, START.plusSeconds(600)).append(
                HazardLog.report(major).caseNumber("SH-2026-000009").severity(HazardSeverity.MAJOR)
                        .organisation("szftu/kunshan").district(District.KUNSHAN).build()).events());
        HazardId escalated = HazardLog.newId();
        log.addAll(CaseStream.of("SafetyHazard", escalated, START.plusSeconds(1200)).append(
                HazardLog.report(escalated).caseNumber("SH-2026-000010").build(),
                new HazardEscalatedToMajorEvent(escalated, LocalDate.of(2026, 3, 5), "粉尘浓度超标")).events());
        PetitionId visit = new PetitionId(UUID.randomUUID());
        log.addAll(CaseStream.of("Petition", visit, START.plusSeconds(1800)).append(
                CaseStream.petition(visit, "PT-2026-000011", "szftu/gusu/pingjiang", District.GUSU, 8,
                        LocalDate.of(2026, 3, 2)),
                new CollectiveVisitAlertRaisedEvent(visit, new CaseNumber("PT-2026-000011"), 8, District.GUSU)).events());
    }

    @Test
    void collective_cases_major_hazards_and_passed_deadlines_raise_alerts_with_the_case_and_its_place() {
        someAlertingCases();
        deliverLive();

        AlertFeed feed = feed(CITY, null, null);

        assertThat(feed.total()).isEqualTo(5);
        assertThat(feed.items()).extracting(Alert::type).containsExactlyInAnyOrder(AlertType.COLLECTIVE_DISPUTE,
                AlertType.DEADLINE_PASSED, AlertType.MAJOR_HAZARD, AlertType.MAJOR_HAZARD, AlertType.COLLECTIVE_VISIT);
        Alert collective = only(feed, AlertType.COLLECTIVE_DISPUTE);
        assertThat(collective.caseNumber()).isEqualTo("LD-2026-000007");
        assertThat(collective.kind()).isEqualTo(CaseKind.LABOUR_DISPUTE);
        assertThat(collective.district()).isEqualTo(District.GUSU);
        assertThat(collective.organisation()).isEqualTo("szftu/gusu");
        assertThat(collective.messageEn()).contains("12 workers");
        assertThat(collective.messageZh()).contains("集体劳动争议", "12名职工");
        Alert overdue = only(feed, AlertType.DEADLINE_PASSED);
        assertThat(overdue.dueOn()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(overdue.messageEn()).contains("Arbitration award", "2026-05-04");
        assertThat(only(feed, AlertType.COLLECTIVE_VISIT).organisation()).isEqualTo("szftu/gusu/pingjiang");
        // a general hazard alerts only once escalated; the escalation names no place, the directory does
        assertThat(feed.items()).filteredOn(a -> a.type() == AlertType.MAJOR_HAZARD).extracting(Alert::caseNumber)
                .containsExactlyInAnyOrder("SH-2026-000009", "SH-2026-000010");
    }

    @Test
    void the_feed_is_newest_first_scoped_to_the_viewer_and_filtered_by_kind_type_and_time() {
        someAlertingCases();
        deliverLive();

        AlertFeed all = feed(CITY, null, null);
        assertThat(all.items()).extracting(Alert::occurredAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(feed(new OrganisationId("szftu/kunshan"), null, null).items()).extracting(Alert::caseNumber)
                .containsExactly("SH-2026-000009");
        assertThat(feed(new OrganisationId("szftu/gusu"), null, null).items()).extracting(Alert::caseNumber)
                .doesNotContain("SH-2026-000009").hasSize(4);
        assertThat(feed(CITY, CaseKind.PETITION, null).items()).extracting(Alert::type)
                .containsExactly(AlertType.COLLECTIVE_VISIT);
        Instant since = only(all, AlertType.COLLECTIVE_VISIT).occurredAt();
        assertThat(queries.handle(new AlertFeedQuery(CITY, since, null, null, 0, 20, null, null)).items())
                .extracting(Alert::occurredAt).allSatisfy(at -> assertThat(at).isAfterOrEqualTo(since));
        AlertFeed firstTwo = queries.handle(new AlertFeedQuery(CITY, null, null, null, 0, 2, null, null));
        AlertFeed nextTwo = queries.handle(new AlertFeedQuery(CITY, null, null, null, 1, 2, null, null));
        assertThat(firstTwo.items()).hasSize(2);
        assertThat(nextTwo.items()).hasSize(2).doesNotContainAnyElementsOf(firstTwo.items());
    }

    @Test
    void a_redelivered_event_raises_no_second_alert() {
        someAlertingCases();
        deliverLive();
        List<Map<String, Object>> alerts = alerts();

        deliverLive();

        assertThat(alerts()).isEqualTo(alerts);
    }

    @Test
    void a_replay_raises_no_alert_again_not_even_one_no_longer_in_the_feed() {
        someAlertingCases();
        deliverLive();
        assertThat(alerts()).hasSize(5);
        // an alert taken out of the feed (archived) must stay out: only the live event could raise it
        database.jdbc().update("DELETE FROM alert");
        database.jdbc().update("DELETE FROM alert_case");

        for (int position = 0; position < log.size(); position++) {
            EventMessage<?> replayed = CaseStream.asReplayed(log.get(position), position, log.size());
            assertThat(ReplayToken.isReplay(replayed)).isTrue();
            deliver(replayed);
        }

        assertThat(alerts()).isEmpty();
        // ...while the replayable directory is rebuilt, so alerts after the replay still find their case
        assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM alert_case", Long.class)).isEqualTo(4);
    }

    @Test
    void the_alerts_processor_can_be_reset_through_its_directory_and_keeps_every_alert() {
        someAlertingCases();
        deliverLive();
        List<Map<String, Object>> alerts = alerts();

        assertThat(processor.get(1).supportsReset()).as("the side effects never replay").isFalse();
        assertThat(processor.get(0).supportsReset()).as("the directory replays").isTrue();
        for (AnnotationEventHandlerAdapter handler : processor) handler.prepareReset();

        assertThat(alerts()).isEqualTo(alerts);
    }

    @Test
    void an_event_after_the_replay_position_raises_its_alert() {
        someAlertingCases();
        for (int position = 0; position < log.size(); position++) {
            deliver(CaseStream.asReplayed(log.get(position), position, log.size()));
        }
        DisputeId id = DisputeLog.newId();
        CaseStream later = CaseStream.of("LabourDispute", id, START.plusSeconds(86_400)).append(
                DisputeLog.filing(id).caseNumber("LD-2026-000020").build(),
                new ArbitrationAwardOverdueEvent(id, LocalDate.of(2026, 5, 4)));
        deliver(CaseStream.asLive(later.events().get(0), log.size()));
        deliver(CaseStream.asLive(later.last(), log.size() + 1));

        assertThat(feed(CITY, null, null).items()).extracting(Alert::caseNumber).containsExactly("LD-2026-000020");
    }

    private AlertFeed feed(OrganisationId viewer, CaseKind kind, AlertType type) {
        return queries.handle(new AlertFeedQuery(viewer, null, kind, type, 0, 50, null, null));
    }

    private static Alert only(AlertFeed feed, AlertType type) {
        List<Alert> found = feed.items().stream().filter(a -> a.type() == type).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private void deliverLive() {
        for (int position = 0; position < log.size(); position++) deliver(CaseStream.asLive(log.get(position), position));
    }

    private void deliver(EventMessage<?> event) {
        try {
            for (AnnotationEventHandlerAdapter handler : processor) {
                if (handler.canHandle(event)) handler.handle(event);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<Map<String, Object>> alerts() {
        return database.jdbc().queryForList("SELECT * FROM alert ORDER BY alert_id");
    }
}

package org.weiquan.query.monitoring;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.dispute.AwardOutcome;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationFailedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationPeriodExpiredEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementReachedEvent;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationNoticeIssuedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationNoticeReissuedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationOverdueEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationVerifiedEvent;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.hazard.VerificationOutcome;
import org.weiquan.api.legalaid.LegalAidCaseEvent.DecisionOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidApprovedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidRejectedEvent;
import org.weiquan.api.legalaid.LegalAidCaseId;
import org.weiquan.api.monitoring.MonitoredDeadline;
import org.weiquan.api.monitoring.MonitoringQueries.Rate;
import org.weiquan.api.monitoring.MonitoringQueries.Rates;
import org.weiquan.api.monitoring.MonitoringQueries.RatesQuery;
import org.weiquan.api.petition.AnswerStage;
import org.weiquan.api.petition.PetitionEvent.PetitionRepliedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionerRatingRecordedEvent;
import org.weiquan.api.petition.PetitionEvent.ReplyOverdueEvent;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.api.petition.SatisfactionRating;
import org.weiquan.query.support.DisputeLog;
import org.weiquan.query.support.HazardLog;
import org.weiquan.query.support.LegalAidLog;
import org.weiquan.query.support.ReadModelDatabase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rates come out right on a small set of cases whose outcomes are counted by hand. */
class MonitoringProjectionTest {
    private static final OrganisationId CITY = new OrganisationId("szftu");
    private static final OrganisationId GUSU = new OrganisationId("szftu/gusu");
    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    private ReadModelDatabase database;
    private MonitoringProjection projection;
    private AnnotationEventHandlerAdapter handler;
    private MonitoringQueryHandlers queries;
    private final List<DomainEventMessage<?>> log = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        projection = new MonitoringProjection(database.jdbc());
        handler = new AnnotationEventHandlerAdapter(projection);
        queries = new MonitoringQueryHandlers(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    /** Four disputes (one in Kunshan), three hazards, two legal-aid cases, three petitions. */
    private void handMadeSet() {
        DisputeId settled = DisputeLog.newId();
        add(CaseStream.of("LabourDispute", settled, START).append(
                DisputeLog.filing(settled).caseNumber("LD-2026-000001").build(),
                new SettlementReachedEvent(settled, new BigDecimal("8000.00"), LocalDate.of(2026, 3, 20), "terms")));
        DisputeId awardedInTime = DisputeLog.newId();
        add(CaseStream.of("LabourDispute", awardedInTime, START).append(
                DisputeLog.filing(awardedInTime).caseNumber("LD-2026-000002").build(),
                new MediationFailedEvent(awardedInTime, "employer absent"),
                new ArbitrationAwardRecordedEvent(awardedInTime, LocalDate.of(2026, 4, 20), AwardOutcome.UPHELD,
                        new BigDecimal("9000.00"), true)));
        DisputeId awardedLate = DisputeLog.newId();
        add(CaseStream.of("LabourDispute", awardedLate, START).append(
                DisputeLog.filing(awardedLate).caseNumber("LD-2026-000003").build(),
                new MediationPeriodExpiredEvent(awardedLate, LocalDate.of(2026, 3, 17)),
                new ArbitrationAwardOverdueEvent(awardedLate, LocalDate.of(2026, 5, 4)),
                new ArbitrationAwardRecordedEvent(awardedLate, LocalDate.of(2026, 5, 8), AwardOutcome.DISMISSED,
                        null, false)));
        DisputeId kunshan = DisputeLog.newId();
        add(CaseStream.of("LabourDispute", kunshan, START).append(
                DisputeLog.filing(kunshan).caseNumber("LD-2026-000004").organisation("szftu/kunshan")
                        .district(District.KUNSHAN).build(),
                new MediationFailedEvent(kunshan, "no agreement")));

        HazardId passedInTime = HazardLog.newId();
        add(CaseStream.of("SafetyHazard", passedInTime, START).append(
                HazardLog.report(passedInTime).caseNumber("SH-2026-000001").build(),
                notice(passedInTime, 1, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 31)),
                new RectificationVerifiedEvent(passedInTime, 1, LocalDate.of(2026, 3, 30), VerificationOutcome.PASSED,
                        "removed", true)));
        HazardId passedLate = HazardLog.newId();
        add(CaseStream.of("SafetyHazard", passedLate, START).append(
                HazardLog.report(passedLate).caseNumber("SH-2026-000002").build(),
                notice(passedLate, 1, LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 20)),
                new RectificationOverdueEvent(passedLate, new CaseNumber("SH-2026-000002"), 1,
                        LocalDate.of(2026, 3, 20), HazardSeverity.GENERAL, District.GUSU, false),
                new RectificationVerifiedEvent(passedLate, 1, LocalDate.of(2026, 3, 23), VerificationOutcome.FAILED,
                        "guard still missing", false),
                new RectificationNoticeReissuedEvent(passedLate, 2, LocalDate.of(2026, 3, 23),
                        LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 10), LocalDate.of(2026, 4, 13), "again"),
                new RectificationVerifiedEvent(passedLate, 2, LocalDate.of(2026, 4, 14), VerificationOutcome.PASSED,
                        "removed", false)));
        HazardId unrectified = HazardLog.newId();
        add(CaseStream.of("SafetyHazard", unrectified, START).append(
                HazardLog.report(unrectified).caseNumber("SH-2026-000003").build(),
                notice(unrectified, 1, LocalDate.of(2026, 4, 2), LocalDate.of(2026, 6, 30))));

        LegalAidCaseId approved = LegalAidLog.newId();
        add(CaseStream.of("LegalAidCase", approved, START).append(
                LegalAidLog.application(approved).caseNumber("LA-2026-000001").build(),
                new LegalAidApprovedEvent(approved, LocalDate.of(2026, 3, 6), true, null, true,
                        LocalDate.of(2026, 3, 9)),
                new LawyerAssignedEvent(approved, "lawyer-1", "王律师", LocalDate.of(2026, 3, 8), null, true)));
        LegalAidCaseId rejectedLate = LegalAidLog.newId();
        add(CaseStream.of("LegalAidCase", rejectedLate, START).append(
                LegalAidLog.application(rejectedLate).caseNumber("LA-2026-000002").build(),
                new DecisionOverdueEvent(rejectedLate, LocalDate.of(2026, 3, 9)),
                new LegalAidRejectedEvent(rejectedLate, LocalDate.of(2026, 3, 11), "not a labour matter", false,
                        false)));

        PetitionId satisfied = new PetitionId(UUID.randomUUID());
        add(CaseStream.of("Petition", satisfied, START).append(
                CaseStream.petition(satisfied, "PT-2026-000001", "szftu/gusu", District.GUSU, 0, LocalDate.of(2026, 3, 2)),
                new PetitionRepliedEvent(satisfied, LocalDate.of(2026, 4, 1), "reply", true, LocalDate.of(2026, 5, 1)),
                rating(satisfied, AnswerStage.REPLY, SatisfactionRating.SATISFIED, LocalDate.of(2026, 4, 3))));
        PetitionId overdue = new PetitionId(UUID.randomUUID());
        add(CaseStream.of("Petition", overdue, START).append(
                CaseStream.petition(overdue, "PT-2026-000002", "szftu/gusu", District.GUSU, 0, LocalDate.of(2026, 3, 2)),
                new ReplyOverdueEvent(overdue, LocalDate.of(2026, 5, 8))));
        PetitionId twoRatings = new PetitionId(UUID.randomUUID());
        add(CaseStream.of("Petition", twoRatings, START).append(
                CaseStream.petition(twoRatings, "PT-2026-000003", "szftu/gusu", District.GUSU, 0, LocalDate.of(2026, 3, 2)),
                new PetitionRepliedEvent(twoRatings, LocalDate.of(2026, 4, 2), "reply", true, LocalDate.of(2026, 5, 2)),
                rating(twoRatings, AnswerStage.REPLY, SatisfactionRating.DISSATISFIED, LocalDate.of(2026, 4, 4)),
                rating(twoRatings, AnswerStage.REVIEW, SatisfactionRating.BASICALLY_SATISFIED,
                        LocalDate.of(2026, 5, 30))));
        log.sort(Comparator.comparing(EventMessage::getTimestamp));
    }

    @Test
    void the_rates_of_a_small_hand_made_set_are_the_ones_counted_by_hand() {
        handMadeSet();
        deliverAll();

        Rates rates = queries.handle(new RatesQuery(CITY, null, null, null));

        assertRate(rates.mediationSuccess(), 1, 4);              // settled / settled + failed + failed + expired
        assertRate(rates.rectification(), 2, 3);                 // passed / hazards given a notice
        assertRate(rates.petitionSatisfaction(), 1, 3);          // SATISFIED / ratings
        assertRate(rates.petitionSatisfiedOrBasically(), 2, 3);
        Map<MonitoredDeadline, Rate> onTime = rates.onTime();
        assertRate(onTime.get(MonitoredDeadline.ARBITRATION_AWARD), 1, 2);
        assertRate(onTime.get(MonitoredDeadline.RECTIFICATION_VERIFICATION), 1, 3); // notice by notice
        assertRate(onTime.get(MonitoredDeadline.LEGAL_AID_DECISION), 1, 2);
        assertRate(onTime.get(MonitoredDeadline.LAWYER_ASSIGNMENT), 1, 1);
        assertRate(onTime.get(MonitoredDeadline.PETITION_REPLY), 2, 3);           // the overdue one counts as missed
        assertRate(onTime.get(MonitoredDeadline.PETITION_REEXAMINATION_ANSWER), 0, 0);
        assertThat(rates.mediationSuccess().rate()).isEqualByComparingTo("0.25");
        assertThat(onTime.get(MonitoredDeadline.PETITION_REEXAMINATION_ANSWER).rate()).isNull();
    }

    @Test
    void rates_count_only_the_viewers_organisation_and_the_district_asked_for() {
        handMadeSet();
        deliverAll();

        assertRate(queries.handle(new RatesQuery(GUSU, null, null, null)).mediationSuccess(), 1, 3);
        assertRate(queries.handle(new RatesQuery(CITY, null, null, District.KUNSHAN)).mediationSuccess(), 0, 1);
        assertRate(queries.handle(new RatesQuery(new OrganisationId("szftu/kunshan"), null, null, District.GUSU))
                .mediationSuccess(), 0, 0);
    }

    @Test
    void the_window_takes_the_outcomes_dated_within_it() {
        handMadeSet();
        deliverAll();

        Rates april = queries.handle(new RatesQuery(CITY, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), null));

        assertRate(april.onTime().get(MonitoredDeadline.ARBITRATION_AWARD), 1, 1);   // 20 April; 8 May is out
        assertRate(april.onTime().get(MonitoredDeadline.PETITION_REPLY), 2, 2);      // 1 and 2 April; overdue 8 May is out
        assertRate(april.rectification(), 0, 1);                                     // the notice of 2 April
        assertRate(april.petitionSatisfaction(), 1, 2);                              // 3 and 4 April
    }

    @Test
    void a_late_step_replaces_the_missed_deadline_and_a_redelivered_older_event_does_not_bring_it_back() {
        handMadeSet();
        deliverAll();
        List<Map<String, Object>> facts = facts();

        for (DomainEventMessage<?> event : log) {
            if (event.getPayload() instanceof ArbitrationAwardOverdueEvent) deliver(event);
        }
        deliverAll();

        assertThat(facts()).isEqualTo(facts);
        assertThat(database.jdbc().queryForList("SELECT outcome FROM monitoring_fact WHERE measure = ?",
                String.class, "ARBITRATION_AWARD")).containsExactlyInAnyOrder("ON_TIME", "LATE");
    }

    @Test
    void a_settlement_is_not_undone_by_the_mediation_period_expiring_afterwards() {
        DisputeId id = DisputeLog.newId();
        add(CaseStream.of("LabourDispute", id, START).append(DisputeLog.filing(id).build(),
                new SettlementReachedEvent(id, new BigDecimal("100.00"), LocalDate.of(2026, 3, 20), "terms"),
                new MediationPeriodExpiredEvent(id, LocalDate.of(2026, 3, 17))));
        deliverAll();

        assertRate(queries.handle(new RatesQuery(CITY, null, null, null)).mediationSuccess(), 1, 1);
    }

    @Test
    void a_reset_empties_the_facts_and_a_replay_rebuilds_the_same_rows() {
        handMadeSet();
        deliverAll();
        List<Map<String, Object>> facts = facts();
        assertThat(facts).isNotEmpty();
        assertThat(handler.supportsReset()).isTrue();

        handler.prepareReset();
        assertThat(facts()).isEmpty();
        assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM monitoring_case", Long.class)).isZero();
        deliverAll();

        assertThat(facts()).isEqualTo(facts);
    }

    private void deliverAll() {
        log.forEach(this::deliver);
    }

    private void deliver(EventMessage<?> event) {
        try {
            if (handler.canHandle(event)) handler.handle(event);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void add(CaseStream stream) {
        log.addAll(stream.events());
    }

    private List<Map<String, Object>> facts() {
        return database.jdbc().queryForList("SELECT * FROM monitoring_fact ORDER BY case_id, measure, item");
    }

    private static RectificationNoticeIssuedEvent notice(HazardId id, int number, LocalDate issuedOn, LocalDate dueOn) {
        return new RectificationNoticeIssuedEvent(id, number, issuedOn, dueOn, dueOn, issuedOn.plusDays(21), "fix");
    }

    private static PetitionerRatingRecordedEvent rating(PetitionId id, AnswerStage stage, SatisfactionRating rating,
                                                        LocalDate on) {
        return new PetitionerRatingRecordedEvent(id, stage, rating, on, null);
    }

    private static void assertRate(Rate rate, long achieved, long total) {
        assertThat(rate.achieved()).as("achieved").isEqualTo(achieved);
        assertThat(rate.total()).as("total").isEqualTo(total);
    }
}

package org.weiquan.command.dispute;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.DuplicateElsewhereFlaggedEvent;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.IllegalTransitionException;
import org.weiquan.api.common.NotOnRosterException;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.dispute.AwardOutcome;
import org.weiquan.api.dispute.ClosureReason;
import org.weiquan.api.dispute.DisputeCategory;
import org.weiquan.api.dispute.DisputeCommands.AcceptDisputeCommand;
import org.weiquan.api.dispute.DisputeCommands.AssignMediatorCommand;
import org.weiquan.api.dispute.DisputeCommands.CloseDisputeCommand;
import org.weiquan.api.dispute.DisputeCommands.ExtendArbitrationPeriodCommand;
import org.weiquan.api.dispute.DisputeCommands.FileDisputeCommand;
import org.weiquan.api.dispute.DisputeCommands.FlagDisputeDuplicateElsewhereCommand;
import org.weiquan.api.dispute.DisputeCommands.ReachSettlementCommand;
import org.weiquan.api.dispute.DisputeCommands.RecordArbitrationAcceptanceCommand;
import org.weiquan.api.dispute.DisputeCommands.RecordArbitrationAwardCommand;
import org.weiquan.api.dispute.DisputeCommands.RecordMediationFailureCommand;
import org.weiquan.api.dispute.DisputeCommands.RecordMediationSessionCommand;
import org.weiquan.api.dispute.DisputeCommands.RecordPaymentCommand;
import org.weiquan.api.dispute.DisputeCommands.ReferToArbitrationCommand;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.DisputeStatus;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAcceptanceOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationPeriodExtendedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.CollectiveDisputeAlertRaisedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeClosedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeFiledEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeReferredToArbitrationEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationFailedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationPeriodExpiredEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationSessionRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediatorAssignedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.PaymentRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementPaymentOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementReachedEvent;
import org.weiquan.api.dispute.Mediator;
import org.weiquan.command.common.OrganisationAreas;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.HolidayCalendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.weiquan.api.dispute.DisputeStatus.ACCEPTED;
import static org.weiquan.api.dispute.DisputeStatus.AWARDED;
import static org.weiquan.api.dispute.DisputeStatus.CLOSED;
import static org.weiquan.api.dispute.DisputeStatus.FILED;
import static org.weiquan.api.dispute.DisputeStatus.IN_ARBITRATION;
import static org.weiquan.api.dispute.DisputeStatus.MEDIATING;
import static org.weiquan.api.dispute.DisputeStatus.MEDIATION_FAILED;
import static org.weiquan.api.dispute.DisputeStatus.PAID;
import static org.weiquan.api.dispute.DisputeStatus.REFERRED_TO_ARBITRATION;
import static org.weiquan.api.dispute.DisputeStatus.SETTLED;
import static org.weiquan.command.common.CaseRuleMatchers.invalid;
import static org.weiquan.command.common.CaseRuleMatchers.onlyDeadlinesNamed;
import static org.weiquan.command.common.CaseRuleMatchers.refused;

/**
 * The labour dispute aggregate against the statutory policy and China's 2025/2026 holiday calendar.
 *
 * <p>The standard case: filed on Mon 2026-03-02 (mediation due Tue 03-17, ends 2026-03-17T16:00Z = midnight
 * in Beijing), accepted 03-03, mediator assigned, one session on 03-05; either settled (24 000.00 due Tue 03-31)
 * or failed and referred to arbitration on Fri 03-20 (acceptance due Wed 03-25), accepted by the commission on
 * Tue 03-24 (award due Fri 05-08; with a 10-day extension Mon 05-18).
 */
class LabourDisputeTest {

    // --- deadline names: literal on purpose, they are stored by the deadline scheduler ---
    private static final String MEDIATION_PERIOD = "mediation-period";
    private static final String PAYMENT_DUE = "settlement-payment-due";
    private static final String ARBITRATION_ACCEPTANCE_PERIOD = "arbitration-acceptance-period";
    private static final String ARBITRATION_AWARD_PERIOD = "arbitration-award-period";

    private static final DisputeId ID = DisputeId.of("6f1c2a9e-3b7d-4c1e-9a52-0d8e4f7b1c23");
    private static final CaseNumber CASE_NUMBER = new CaseNumber("LD-2026-000042");
    private static final OrganisationId ORGANISATION = new OrganisationId("szftu/gusu/pingjiang");
    private static final District DISTRICT = District.GUSU;
    private static final DisputeCategory CATEGORY = DisputeCategory.WAGE_ARREARS;
    private static final Employer EMPLOYER = new Employer("苏州平江精密电子有限公司", "91320508MA1W2X3Y4Z");
    private static final OfficerId OFFICER = new OfficerId("wang.fang");
    private static final Mediator MEDIATOR = new Mediator(new OfficerId("li.jun"), "李军");
    private static final Mediator OTHER_MEDIATOR = new Mediator(new OfficerId("zhao.min"), "赵敏");
    private static final String CLAIM = "三个月工资未付 (wages for December to February unpaid)";
    private static final BigDecimal CLAIMED = new BigDecimal("36000.00");

    private static final LocalDate APPLIED_ON = LocalDate.parse("2026-03-02");
    private static final LocalDate KNOWN_ON = LocalDate.parse("2026-02-10");
    private static final LocalDate MEDIATION_DUE = LocalDate.parse("2026-03-17");
    private static final Instant MEDIATION_END = Instant.parse("2026-03-17T16:00:00Z");
    private static final LocalDate ACCEPTED_ON = LocalDate.parse("2026-03-03");
    private static final LocalDate SESSION_ON = LocalDate.parse("2026-03-05");
    private static final String SESSION_SUMMARY = "both parties heard; employer disputes overtime hours";

    private static final BigDecimal SETTLEMENT = new BigDecimal("24000.00");
    private static final LocalDate PAYMENT_DUE_ON = LocalDate.parse("2026-03-31");
    private static final Instant PAYMENT_END = Instant.parse("2026-03-31T16:00:00Z");
    private static final String TERMS = "employer pays 24 000 yuan in one instalment";

    private static final String FAILURE_REASON = "employer did not attend the second session";
    private static final LocalDate REFERRED_ON = LocalDate.parse("2026-03-20");
    private static final String COMMISSION = "苏州市姑苏区劳动人事争议仲裁委员会";
    private static final LocalDate ACCEPTANCE_DUE = LocalDate.parse("2026-03-25");
    private static final Instant ACCEPTANCE_END = Instant.parse("2026-03-25T16:00:00Z");

    private static final LocalDate ARBITRATION_ACCEPTED_ON = LocalDate.parse("2026-03-24");
    private static final String ARBITRATION_CASE = "姑劳人仲案字〔2026〕第118号";
    private static final LocalDate AWARD_DUE = LocalDate.parse("2026-05-08");
    private static final Instant AWARD_END = Instant.parse("2026-05-08T16:00:00Z");
    private static final LocalDate EXTENDED_AWARD_DUE = LocalDate.parse("2026-05-18");
    private static final Instant EXTENDED_AWARD_END = Instant.parse("2026-05-18T16:00:00Z");
    private static final String EXTENSION_REASON = "wage records requested from the tax bureau";
    private static final BigDecimal AWARDED_AMOUNT = new BigDecimal("30000.00");

    /** Ten in Beijing on the filing day: before every deadline of the standard case. */
    private static final Instant FILING_TIME = Instant.parse("2026-03-02T02:00:00Z");

    private static final HolidayCalendar CALENDAR = loadCalendar();

    private FixtureConfiguration<LabourDispute> fixture;

    private static HolidayCalendar loadCalendar() {
        try (InputStream csv = LabourDisputeTest.class.getResourceAsStream("/holidays/cn.csv")) {
            if (csv == null) throw new IllegalStateException("holidays/cn.csv is not on the classpath");
            return HolidayCalendar.parse(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The roster the dispute consults: both mediators, active, unless a test changes it. */
    private final Map<OfficerId, Mediator> roster = new HashMap<>(Map.of(MEDIATOR.id(), MEDIATOR,
            OTHER_MEDIATOR.id(), OTHER_MEDIATOR));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LabourDispute.class);
        fixture.registerInjectableResource((MediatorRoster) id -> Optional.ofNullable(roster.get(id)));
        fixture.registerInjectableResource(OrganisationAreas.cityFederation());
        fixture.registerInjectableResource(DisputePolicy.statutory(new DeadlineCalculator(CALENDAR)));
    }

    // ------------------------------------------------------------------------------------------------
    // Filing
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Filing {

        @Test
        void filing_opens_the_dispute_and_returns_its_id() {
            fixture.givenNoPriorActivity()
                    .when(new Application().command())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(filedEvent(workers(2), KNOWN_ON, false, false, MEDIATION_DUE))
                    .expectResultMessagePayload(ID);
        }

        @Test
        void filing_schedules_the_mediation_deadline_at_midnight_in_beijing_after_the_fifteenth_day() {
            fixture.givenNoPriorActivity()
                    .when(new Application().command())
                    .expectScheduledDeadlineWithName(MEDIATION_END, MEDIATION_PERIOD)
                    .expectNoScheduledDeadlineWithName(MEDIATION_END.minusSeconds(1), MEDIATION_PERIOD)
                    .expectNoScheduledDeadlineWithName(MEDIATION_END.plus(Duration.ofHours(8)), MEDIATION_PERIOD);
        }

        @Test
        void a_mediation_period_ending_on_national_day_is_due_on_the_next_working_day() {
            LocalDate appliedOn = LocalDate.parse("2026-09-16"); // + 15 days = 2026-10-01
            LocalDate knownOn = LocalDate.parse("2026-09-01");
            fixture.givenNoPriorActivity()
                    .when(new Application().appliedOn(appliedOn).knownOn(knownOn).command())
                    .expectEvents(filedEvent(workers(2), appliedOn, knownOn, false, false,
                            LocalDate.parse("2026-10-08")))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-10-08T16:00:00Z"), MEDIATION_PERIOD);
        }

        @Test
        void without_a_date_of_knowledge_the_worker_is_taken_to_have_known_on_the_application_day() {
            fixture.givenNoPriorActivity()
                    .when(new Application().knownOn(null).command())
                    .expectEvents(filedEvent(workers(2), APPLIED_ON, false, false, MEDIATION_DUE));
        }

        @Test
        void a_claim_without_an_amount_is_accepted() {
            fixture.givenNoPriorActivity()
                    .when(new Application().claimedAmount(null).command())
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.instanceOf(DisputeFiledEvent.class)),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @Test
        void ten_workers_make_a_collective_dispute_and_raise_an_alert() {
            List<Worker> ten = workers(10);
            fixture.givenNoPriorActivity()
                    .when(new Application().workers(ten).command())
                    .expectEvents(filedEvent(ten, KNOWN_ON, true, false, MEDIATION_DUE),
                            new CollectiveDisputeAlertRaisedEvent(ID, CASE_NUMBER, 10, DISTRICT));
        }

        @Test
        void nine_workers_are_not_a_collective_dispute() {
            List<Worker> nine = workers(9);
            fixture.givenNoPriorActivity()
                    .when(new Application().workers(nine).command())
                    .expectEvents(filedEvent(nine, KNOWN_ON, false, false, MEDIATION_DUE));
        }

        @Test
        void a_collective_dispute_still_schedules_the_mediation_deadline() {
            fixture.givenNoPriorActivity()
                    .when(new Application().workers(workers(12)).command())
                    .expectScheduledDeadlineWithName(MEDIATION_END, MEDIATION_PERIOD);
        }

        @Test
        void a_filing_more_than_a_year_after_the_worker_knew_is_flagged_but_not_refused() {
            LocalDate knownOn = LocalDate.parse("2025-03-01"); // a year and a day before 2026-03-02
            fixture.givenNoPriorActivity()
                    .when(new Application().knownOn(knownOn).command())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(filedEvent(workers(2), knownOn, false, true, MEDIATION_DUE));
        }

        @Test
        void a_filing_exactly_one_year_after_the_worker_knew_is_not_late() {
            LocalDate knownOn = LocalDate.parse("2025-03-02");
            fixture.givenNoPriorActivity()
                    .when(new Application().knownOn(knownOn).command())
                    .expectEvents(filedEvent(workers(2), knownOn, false, false, MEDIATION_DUE));
        }

        @Test
        void a_dispute_naming_the_same_worker_twice_is_refused() {
            List<Worker> workers = new ArrayList<>(workers(3));
            Worker first = workers.get(0);
            workers.add(new Worker("张小明", first.idNumber(), "13800000000"));
            fixture.givenNoPriorActivity()
                    .when(new Application().workers(workers).command())
                    .expectException(invalid("dispute.duplicate-worker", "workers"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_dispute_without_workers_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Application().workers(null).command())
                    .expectException(invalid("dispute.no-worker", "workers"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @ValueSource(strings = {"caseNumber", "organisation", "district", "category", "employer", "appliedOn",
                "officerInCharge", "claim"})
        void a_dispute_missing_a_required_field_is_refused(String field) {
            fixture.givenNoPriorActivity()
                    .when(new Application().without(field).command())
                    .expectException(invalid("dispute.missing-field", field))
                    .expectExceptionMessage(field + " is required")
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_blank_claim_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Application().claim("  \t ").command())
                    .expectException(invalid("dispute.missing-field", "claim"))
                    .expectNoEvents();
        }

        @Test
        void a_negative_claimed_amount_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Application().claimedAmount(new BigDecimal("-0.01")).command())
                    .expectException(invalid("dispute.amount-negative", "claimedAmount"))
                    .expectNoEvents();
        }

        @Test
        void an_infringement_known_after_the_application_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Application().knownOn(APPLIED_ON.plusDays(1)).command())
                    .expectException(invalid("dispute.known-after-application", "infringementKnownOn"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Acceptance
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Acceptance {

        @Test
        void a_filed_dispute_is_accepted() {
            fixture.given(history(FILED))
                    .when(accept(ACCEPTED_ON))
                    .expectEvents(new DisputeAcceptedEvent(ID, ACCEPTED_ON));
        }

        @Test
        void a_dispute_may_be_accepted_on_the_day_it_was_filed() {
            fixture.given(history(FILED))
                    .when(accept(APPLIED_ON))
                    .expectEvents(new DisputeAcceptedEvent(ID, APPLIED_ON));
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "FILED")
        void only_a_filed_dispute_can_be_accepted(DisputeStatus status) {
            fixture.given(history(status))
                    .when(accept(ACCEPTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "dispute.illegal-transition"))
                    .expectExceptionMessage(containsString("cannot accept"))
                    .expectNoEvents();
        }

        @Test
        void acceptance_needs_a_date() {
            fixture.given(history(FILED))
                    .when(accept(null))
                    .expectException(invalid("dispute.missing-field", "acceptedOn"))
                    .expectNoEvents();
        }

        @Test
        void acceptance_before_the_application_is_refused() {
            fixture.given(history(FILED))
                    .when(accept(APPLIED_ON.minusDays(1)))
                    .expectException(invalid("dispute.date-too-early", "acceptedOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Mediator
    // ------------------------------------------------------------------------------------------------

    @Nested
    class MediatorAssignment {

        @Test
        void assigning_the_first_mediator_starts_mediation() {
            fixture.given(history(ACCEPTED))
                    .when(assign(MEDIATOR))
                    .expectEvents(new MediatorAssignedEvent(ID, MEDIATOR, null));
        }

        @Test
        void a_mediator_can_be_replaced_during_mediation() {
            fixture.given(history(MEDIATING))
                    .when(assign(OTHER_MEDIATOR))
                    .expectEvents(new MediatorAssignedEvent(ID, OTHER_MEDIATOR, MEDIATOR));
        }

        @Test
        void the_first_mediator_can_come_back_after_being_replaced() {
            fixture.given(history(MEDIATING))
                    .andGiven(new MediatorAssignedEvent(ID, OTHER_MEDIATOR, MEDIATOR))
                    .when(assign(MEDIATOR))
                    .expectEvents(new MediatorAssignedEvent(ID, MEDIATOR, OTHER_MEDIATOR));
        }

        @Test
        void reassigning_the_same_mediator_is_refused() {
            fixture.given(history(MEDIATING))
                    .when(assign(MEDIATOR))
                    .expectException(refused(IllegalTransitionException.class, "dispute.mediator-already-assigned"))
                    .expectExceptionMessage(containsString("li.jun is already the mediator of LD-2026-000042"))
                    .expectNoEvents();
        }

        @Test
        void the_same_mediator_under_a_changed_roster_name_is_still_the_same_mediator() {
            roster.put(MEDIATOR.id(), new Mediator(MEDIATOR.id(), "李军（调解中心）"));
            fixture.given(history(MEDIATING))
                    .when(assign(MEDIATOR))
                    .expectException(refused(IllegalTransitionException.class, "dispute.mediator-already-assigned"))
                    .expectNoEvents();
        }

        @Test
        void the_event_keeps_the_name_the_roster_gives_on_the_day() {
            Mediator renamed = new Mediator(OTHER_MEDIATOR.id(), "赵敏（法律援助中心）");
            roster.put(OTHER_MEDIATOR.id(), renamed);
            fixture.given(history(MEDIATING))
                    .when(assign(OTHER_MEDIATOR))
                    .expectEvents(new MediatorAssignedEvent(ID, renamed, MEDIATOR));
        }

        @Test
        void a_mediator_who_is_not_on_the_roster_or_no_longer_active_is_refused() {
            roster.remove(OTHER_MEDIATOR.id());
            fixture.given(history(MEDIATING))
                    .when(assign(OTHER_MEDIATOR))
                    .expectException(NotOnRosterException.class)
                    .expectExceptionMessage(containsString("zhao.min is not an active mediator"))
                    .expectNoEvents();
        }

        @Test
        void a_mediator_assigned_before_names_were_kept_is_handed_over_with_no_name() {
            Mediator withoutName = new Mediator(MEDIATOR.id(), null);
            fixture.given(history(ACCEPTED))
                    .andGiven(new MediatorAssignedEvent(ID, withoutName, null))
                    .when(assign(OTHER_MEDIATOR))
                    .expectEvents(new MediatorAssignedEvent(ID, OTHER_MEDIATOR, withoutName));
        }

        @Test
        void assigning_nobody_is_refused() {
            fixture.given(history(ACCEPTED))
                    .when(assign(null))
                    .expectException(invalid("dispute.missing-field", "mediator"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"ACCEPTED", "MEDIATING"})
        void a_mediator_can_only_be_assigned_to_an_accepted_or_mediating_dispute(DisputeStatus status) {
            fixture.given(history(status))
                    .when(assign(OTHER_MEDIATOR))
                    .expectException(refused(IllegalTransitionException.class, "dispute.illegal-transition"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Mediation sessions
    // ------------------------------------------------------------------------------------------------

    @Nested
    class MediationSessions {

        @Test
        void the_first_session_is_numbered_one() {
            fixture.given(history(MEDIATING))
                    .when(session(SESSION_ON))
                    .expectEvents(new MediationSessionRecordedEvent(ID, 1, SESSION_ON, SESSION_SUMMARY));
        }

        @Test
        void sessions_are_numbered_consecutively() {
            LocalDate second = SESSION_ON.plusDays(3);
            fixture.given(history(MEDIATING))
                    .andGiven(new MediationSessionRecordedEvent(ID, 1, SESSION_ON, SESSION_SUMMARY))
                    .when(session(second))
                    .expectEvents(new MediationSessionRecordedEvent(ID, 2, second, SESSION_SUMMARY));
        }

        @Test
        void a_session_may_be_held_after_the_mediation_period_expired() {
            fixture.given(history(MEDIATING))
                    .andGiven(new MediationPeriodExpiredEvent(ID, MEDIATION_DUE))
                    .when(session(MEDIATION_DUE.plusDays(2)))
                    .expectEvents(new MediationSessionRecordedEvent(ID, 1, MEDIATION_DUE.plusDays(2), SESSION_SUMMARY));
        }

        @Test
        void mediation_sessions_cannot_be_recorded_before_a_mediator_is_assigned() {
            fixture.given(history(ACCEPTED))
                    .when(session(SESSION_ON))
                    .expectException(refused(IllegalTransitionException.class, "dispute.illegal-transition"))
                    .expectExceptionMessage("cannot record a mediation session: LD-2026-000042 is ACCEPTED")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "MEDIATING")
        void sessions_are_recorded_only_while_mediating(DisputeStatus status) {
            fixture.given(history(status))
                    .when(session(SESSION_ON))
                    .expectException(refused(IllegalTransitionException.class, "dispute.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_session_needs_a_date() {
            fixture.given(history(MEDIATING))
                    .when(session(null))
                    .expectException(invalid("dispute.missing-field", "heldOn"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void a_session_needs_a_summary(String summary) {
            fixture.given(history(MEDIATING))
                    .when(new RecordMediationSessionCommand(ID, null, SESSION_ON, summary))
                    .expectException(invalid("dispute.missing-field", "summary"))
                    .expectNoEvents();
        }

        @Test
        void a_session_with_a_null_summary_is_refused() {
            fixture.given(history(MEDIATING))
                    .when(new RecordMediationSessionCommand(ID, null, SESSION_ON, null))
                    .expectException(invalid("dispute.missing-field", "summary"))
                    .expectNoEvents();
        }

        @Test
        void a_session_before_the_application_is_refused() {
            fixture.given(history(MEDIATING))
                    .when(session(APPLIED_ON.minusDays(1)))
                    .expectException(invalid("dispute.date-too-early", "heldOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Settlement and payment
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Settlement {

        @Test
        void a_settlement_is_reached_after_a_session() {
            fixture.given(history(MEDIATING))
                    .andGiven(sessionRecorded())
                    .when(settle(SETTLEMENT))
                    .expectEvents(new SettlementReachedEvent(ID, SETTLEMENT, PAYMENT_DUE_ON, TERMS));
        }

        @Test
        void settlement_requires_a_mediation_session() {
            fixture.given(history(MEDIATING))
                    .when(settle(SETTLEMENT))
                    .expectException(refused(IllegalTransitionException.class, "dispute.no-mediation-session"))
                    .expectNoEvents();
        }

        @Test
        void settlement_cancels_the_mediation_deadline_and_schedules_the_payment_deadline() {
            fixture.givenCommands(fileCommand(), accept(ACCEPTED_ON), assign(MEDIATOR), session(SESSION_ON))
                    .when(settle(SETTLEMENT))
                    .expectEvents(new SettlementReachedEvent(ID, SETTLEMENT, PAYMENT_DUE_ON, TERMS))
                    .expectNoScheduledDeadlineWithName(MEDIATION_END, MEDIATION_PERIOD)
                    .expectScheduledDeadlineWithName(PAYMENT_END, PAYMENT_DUE);
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "MEDIATING")
        void a_settlement_is_reached_only_in_mediation(DisputeStatus status) {
            fixture.given(history(status))
                    .when(settle(SETTLEMENT))
                    .expectException(refused(IllegalTransitionException.class, "dispute.illegal-transition"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.00", "-100.00"})
        void a_settlement_amount_must_be_positive(String amount) {
            fixture.given(history(MEDIATING))
                    .andGiven(sessionRecorded())
                    .when(settle(new BigDecimal(amount)))
                    .expectException(invalid("dispute.amount-not-positive", "amount"))
                    .expectNoEvents();
        }

        @Test
        void a_settlement_needs_an_amount() {
            fixture.given(history(MEDIATING))
                    .andGiven(sessionRecorded())
                    .when(settle(null))
                    .expectException(invalid("dispute.missing-field", "amount"))
                    .expectNoEvents();
        }

        @Test
        void a_settlement_needs_a_payment_date() {
            fixture.given(history(MEDIATING))
                    .andGiven(sessionRecorded())
                    .when(new ReachSettlementCommand(ID, null, SETTLEMENT, null, TERMS))
                    .expectException(invalid("dispute.missing-field", "paymentDueOn"))
                    .expectNoEvents();
        }

        @Test
        void a_settlement_needs_its_terms() {
            fixture.given(history(MEDIATING))
                    .andGiven(sessionRecorded())
                    .when(new ReachSettlementCommand(ID, null, SETTLEMENT, PAYMENT_DUE_ON, " "))
                    .expectException(invalid("dispute.missing-field", "terms"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Payment {

        @Test
        void a_partial_payment_leaves_the_dispute_settled() {
            fixture.given(history(SETTLED))
                    .when(pay("10000.00", "2026-03-20"))
                    .expectEvents(new PaymentRecordedEvent(ID, new BigDecimal("10000.00"),
                            LocalDate.parse("2026-03-20"), new BigDecimal("10000.00"), false));
        }

        @Test
        void the_payment_completing_the_amount_marks_the_settlement_fully_paid() {
            fixture.given(history(SETTLED))
                    .andGiven(partialPayment())
                    .when(pay("14000.00", "2026-03-30"))
                    .expectEvents(new PaymentRecordedEvent(ID, new BigDecimal("14000.00"),
                            LocalDate.parse("2026-03-30"), new BigDecimal("24000.00"), true));
        }

        @Test
        void a_partial_then_a_full_payment_let_the_dispute_close_as_resolved() {
            fixture.given(history(SETTLED))
                    .andGiven(partialPayment(),
                            new PaymentRecordedEvent(ID, new BigDecimal("14000.00"), LocalDate.parse("2026-03-30"),
                                    new BigDecimal("24000.00"), true))
                    .when(close(ClosureReason.RESOLVED))
                    .expectEvents(new DisputeClosedEvent(ID, ClosureReason.RESOLVED, "closed by the officer"));
        }

        @Test
        void after_a_partial_payment_the_dispute_cannot_close_as_resolved() {
            fixture.given(history(SETTLED))
                    .andGiven(partialPayment())
                    .when(close(ClosureReason.RESOLVED))
                    .expectException(refused(IllegalTransitionException.class, "dispute.cannot-close"))
                    .expectNoEvents();
        }

        @Test
        void an_overpayment_is_refused() {
            fixture.given(history(SETTLED))
                    .andGiven(partialPayment())
                    .when(pay("14000.01", "2026-03-30"))
                    .expectException(invalid("dispute.overpayment", "amount"))
                    .expectExceptionMessage("payments would total 24000.01, more than the agreed 24000.00")
                    .expectNoEvents();
        }

        @Test
        void a_single_payment_above_the_settlement_is_refused() {
            fixture.given(history(SETTLED))
                    .when(pay("24000.50", "2026-03-30"))
                    .expectException(invalid("dispute.overpayment", "amount"))
                    .expectNoEvents();
        }

        @Test
        void the_full_amount_paid_in_a_different_scale_counts_as_fully_paid() {
            // 24000 equals 24000.00 by value, not by scale: the total keeps the scale of the payments
            fixture.given(history(SETTLED))
                    .when(pay("24000", "2026-03-30"))
                    .expectEvents(new PaymentRecordedEvent(ID, new BigDecimal("24000"), LocalDate.parse("2026-03-30"),
                            new BigDecimal("24000"), true));
        }

        @Test
        void full_payment_cancels_the_payment_deadline() {
            fixture.givenCommands(commandsUpTo(SETTLED))
                    .when(pay("24000.00", "2026-03-30"))
                    .expectNoScheduledDeadlineWithName(PAYMENT_END, PAYMENT_DUE)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_partial_payment_keeps_the_payment_deadline() {
            fixture.givenCommands(commandsUpTo(SETTLED))
                    .when(pay("10000.00", "2026-03-20"))
                    .expectScheduledDeadlineWithName(PAYMENT_END, PAYMENT_DUE);
        }

        @Test
        void a_payment_is_recorded_even_after_it_was_overdue() {
            fixture.given(history(SETTLED))
                    .andGiven(new SettlementPaymentOverdueEvent(ID, PAYMENT_DUE_ON, SETTLEMENT))
                    .when(pay("24000.00", "2026-04-03"))
                    .expectEvents(new PaymentRecordedEvent(ID, new BigDecimal("24000.00"),
                            LocalDate.parse("2026-04-03"), new BigDecimal("24000.00"), true));
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "SETTLED")
        void payments_are_recorded_only_on_a_settled_dispute(DisputeStatus status) {
            fixture.given(history(status))
                    .when(pay("100.00", "2026-03-20"))
                    .expectException(refused(IllegalTransitionException.class, "dispute.illegal-transition"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1.00"})
        void a_payment_must_be_positive(String amount) {
            fixture.given(history(SETTLED))
                    .when(pay(amount, "2026-03-20"))
                    .expectException(invalid("dispute.amount-not-positive", "amount"))
                    .expectNoEvents();
        }

        @Test
        void a_payment_needs_an_amount() {
            fixture.given(history(SETTLED))
                    .when(new RecordPaymentCommand(ID, null, null, LocalDate.parse("2026-03-20")))
                    .expectException(invalid("dispute.missing-field", "amount"))
                    .expectNoEvents();
        }

        @Test
        void a_payment_needs_a_date() {
            fixture.given(history(SETTLED))
                    .when(new RecordPaymentCommand(ID, null, new BigDecimal("100.00"), null))
                    .expectException(invalid("dispute.missing-field", "paidOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Mediation failure and referral to arbitration
    // ------------------------------------------------------------------------------------------------

    @Nested
    class MediationFailure {

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, names = {"ACCEPTED", "MEDIATING"})
        void mediation_fails_from_an_accepted_or_mediating_dispute(DisputeStatus status) {
            fixture.given(history(status))
                    .when(fail())
                    .expectEvents(new MediationFailedEvent(ID, FAILURE_REASON));
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"ACCEPTED", "MEDIATING"})
        void mediation_cannot_fail_in_other_states(DisputeStatus status) {
            fixture.given(history(status))
                    .when(fail())
                    .expectException(refused(IllegalTransitionException.class, "dispute.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_failure_needs_a_reason() {
            fixture.given(history(MEDIATING))
                    .when(new RecordMediationFailureCommand(ID, null, ""))
                    .expectException(invalid("dispute.missing-field", "reason"))
                    .expectNoEvents();
        }

        @Test
        void failure_cancels_the_mediation_deadline() {
            fixture.givenCommands(fileCommand(), accept(ACCEPTED_ON), assign(MEDIATOR))
                    .when(fail())
                    .expectEvents(new MediationFailedEvent(ID, FAILURE_REASON))
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class ReferralToArbitration {

        @Test
        void a_dispute_is_referred_to_arbitration_after_mediation_failed() {
            fixture.given(history(MEDIATION_FAILED))
                    .when(refer(REFERRED_ON))
                    .expectEvents(new DisputeReferredToArbitrationEvent(ID, REFERRED_ON, COMMISSION, ACCEPTANCE_DUE));
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, names = {"FILED", "ACCEPTED", "MEDIATING"})
        void a_dispute_is_referred_to_arbitration_after_the_mediation_period_expired(DisputeStatus status) {
            fixture.given(historyWithExpiredMediation(status))
                    .when(refer(REFERRED_ON))
                    .expectEvents(new DisputeReferredToArbitrationEvent(ID, REFERRED_ON, COMMISSION, ACCEPTANCE_DUE));
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "MEDIATION_FAILED")
        void referral_is_refused_while_mediation_is_not_over(DisputeStatus status) {
            fixture.given(history(status))
                    .when(refer(REFERRED_ON))
                    .expectException(refused(IllegalTransitionException.class, "dispute.mediation-not-over"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, names = {"SETTLED", "PAID", "REFERRED_TO_ARBITRATION",
                "IN_ARBITRATION", "AWARDED", "CLOSED"})
        void an_expired_mediation_period_does_not_allow_referral_once_the_dispute_moved_on(DisputeStatus status) {
            fixture.given(historyWithExpiredMediation(status))
                    .when(refer(REFERRED_ON))
                    .expectException(refused(IllegalTransitionException.class, "dispute.mediation-not-over"))
                    .expectNoEvents();
        }

        @Test
        void an_acceptance_period_ending_on_national_day_is_due_on_the_next_working_day() {
            LocalDate referredOn = LocalDate.parse("2026-09-28"); // + 5 days = 2026-10-03
            fixture.given(history(MEDIATION_FAILED))
                    .when(refer(referredOn))
                    .expectEvents(new DisputeReferredToArbitrationEvent(ID, referredOn, COMMISSION,
                            LocalDate.parse("2026-10-08")))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-10-08T16:00:00Z"),
                            ARBITRATION_ACCEPTANCE_PERIOD);
        }

        @Test
        void referral_schedules_the_arbitration_acceptance_deadline() {
            fixture.givenCommands(fileCommand(), accept(ACCEPTED_ON), assign(MEDIATOR), fail())
                    .when(refer(REFERRED_ON))
                    .expectScheduledDeadlineWithName(ACCEPTANCE_END, ARBITRATION_ACCEPTANCE_PERIOD)
                    .expectNoScheduledDeadlineWithName(MEDIATION_END, MEDIATION_PERIOD);
        }

        @Test
        void referral_after_expiry_cancels_a_mediation_deadline_still_pending() {
            fixture.givenCommands(fileCommand())
                    .andGiven(new MediationPeriodExpiredEvent(ID, MEDIATION_DUE))
                    .when(refer(REFERRED_ON))
                    .expectEvents(new DisputeReferredToArbitrationEvent(ID, REFERRED_ON, COMMISSION, ACCEPTANCE_DUE))
                    .expectNoScheduledDeadlineWithName(MEDIATION_END, MEDIATION_PERIOD)
                    .expectScheduledDeadlineWithName(ACCEPTANCE_END, ARBITRATION_ACCEPTANCE_PERIOD);
        }

        @Test
        void a_referral_needs_a_date() {
            fixture.given(history(MEDIATION_FAILED))
                    .when(refer(null))
                    .expectException(invalid("dispute.missing-field", "referredOn"))
                    .expectNoEvents();
        }

        @Test
        void a_referral_needs_a_commission() {
            fixture.given(history(MEDIATION_FAILED))
                    .when(new ReferToArbitrationCommand(ID, null, REFERRED_ON, " "))
                    .expectException(invalid("dispute.missing-field", "commission"))
                    .expectNoEvents();
        }

        @Test
        void a_referral_before_the_application_is_refused() {
            fixture.given(history(MEDIATION_FAILED))
                    .when(refer(APPLIED_ON.minusDays(1)))
                    .expectException(invalid("dispute.date-too-early", "referredOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Arbitration
    // ------------------------------------------------------------------------------------------------

    @Nested
    class ArbitrationAcceptance {

        @Test
        void the_commission_accepts_the_case_and_the_award_falls_due_45_days_later() {
            fixture.given(history(REFERRED_TO_ARBITRATION))
                    .when(acceptArbitration(ARBITRATION_ACCEPTED_ON))
                    .expectEvents(new ArbitrationAcceptedEvent(ID, ARBITRATION_ACCEPTED_ON, ARBITRATION_CASE,
                            AWARD_DUE));
        }

        @Test
        void an_award_period_ending_in_the_labour_day_holiday_is_due_on_the_next_working_day() {
            // accepted the day of referral, 2026-03-20: + 45 days = 2026-05-04 (holiday), 05-05 holiday too
            fixture.given(history(REFERRED_TO_ARBITRATION))
                    .when(acceptArbitration(REFERRED_ON))
                    .expectEvents(new ArbitrationAcceptedEvent(ID, REFERRED_ON, ARBITRATION_CASE,
                            LocalDate.parse("2026-05-06")));
        }

        @Test
        void acceptance_cancels_the_acceptance_deadline_and_schedules_the_award_deadline() {
            fixture.givenCommands(commandsUpTo(REFERRED_TO_ARBITRATION))
                    .when(acceptArbitration(ARBITRATION_ACCEPTED_ON))
                    .expectNoScheduledDeadlineWithName(ACCEPTANCE_END, ARBITRATION_ACCEPTANCE_PERIOD)
                    .expectScheduledDeadlineWithName(AWARD_END, ARBITRATION_AWARD_PERIOD);
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "REFERRED_TO_ARBITRATION")
        void only_a_referred_dispute_can_be_accepted_by_the_commission(DisputeStatus status) {
            fixture.given(history(status))
                    .when(acceptArbitration(ARBITRATION_ACCEPTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "dispute.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void arbitration_acceptance_needs_a_date() {
            fixture.given(history(REFERRED_TO_ARBITRATION))
                    .when(acceptArbitration(null))
                    .expectException(invalid("dispute.missing-field", "acceptedOn"))
                    .expectNoEvents();
        }

        @Test
        void arbitration_acceptance_needs_the_commission_case_number() {
            fixture.given(history(REFERRED_TO_ARBITRATION))
                    .when(new RecordArbitrationAcceptanceCommand(ID, null, ARBITRATION_ACCEPTED_ON, null))
                    .expectException(invalid("dispute.missing-field", "arbitrationCaseNumber"))
                    .expectNoEvents();
        }

        @Test
        void arbitration_acceptance_before_the_referral_is_refused() {
            fixture.given(history(REFERRED_TO_ARBITRATION))
                    .when(acceptArbitration(REFERRED_ON.minusDays(1)))
                    .expectException(invalid("dispute.date-too-early", "acceptedOn"))
                    .expectExceptionMessage(containsString("before the referral date (2026-03-20)"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ArbitrationExtension {

        @Test
        void the_award_period_is_extended_from_the_acceptance_date() {
            fixture.given(history(IN_ARBITRATION))
                    .when(extend(10))
                    .expectEvents(new ArbitrationPeriodExtendedEvent(ID, 10, EXTENSION_REASON, EXTENDED_AWARD_DUE));
        }

        @Test
        void the_longest_extension_is_15_days_and_rolls_over_a_weekend() {
            // 2026-03-24 + 60 days = Sat 2026-05-23 -> Mon 05-25
            fixture.given(history(IN_ARBITRATION))
                    .when(extend(15))
                    .expectEvents(new ArbitrationPeriodExtendedEvent(ID, 15, EXTENSION_REASON,
                            LocalDate.parse("2026-05-25")));
        }

        @Test
        void the_shortest_extension_is_one_day_and_may_end_on_an_adjusted_working_saturday() {
            // 2026-03-24 + 46 days = Sat 2026-05-09, a working day in exchange for Labour Day
            fixture.given(history(IN_ARBITRATION))
                    .when(extend(1))
                    .expectEvents(new ArbitrationPeriodExtendedEvent(ID, 1, EXTENSION_REASON,
                            LocalDate.parse("2026-05-09")));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 16, 30})
        void an_extension_outside_1_to_15_days_is_refused(int days) {
            fixture.given(history(IN_ARBITRATION))
                    .when(extend(days))
                    .expectException(invalid("dispute.extension-out-of-range", "days"))
                    .expectExceptionMessage("an extension is 1 to 15 days")
                    .expectNoEvents();
        }

        @Test
        void the_award_period_is_extended_only_once() {
            fixture.given(history(IN_ARBITRATION))
                    .andGiven(extended(10))
                    .when(extend(5))
                    .expectException(refused(IllegalTransitionException.class, "dispute.arbitration-already-extended"))
                    .expectNoEvents();
        }

        @Test
        void an_extension_needs_a_reason() {
            fixture.given(history(IN_ARBITRATION))
                    .when(new ExtendArbitrationPeriodCommand(ID, null, 10, null))
                    .expectException(invalid("dispute.missing-field", "reason"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "IN_ARBITRATION")
        void only_a_case_in_arbitration_can_have_its_period_extended(DisputeStatus status) {
            fixture.given(history(status))
                    .when(extend(10))
                    .expectException(refused(IllegalTransitionException.class, "dispute.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void an_extension_reschedules_the_award_deadline_to_45_plus_the_extension_days() {
            fixture.givenCommands(commandsUpTo(IN_ARBITRATION))
                    .when(extend(10))
                    .expectNoScheduledDeadlineWithName(AWARD_END, ARBITRATION_AWARD_PERIOD)
                    .expectScheduledDeadlineWithName(EXTENDED_AWARD_END, ARBITRATION_AWARD_PERIOD);
        }
    }

    @Nested
    class Award {

        @Test
        void an_award_on_the_last_day_is_within_the_period() {
            fixture.given(history(IN_ARBITRATION))
                    .when(award(AWARD_DUE))
                    .expectEvents(new ArbitrationAwardRecordedEvent(ID, AWARD_DUE, AwardOutcome.UPHELD, AWARDED_AMOUNT,
                            true));
        }

        @Test
        void an_award_after_the_last_day_is_flagged_as_outside_the_period() {
            LocalDate late = AWARD_DUE.plusDays(1);
            fixture.given(history(IN_ARBITRATION))
                    .when(award(late))
                    .expectEvents(new ArbitrationAwardRecordedEvent(ID, late, AwardOutcome.UPHELD, AWARDED_AMOUNT,
                            false));
        }

        @Test
        void after_an_extension_an_award_by_the_extended_day_is_within_the_period() {
            fixture.given(history(IN_ARBITRATION))
                    .andGiven(extended(10))
                    .when(award(EXTENDED_AWARD_DUE))
                    .expectEvents(new ArbitrationAwardRecordedEvent(ID, EXTENDED_AWARD_DUE, AwardOutcome.UPHELD,
                            AWARDED_AMOUNT, true));
        }

        @Test
        void after_an_extension_an_award_after_the_extended_day_is_outside_the_period() {
            LocalDate late = EXTENDED_AWARD_DUE.plusDays(1);
            fixture.given(history(IN_ARBITRATION))
                    .andGiven(extended(10))
                    .when(award(late))
                    .expectEvents(new ArbitrationAwardRecordedEvent(ID, late, AwardOutcome.UPHELD, AWARDED_AMOUNT,
                            false));
        }

        @Test
        void a_dismissal_without_an_amount_is_recorded() {
            fixture.given(history(IN_ARBITRATION))
                    .when(new RecordArbitrationAwardCommand(ID, null, AWARD_DUE, AwardOutcome.DISMISSED, null))
                    .expectEvents(new ArbitrationAwardRecordedEvent(ID, AWARD_DUE, AwardOutcome.DISMISSED, null, true));
        }

        @Test
        void an_award_on_the_acceptance_day_is_allowed() {
            fixture.given(history(IN_ARBITRATION))
                    .when(award(ARBITRATION_ACCEPTED_ON))
                    .expectEvents(new ArbitrationAwardRecordedEvent(ID, ARBITRATION_ACCEPTED_ON, AwardOutcome.UPHELD,
                            AWARDED_AMOUNT, true));
        }

        @Test
        void the_award_cancels_the_award_deadline() {
            fixture.givenCommands(commandsUpTo(IN_ARBITRATION))
                    .when(award(AWARD_DUE))
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "IN_ARBITRATION")
        void an_award_is_recorded_only_in_arbitration(DisputeStatus status) {
            fixture.given(history(status))
                    .when(award(AWARD_DUE))
                    .expectException(refused(IllegalTransitionException.class, "dispute.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void an_award_needs_a_date() {
            fixture.given(history(IN_ARBITRATION))
                    .when(award(null))
                    .expectException(invalid("dispute.missing-field", "awardedOn"))
                    .expectNoEvents();
        }

        @Test
        void an_award_needs_an_outcome() {
            fixture.given(history(IN_ARBITRATION))
                    .when(new RecordArbitrationAwardCommand(ID, null, AWARD_DUE, null, AWARDED_AMOUNT))
                    .expectException(invalid("dispute.missing-field", "outcome"))
                    .expectNoEvents();
        }

        @Test
        void a_negative_awarded_amount_is_refused() {
            fixture.given(history(IN_ARBITRATION))
                    .when(new RecordArbitrationAwardCommand(ID, null, AWARD_DUE, AwardOutcome.UPHELD,
                            new BigDecimal("-1")))
                    .expectException(invalid("dispute.amount-negative", "awardedAmount"))
                    .expectNoEvents();
        }

        @Test
        void an_award_before_the_acceptance_is_refused() {
            fixture.given(history(IN_ARBITRATION))
                    .when(award(ARBITRATION_ACCEPTED_ON.minusDays(1)))
                    .expectException(invalid("dispute.date-too-early", "awardedOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Closing
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Closing {

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, names = {"PAID", "AWARDED"})
        void a_paid_or_awarded_dispute_closes_as_resolved(DisputeStatus status) {
            fixture.given(history(status))
                    .when(close(ClosureReason.RESOLVED))
                    .expectEvents(new DisputeClosedEvent(ID, ClosureReason.RESOLVED, "closed by the officer"));
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"PAID", "AWARDED", "CLOSED"})
        void a_dispute_neither_paid_nor_awarded_cannot_close_as_resolved(DisputeStatus status) {
            fixture.given(history(status))
                    .when(close(ClosureReason.RESOLVED))
                    .expectException(refused(IllegalTransitionException.class, "dispute.cannot-close"))
                    .expectExceptionMessage("LD-2026-000042 is " + status + " and cannot be closed as RESOLVED")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, names = {"FILED", "REFERRED_TO_ARBITRATION"})
        void a_filed_or_referred_dispute_closes_as_not_accepted(DisputeStatus status) {
            fixture.given(history(status))
                    .when(close(ClosureReason.NOT_ACCEPTED))
                    .expectEvents(new DisputeClosedEvent(ID, ClosureReason.NOT_ACCEPTED, "closed by the officer"));
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE,
                names = {"FILED", "REFERRED_TO_ARBITRATION", "CLOSED"})
        void an_accepted_dispute_cannot_close_as_not_accepted(DisputeStatus status) {
            fixture.given(history(status))
                    .when(close(ClosureReason.NOT_ACCEPTED))
                    .expectException(refused(IllegalTransitionException.class, "dispute.cannot-close"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"PAID", "AWARDED", "CLOSED"})
        void an_open_unresolved_dispute_can_be_withdrawn(DisputeStatus status) {
            fixture.given(history(status))
                    .when(new CloseDisputeCommand(ID, null, ClosureReason.WITHDRAWN, null))
                    .expectEvents(new DisputeClosedEvent(ID, ClosureReason.WITHDRAWN, null));
        }

        @ParameterizedTest
        @EnumSource(value = DisputeStatus.class, names = {"PAID", "AWARDED"})
        void a_resolved_dispute_cannot_be_withdrawn(DisputeStatus status) {
            fixture.given(history(status))
                    .when(close(ClosureReason.WITHDRAWN))
                    .expectException(refused(IllegalTransitionException.class, "dispute.cannot-close"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(ClosureReason.class)
        void a_closed_dispute_cannot_be_closed_again(ClosureReason reason) {
            fixture.given(history(CLOSED))
                    .when(close(reason))
                    .expectException(refused(IllegalTransitionException.class, "dispute.already-closed"))
                    .expectExceptionMessage("LD-2026-000042 is already closed")
                    .expectNoEvents();
        }

        @Test
        void closing_needs_a_reason() {
            fixture.given(history(FILED))
                    .when(close(null))
                    .expectException(invalid("dispute.missing-field", "reason"))
                    .expectNoEvents();
        }

        @Test
        void closing_a_filed_dispute_cancels_the_mediation_deadline() {
            fixture.givenCommands(fileCommand())
                    .when(close(ClosureReason.NOT_ACCEPTED))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void withdrawing_a_settled_dispute_cancels_the_payment_deadline() {
            fixture.givenCommands(commandsUpTo(SETTLED))
                    .when(close(ClosureReason.WITHDRAWN))
                    .expectEvents(new DisputeClosedEvent(ID, ClosureReason.WITHDRAWN, "closed by the officer"))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void closing_a_referred_dispute_cancels_the_acceptance_deadline() {
            fixture.givenCommands(commandsUpTo(REFERRED_TO_ARBITRATION))
                    .when(close(ClosureReason.NOT_ACCEPTED))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void withdrawing_during_arbitration_cancels_the_award_deadline() {
            fixture.givenCommands(commandsUpTo(IN_ARBITRATION))
                    .when(close(ClosureReason.WITHDRAWN))
                    .expectNoScheduledDeadlines();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Versions returned to the client (the next ETag)
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Versions {

        @Test
        void accepting_a_dispute_with_one_event_returns_version_one() {
            fixture.given(history(FILED))
                    .when(accept(ACCEPTED_ON))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void accepting_a_collective_dispute_returns_version_two() {
            List<Worker> ten = workers(10);
            fixture.given(filedEvent(ten, KNOWN_ON, true, false, MEDIATION_DUE),
                            new CollectiveDisputeAlertRaisedEvent(ID, CASE_NUMBER, 10, DISTRICT))
                    .when(accept(ACCEPTED_ON))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void the_version_counts_every_earlier_event() {
            // filed, accepted, assigned, failed, referred, accepted by the commission: sequence 0..5
            fixture.given(history(IN_ARBITRATION))
                    .when(extend(10))
                    .expectResultMessagePayload(6L);
        }

        @Test
        void the_version_is_the_same_whether_the_history_came_from_events_or_commands() {
            fixture.givenCommands(fileCommand(), accept(ACCEPTED_ON))
                    .when(assign(MEDIATOR))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void closing_returns_the_sequence_number_of_the_closed_event() {
            fixture.given(history(PAID))
                    .when(close(ClosureReason.RESOLVED))
                    .expectResultMessagePayload((long) history(PAID).size());
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Deadlines firing
    // ------------------------------------------------------------------------------------------------

    @Nested
    class MediationDeadline {

        @Test
        void the_mediation_period_expires_at_midnight_in_beijing_after_its_last_day() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(fileCommand())
                    .whenTimeAdvancesTo(MEDIATION_END)
                    .expectEvents(new MediationPeriodExpiredEvent(ID, MEDIATION_DUE))
                    .expectTriggeredDeadlinesWithName(MEDIATION_PERIOD)
                    .expectTriggeredDeadlinesMatching(onlyDeadlinesNamed(MEDIATION_PERIOD))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void the_mediation_period_has_not_expired_a_second_before_midnight() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(fileCommand())
                    .whenTimeAdvancesTo(MEDIATION_END.minusSeconds(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName()
                    .expectScheduledDeadlineWithName(MEDIATION_END, MEDIATION_PERIOD);
        }

        @Test
        void the_mediation_period_expires_when_the_last_hour_of_its_last_day_elapses() {
            fixture.givenCurrentTime(MEDIATION_END.minus(Duration.ofHours(1)))
                    .andGivenCommands(fileCommand())
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectEvents(new MediationPeriodExpiredEvent(ID, MEDIATION_DUE))
                    .expectTriggeredDeadlinesWithName(MEDIATION_PERIOD);
        }

        @Test
        void the_mediation_period_does_not_expire_while_part_of_its_last_hour_remains() {
            fixture.givenCurrentTime(MEDIATION_END.minus(Duration.ofHours(1)))
                    .andGivenCommands(fileCommand())
                    .whenTimeElapses(Duration.ofMinutes(59))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(Duration.ofMinutes(1), MEDIATION_PERIOD);
        }

        @Test
        void the_mediation_period_expires_for_an_accepted_dispute() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(fileCommand(), accept(ACCEPTED_ON))
                    .whenTimeAdvancesTo(MEDIATION_END)
                    .expectEvents(new MediationPeriodExpiredEvent(ID, MEDIATION_DUE));
        }

        @Test
        void the_mediation_period_expires_while_mediating_without_agreement() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(fileCommand(), accept(ACCEPTED_ON), assign(MEDIATOR), session(SESSION_ON))
                    .whenTimeAdvancesTo(MEDIATION_END)
                    .expectEvents(new MediationPeriodExpiredEvent(ID, MEDIATION_DUE));
        }

        @Test
        void a_mediation_period_ending_on_a_holiday_expires_at_midnight_after_the_rolled_over_day() {
            LocalDate appliedOn = LocalDate.parse("2026-09-16");
            fixture.givenCurrentTime(Instant.parse("2026-09-16T02:00:00Z"))
                    .andGivenCommands(new Application().appliedOn(appliedOn).knownOn(appliedOn).command())
                    .whenTimeAdvancesTo(Instant.parse("2026-10-08T16:00:00Z"))
                    .expectEvents(new MediationPeriodExpiredEvent(ID, LocalDate.parse("2026-10-08")));
        }

        @Test
        void a_settlement_stops_the_mediation_period_from_expiring() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(fileCommand(), accept(ACCEPTED_ON), assign(MEDIATOR), session(SESSION_ON),
                            settle(SETTLEMENT))
                    .whenTimeAdvancesTo(MEDIATION_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_failed_mediation_does_not_expire() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(fileCommand(), accept(ACCEPTED_ON), fail())
                    .whenTimeAdvancesTo(MEDIATION_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_mediation_deadline_that_outlived_the_mediation_does_nothing() {
            // the failure arrives as an event, so the deadline stays scheduled: the handler must re-check
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(fileCommand(), accept(ACCEPTED_ON))
                    .andGiven(new MediationFailedEvent(ID, FAILURE_REASON))
                    .whenTimeAdvancesTo(MEDIATION_END)
                    .expectTriggeredDeadlinesWithName(MEDIATION_PERIOD)
                    .expectNoEvents();
        }

        @Test
        void the_mediation_period_expires_only_once() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(fileCommand())
                    .andGiven(new MediationPeriodExpiredEvent(ID, MEDIATION_DUE))
                    .whenTimeAdvancesTo(MEDIATION_END)
                    .expectTriggeredDeadlinesWithName(MEDIATION_PERIOD)
                    .expectNoEvents();
        }
    }

    @Nested
    class PaymentDeadline {

        @Test
        void an_unpaid_settlement_becomes_overdue_at_midnight_after_the_due_day() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(SETTLED))
                    .whenTimeAdvancesTo(PAYMENT_END)
                    .expectEvents(new SettlementPaymentOverdueEvent(ID, PAYMENT_DUE_ON, new BigDecimal("24000.00")))
                    .expectTriggeredDeadlinesWithName(PAYMENT_DUE);
        }

        @Test
        void a_partly_paid_settlement_becomes_overdue_for_the_outstanding_amount() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(SETTLED))
                    .andGivenCommands(pay("10000.00", "2026-03-20"))
                    .whenTimeAdvancesTo(PAYMENT_END)
                    .expectEvents(new SettlementPaymentOverdueEvent(ID, PAYMENT_DUE_ON, new BigDecimal("14000.00")));
        }

        @Test
        void a_settlement_is_not_overdue_before_midnight_after_the_due_day() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(SETTLED))
                    .whenTimeAdvancesTo(PAYMENT_END.minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(PAYMENT_END, PAYMENT_DUE);
        }

        @Test
        void a_fully_paid_settlement_never_becomes_overdue() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(SETTLED))
                    .andGivenCommands(pay("10000.00", "2026-03-20"), pay("14000.00", "2026-03-30"))
                    .whenTimeAdvancesTo(PAYMENT_END.plus(Duration.ofDays(30)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_payment_deadline_that_outlived_the_settlement_does_nothing() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(SETTLED))
                    .andGiven(new PaymentRecordedEvent(ID, SETTLEMENT, LocalDate.parse("2026-03-30"), SETTLEMENT, true))
                    .whenTimeAdvancesTo(PAYMENT_END)
                    .expectTriggeredDeadlinesWithName(PAYMENT_DUE)
                    .expectNoEvents();
        }
    }

    @Nested
    class ArbitrationDeadlines {

        @Test
        void the_commission_is_overdue_five_days_after_the_referral() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(REFERRED_TO_ARBITRATION))
                    .whenTimeAdvancesTo(ACCEPTANCE_END)
                    .expectEvents(new ArbitrationAcceptanceOverdueEvent(ID, ACCEPTANCE_DUE))
                    .expectTriggeredDeadlinesWithName(ARBITRATION_ACCEPTANCE_PERIOD);
        }

        @Test
        void the_commission_is_not_overdue_before_the_end_of_the_fifth_day() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(REFERRED_TO_ARBITRATION))
                    .whenTimeAdvancesTo(ACCEPTANCE_END.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void an_accepted_case_is_not_overdue_for_acceptance() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(IN_ARBITRATION))
                    .whenTimeAdvancesTo(ACCEPTANCE_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void the_award_is_overdue_45_days_after_acceptance() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(IN_ARBITRATION))
                    .whenTimeAdvancesTo(AWARD_END)
                    .expectEvents(new ArbitrationAwardOverdueEvent(ID, AWARD_DUE))
                    .expectTriggeredDeadlinesWithName(ARBITRATION_AWARD_PERIOD);
        }

        @Test
        void the_award_is_not_overdue_before_the_end_of_the_45th_day() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(IN_ARBITRATION))
                    .whenTimeAdvancesTo(AWARD_END.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void after_an_extension_the_award_is_not_overdue_on_the_original_day() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(IN_ARBITRATION))
                    .andGivenCommands(extend(10))
                    .whenTimeAdvancesTo(AWARD_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(EXTENDED_AWARD_END, ARBITRATION_AWARD_PERIOD);
        }

        @Test
        void after_an_extension_the_award_is_overdue_45_plus_n_days_after_acceptance() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(IN_ARBITRATION))
                    .andGivenCommands(extend(10))
                    .whenTimeAdvancesTo(EXTENDED_AWARD_END)
                    .expectEvents(new ArbitrationAwardOverdueEvent(ID, EXTENDED_AWARD_DUE))
                    .expectTriggeredDeadlinesWithName(ARBITRATION_AWARD_PERIOD);
        }

        @Test
        void a_recorded_award_is_never_overdue() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(IN_ARBITRATION))
                    .andGivenCommands(award(AWARD_DUE.minusDays(2)))
                    .whenTimeAdvancesTo(AWARD_END.plus(Duration.ofDays(30)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void an_award_deadline_that_outlived_the_arbitration_does_nothing() {
            fixture.givenCurrentTime(FILING_TIME)
                    .andGivenCommands(commandsUpTo(IN_ARBITRATION))
                    .andGiven(new ArbitrationAwardRecordedEvent(ID, AWARD_DUE, AwardOutcome.UPHELD, AWARDED_AMOUNT,
                            true))
                    .whenTimeAdvancesTo(AWARD_END)
                    .expectTriggeredDeadlinesWithName(ARBITRATION_AWARD_PERIOD)
                    .expectNoEvents();
        }
    }

    // ================================================================================================
    // test data
    // ================================================================================================

    private static List<Worker> workers(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Worker("工人" + i, String.format("32050219900101%04d", i),
                        String.format("139%08d", i)))
                .toList();
    }

    /** A mediation application, valid unless changed. */
    private static final class Application {
        private CaseNumber caseNumber = CASE_NUMBER;
        private OrganisationId organisation = ORGANISATION;
        private District district = DISTRICT;
        private DisputeCategory category = CATEGORY;
        private List<Worker> workers = LabourDisputeTest.workers(2);
        private Employer employer = EMPLOYER;
        private String claim = CLAIM;
        private BigDecimal claimedAmount = CLAIMED;
        private LocalDate appliedOn = APPLIED_ON;
        private LocalDate knownOn = KNOWN_ON;
        private OfficerId officer = OFFICER;

        Application workers(List<Worker> value) {
            workers = value;
            return this;
        }

        Application appliedOn(LocalDate value) {
            appliedOn = value;
            return this;
        }

        Application knownOn(LocalDate value) {
            knownOn = value;
            return this;
        }

        Application claim(String value) {
            claim = value;
            return this;
        }

        Application claimedAmount(BigDecimal value) {
            claimedAmount = value;
            return this;
        }

        Application without(String field) {
            switch (field) {
                case "caseNumber" -> caseNumber = null;
                case "organisation" -> organisation = null;
                case "district" -> district = null;
                case "category" -> category = null;
                case "employer" -> employer = null;
                case "appliedOn" -> appliedOn = null;
                case "officerInCharge" -> officer = null;
                case "claim" -> claim = null;
                default -> throw new IllegalArgumentException(field);
            }
            return this;
        }

        FileDisputeCommand command() {
            return new FileDisputeCommand(ID, caseNumber, organisation, district, category, workers, employer, claim,
                    claimedAmount, appliedOn, knownOn, officer);
        }
    }

    private static FileDisputeCommand fileCommand() {
        return new Application().command();
    }

    private static DisputeFiledEvent filedEvent(List<Worker> workers, LocalDate knownOn, boolean collective,
                                                boolean late, LocalDate mediationDueOn) {
        return filedEvent(workers, APPLIED_ON, knownOn, collective, late, mediationDueOn);
    }

    private static DisputeFiledEvent filedEvent(List<Worker> workers, LocalDate appliedOn, LocalDate knownOn,
                                                boolean collective, boolean late, LocalDate mediationDueOn) {
        return new DisputeFiledEvent(ID, CASE_NUMBER, ORGANISATION, DISTRICT, CATEGORY, workers, EMPLOYER, CLAIM,
                CLAIMED, appliedOn, knownOn, OFFICER, collective, late, mediationDueOn);
    }

    private static MediationSessionRecordedEvent sessionRecorded() {
        return new MediationSessionRecordedEvent(ID, 1, SESSION_ON, SESSION_SUMMARY);
    }

    private static PaymentRecordedEvent partialPayment() {
        return new PaymentRecordedEvent(ID, new BigDecimal("10000.00"), LocalDate.parse("2026-03-20"),
                new BigDecimal("10000.00"), false);
    }

    private static ArbitrationPeriodExtendedEvent extended(int days) {
        return new ArbitrationPeriodExtendedEvent(ID, days, EXTENSION_REASON, EXTENDED_AWARD_DUE);
    }

    /** The events that bring the standard case into {@code status}. */
    private static List<Object> history(DisputeStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(filedEvent(workers(2), KNOWN_ON, false, false, MEDIATION_DUE));
        if (status == FILED) return events;
        events.add(new DisputeAcceptedEvent(ID, ACCEPTED_ON));
        if (status == ACCEPTED) return events;
        events.add(new MediatorAssignedEvent(ID, MEDIATOR, null));
        if (status == MEDIATING) return events;
        switch (status) {
            case SETTLED, PAID, CLOSED -> {
                events.add(sessionRecorded());
                events.add(new SettlementReachedEvent(ID, SETTLEMENT, PAYMENT_DUE_ON, TERMS));
                if (status == SETTLED) return events;
                events.add(new PaymentRecordedEvent(ID, SETTLEMENT, LocalDate.parse("2026-03-30"), SETTLEMENT, true));
                if (status == PAID) return events;
                events.add(new DisputeClosedEvent(ID, ClosureReason.RESOLVED, "paid in full"));
                return events;
            }
            default -> {
                events.add(new MediationFailedEvent(ID, FAILURE_REASON));
                if (status == MEDIATION_FAILED) return events;
                events.add(new DisputeReferredToArbitrationEvent(ID, REFERRED_ON, COMMISSION, ACCEPTANCE_DUE));
                if (status == REFERRED_TO_ARBITRATION) return events;
                events.add(new ArbitrationAcceptedEvent(ID, ARBITRATION_ACCEPTED_ON, ARBITRATION_CASE, AWARD_DUE));
                if (status == IN_ARBITRATION) return events;
                events.add(new ArbitrationAwardRecordedEvent(ID, AWARD_DUE, AwardOutcome.UPHELD, AWARDED_AMOUNT, true));
                if (status == AWARDED) return events;
                throw new IllegalArgumentException(status.name());
            }
        }
    }

    /** The same, with the mediation period having expired right after filing. */
    private static List<Object> historyWithExpiredMediation(DisputeStatus status) {
        List<Object> events = history(status);
        events.add(1, new MediationPeriodExpiredEvent(ID, MEDIATION_DUE));
        return events;
    }

    /** The commands that bring the standard case into {@code status}, scheduling its deadlines on the way. */
    private static List<Object> commandsUpTo(DisputeStatus status) {
        List<Object> commands = new ArrayList<>(List.of(fileCommand(), accept(ACCEPTED_ON), assign(MEDIATOR)));
        switch (status) {
            case SETTLED -> {
                commands.add(session(SESSION_ON));
                commands.add(settle(SETTLEMENT));
            }
            case REFERRED_TO_ARBITRATION -> {
                commands.add(fail());
                commands.add(refer(REFERRED_ON));
            }
            case IN_ARBITRATION -> {
                commands.add(fail());
                commands.add(refer(REFERRED_ON));
                commands.add(acceptArbitration(ARBITRATION_ACCEPTED_ON));
            }
            default -> throw new IllegalArgumentException(status.name());
        }
        return commands;
    }

    private static AcceptDisputeCommand accept(LocalDate on) {
        return new AcceptDisputeCommand(ID, null, on);
    }

    private static AssignMediatorCommand assign(Mediator mediator) {
        return new AssignMediatorCommand(ID, null, mediator == null ? null : mediator.id());
    }

    private static RecordMediationSessionCommand session(LocalDate on) {
        return new RecordMediationSessionCommand(ID, null, on, SESSION_SUMMARY);
    }

    private static ReachSettlementCommand settle(BigDecimal amount) {
        return new ReachSettlementCommand(ID, null, amount, PAYMENT_DUE_ON, TERMS);
    }

    private static RecordPaymentCommand pay(String amount, String on) {
        return new RecordPaymentCommand(ID, null, new BigDecimal(amount), LocalDate.parse(on));
    }

    private static RecordMediationFailureCommand fail() {
        return new RecordMediationFailureCommand(ID, null, FAILURE_REASON);
    }

    private static ReferToArbitrationCommand refer(LocalDate on) {
        return new ReferToArbitrationCommand(ID, null, on, COMMISSION);
    }

    private static RecordArbitrationAcceptanceCommand acceptArbitration(LocalDate on) {
        return new RecordArbitrationAcceptanceCommand(ID, null, on, ARBITRATION_CASE);
    }

    private static ExtendArbitrationPeriodCommand extend(int days) {
        return new ExtendArbitrationPeriodCommand(ID, null, days, EXTENSION_REASON);
    }

    private static RecordArbitrationAwardCommand award(LocalDate on) {
        return new RecordArbitrationAwardCommand(ID, null, on, AwardOutcome.UPHELD, AWARDED_AMOUNT);
    }

    private static CloseDisputeCommand close(ClosureReason reason) {
        return new CloseDisputeCommand(ID, null, reason, "closed by the officer");
    }

    // ================================================================================================
    // matchers
    // ================================================================================================




    // ------------------------------------------------------------------------------------------------
    // Possible duplicates in other organisations
    // ------------------------------------------------------------------------------------------------

    @Nested
    class DuplicatesElsewhere {
        // the rules behind it are CaseAggregate's, tested once in SafetyHazardTest; here: that it is wired
        private static final String OTHER = "5a0e7c1d-2b3f-4e6a-9c8d-7f1e2d3c4b5a";
        private final DuplicateElsewhereFlaggedEvent flagged =
                new DuplicateElsewhereFlaggedEvent(ID.toString(), CaseKind.LABOUR_DISPUTE, OTHER, CaseKind.LABOUR_DISPUTE);

        @Test
        void a_possible_duplicate_in_another_organisation_is_flagged_on_the_case() {
            fixture.given(history(FILED))
                    .when(new FlagDisputeDuplicateElsewhereCommand(ID, OTHER, CaseKind.LABOUR_DISPUTE))
                    .expectEvents(flagged);
        }
    }
}

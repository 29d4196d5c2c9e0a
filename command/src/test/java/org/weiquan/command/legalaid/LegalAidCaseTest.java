package org.weiquan.command.legalaid;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseLinkedEvent;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.DuplicateElsewhereFlaggedEvent;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.IllegalTransitionException;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.common.NotOnRosterException;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.legalaid.ActivityType;
import org.weiquan.api.legalaid.AidOutcome;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ActivityRecordedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ClosingReportSubmittedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.DecisionOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignmentOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidAppliedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidApprovedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidCaseClosedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidRejectedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.MaterialsSupplyPeriodExpiredEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.MissingMaterialsReceivedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.MissingMaterialsRequestedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionDismissedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionLodgedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionReviewOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionUpheldEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.OutcomeRecordedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.UrgentAidGrantedEvent;
import org.weiquan.api.legalaid.LegalAidCaseId;
import org.weiquan.api.legalaid.LegalAidClosureReason;
import org.weiquan.api.legalaid.LegalAidCommands.ApplyForLegalAidCommand;
import org.weiquan.api.legalaid.LegalAidCommands.ApproveLegalAidCommand;
import org.weiquan.api.legalaid.LegalAidCommands.AssignLawyerCommand;
import org.weiquan.api.legalaid.LegalAidCommands.CloseLegalAidCaseCommand;
import org.weiquan.api.legalaid.LegalAidCommands.FlagLegalAidCaseDuplicateElsewhereCommand;
import org.weiquan.api.legalaid.LegalAidCommands.GrantUrgentAidCommand;
import org.weiquan.api.legalaid.LegalAidCommands.LinkLegalAidCaseCommand;
import org.weiquan.api.legalaid.LegalAidCommands.LodgeObjectionCommand;
import org.weiquan.api.legalaid.LegalAidCommands.RecordActivityCommand;
import org.weiquan.api.legalaid.LegalAidCommands.RecordMaterialsReceivedCommand;
import org.weiquan.api.legalaid.LegalAidCommands.RecordOutcomeCommand;
import org.weiquan.api.legalaid.LegalAidCommands.RejectLegalAidCommand;
import org.weiquan.api.legalaid.LegalAidCommands.RequestMissingMaterialsCommand;
import org.weiquan.api.legalaid.LegalAidCommands.ReviewObjectionCommand;
import org.weiquan.api.legalaid.LegalAidCommands.SubmitClosingReportCommand;
import org.weiquan.api.legalaid.LegalAidStatus;
import org.weiquan.api.legalaid.MatterCategory;
import org.weiquan.api.legalaid.MeansTestResult;
import org.weiquan.api.legalaid.ObjectionFinding;
import org.weiquan.command.common.OrganisationAreas;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.HolidayCalendar;
import org.weiquan.command.deadline.LegalPeriod;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.containsString;
import static org.weiquan.api.legalaid.LegalAidStatus.APPLIED;
import static org.weiquan.api.legalaid.LegalAidStatus.APPROVED;
import static org.weiquan.api.legalaid.LegalAidStatus.AWAITING_MATERIALS;
import static org.weiquan.api.legalaid.LegalAidStatus.CLOSED;
import static org.weiquan.api.legalaid.LegalAidStatus.LAWYER_ASSIGNED;
import static org.weiquan.api.legalaid.LegalAidStatus.OBJECTION_UNDER_REVIEW;
import static org.weiquan.api.legalaid.LegalAidStatus.OUTCOME_RECORDED;
import static org.weiquan.api.legalaid.LegalAidStatus.REJECTED;
import static org.weiquan.api.legalaid.LegalAidStatus.REPORTED;
import static org.weiquan.command.common.CaseRuleMatchers.invalid;
import static org.weiquan.command.common.CaseRuleMatchers.onlyDeadlinesNamed;
import static org.weiquan.command.common.CaseRuleMatchers.refused;

/**
 * The legal-aid aggregate against the statutory policy and China's 2025/2026 holiday calendar.
 *
 * <p>The standard case: applied Mon 2026-03-02 (decision due Mon 03-09, ends 2026-03-09T16:00Z = midnight in
 * Beijing). Either approved Tue 03-03 (lawyer due Fri 03-06), lawyer.zhou assigned 03-04, a consultation on
 * 03-10, won on 2026-05-20 with 30 000.00 recovered, reported 05-25, closed; or missing materials requested
 * Wed 03-04 (2 days of the period used, supply by Fri 03-13) and received Thu 03-12 (5 days left: due Tue
 * 03-17); or rejected Fri 03-06, objection lodged Wed 03-11 (review due Mon 03-16), reviewed Fri 03-13.
 */
class LegalAidCaseTest {

    // --- deadline names: literal on purpose, they are stored by the deadline scheduler ---
    private static final String DECISION_PERIOD = "legal-aid-decision-period";
    private static final String MATERIALS_SUPPLY_PERIOD = "legal-aid-materials-supply-period";
    private static final String LAWYER_ASSIGNMENT_PERIOD = "legal-aid-lawyer-assignment-period";
    private static final String OBJECTION_REVIEW_PERIOD = "legal-aid-objection-review-period";

    private static final LegalAidCaseId ID = LegalAidCaseId.of("0b6c8c3e-5a2f-4d7e-8e61-4f3a2b1c9d05");
    private static final CaseNumber CASE_NUMBER = new CaseNumber("LA-2026-000007");
    private static final OrganisationId ORGANISATION = new OrganisationId("szftu/gusu");
    private static final District DISTRICT = District.GUSU;
    private static final Worker APPLICANT = new Worker("张小明", "320502199001011234", "13912345678");
    private static final Employer EMPLOYER = new Employer("苏州平江精密电子有限公司", "91320508MA1W2X3Y4Z");
    private static final OfficerId OFFICER = new OfficerId("officer.li");
    private static final String MATTER = "解除劳动合同经济补偿 (severance after dismissal)";
    private static final String GROUNDS = "家庭经济困难, 无力委托律师";
    private static final BigDecimal CLAIMED = new BigDecimal("48000.00");

    private static final LocalDate APPLIED_ON = LocalDate.parse("2026-03-02");
    private static final LocalDate DECISION_DUE = LocalDate.parse("2026-03-09");
    private static final Instant DECISION_END = Instant.parse("2026-03-09T16:00:00Z");

    private static final LocalDate REQUESTED_ON = LocalDate.parse("2026-03-04");
    private static final List<String> ITEMS = List.of("劳动合同复印件", "经济困难状况说明表", "解除劳动合同通知书");
    private static final LocalDate SUPPLY_BY = LocalDate.parse("2026-03-13");
    private static final Instant SUPPLY_END = Instant.parse("2026-03-13T16:00:00Z");
    private static final LocalDate RECEIVED_ON = LocalDate.parse("2026-03-12");
    private static final LocalDate DUE_AFTER_MATERIALS = LocalDate.parse("2026-03-17");
    private static final Instant END_AFTER_MATERIALS = Instant.parse("2026-03-17T16:00:00Z");

    private static final MeansTestResult HARDSHIP = new MeansTestResult(true, "低保证 苏民保字第0123号");
    private static final LocalDate APPROVED_ON = LocalDate.parse("2026-03-03");
    private static final LocalDate ASSIGNMENT_DUE = LocalDate.parse("2026-03-06");
    private static final Instant ASSIGNMENT_END = Instant.parse("2026-03-06T16:00:00Z");
    private static final String LAWYER = "lawyer.zhou";
    private static final String LAWYER_NAME = "周律师";
    private static final String OTHER_LAWYER = "lawyer.wu";
    private static final String OTHER_LAWYER_NAME = "吴律师";
    private static final LocalDate ASSIGNED_ON = LocalDate.parse("2026-03-04");
    private static final LocalDate CONSULTED_ON = LocalDate.parse("2026-03-10");
    private static final LocalDate CONCLUDED_ON = LocalDate.parse("2026-05-20");
    private static final BigDecimal RECOVERED = new BigDecimal("30000.00");
    private static final LocalDate REPORTED_ON = LocalDate.parse("2026-05-25");
    private static final String REPORT = "仲裁裁决支持经济补偿 30000 元, 已执行到位";

    private static final LocalDate REJECTED_ON = LocalDate.parse("2026-03-06");
    private static final String REJECTION_REASONS = "申请人月收入高于本市法律援助经济困难标准";
    private static final LocalDate LODGED_ON = LocalDate.parse("2026-03-11");
    private static final String OBJECTION_GROUNDS = "收入证明未计入赡养老人支出";
    private static final LocalDate REVIEW_DUE = LocalDate.parse("2026-03-16");
    private static final Instant REVIEW_END = Instant.parse("2026-03-16T16:00:00Z");
    private static final LocalDate REVIEWED_ON = LocalDate.parse("2026-03-13");
    private static final String REVIEW_REASONS = "扣除赡养支出后符合经济困难标准";
    private static final LocalDate ASSIGNMENT_DUE_AFTER_REVIEW = LocalDate.parse("2026-03-16");

    private static final LocalDate URGENT_ON = LocalDate.parse("2026-03-03");
    private static final LocalDate LIMITATION_ON = LocalDate.parse("2026-03-08");
    private static final String LIMITATION = "劳动仲裁时效 (一年) 届满";

    /** Ten in Beijing on the day of the application: before every deadline of the standard case. */
    private static final Instant APPLICATION_TIME = Instant.parse("2026-03-02T02:00:00Z");

    private static final HolidayCalendar CALENDAR = loadCalendar();

    private FixtureConfiguration<LegalAidCase> fixture;

    private static HolidayCalendar loadCalendar() {
        try (InputStream csv = LegalAidCaseTest.class.getResourceAsStream("/holidays/cn.csv")) {
            if (csv == null) throw new IllegalStateException("holidays/cn.csv is not on the classpath");
            return HolidayCalendar.parse(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The panel the case consults: both lawyers, active, unless a test changes it. */
    private final Map<String, String> panel = new HashMap<>(Map.of(LAWYER, LAWYER_NAME, OTHER_LAWYER, OTHER_LAWYER_NAME));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LegalAidCase.class);
        fixture.registerInjectableResource((LawyerPanel) id -> Optional.ofNullable(panel.get(id)));
        fixture.registerInjectableResource(OrganisationAreas.cityFederation());
        fixture.registerInjectableResource(LegalAidPolicy.statutory(new DeadlineCalculator(CALENDAR)));
    }

    // ------------------------------------------------------------------------------------------------
    // Application
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Application {

        @Test
        void applying_opens_the_case_with_the_decision_due_seven_days_later() {
            fixture.givenNoPriorActivity()
                    .when(new Applying().command())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(appliedEvent())
                    .expectResultMessagePayload(ID);
        }

        @Test
        void applying_schedules_the_decision_deadline_at_midnight_in_beijing_after_the_seventh_day() {
            fixture.givenNoPriorActivity()
                    .when(new Applying().command())
                    .expectScheduledDeadlineWithName(DECISION_END, DECISION_PERIOD)
                    .expectNoScheduledDeadlineWithName(DECISION_END.minusSeconds(1), DECISION_PERIOD)
                    .expectNoScheduledDeadlineWithName(DECISION_END.minus(Duration.ofDays(1)), DECISION_PERIOD);
        }

        @Test
        void a_decision_period_ending_on_national_day_is_due_on_the_next_working_day() {
            LocalDate appliedOn = LocalDate.parse("2026-09-24"); // + 7 = 10-01
            fixture.givenNoPriorActivity()
                    .when(new Applying().appliedOn(appliedOn).command())
                    .expectEvents(new Applying().appliedOn(appliedOn).event(false, LocalDate.parse("2026-10-08")))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-10-08T16:00:00Z"), DECISION_PERIOD);
        }

        @ParameterizedTest
        @EnumSource(value = MatterCategory.class, names = {"WAGES", "WORK_INJURY"})
        void a_migrant_worker_claiming_wages_or_work_injury_compensation_is_exempt_from_the_means_test(
                MatterCategory category) {
            Applying applying = new Applying().migrantWorker(true).category(category);
            fixture.givenNoPriorActivity()
                    .when(applying.command())
                    .expectEvents(applying.event(true, DECISION_DUE));
        }

        @ParameterizedTest
        @EnumSource(value = MatterCategory.class, names = {"LABOUR_CONTRACT", "SOCIAL_INSURANCE", "OTHER"})
        void a_migrant_worker_with_another_matter_is_not_exempt(MatterCategory category) {
            Applying applying = new Applying().migrantWorker(true).category(category);
            fixture.givenNoPriorActivity()
                    .when(applying.command())
                    .expectEvents(applying.event(false, DECISION_DUE));
        }

        @ParameterizedTest
        @EnumSource(value = MatterCategory.class, names = {"WAGES", "WORK_INJURY"})
        void a_worker_who_is_not_a_migrant_worker_is_not_exempt_even_for_wages(MatterCategory category) {
            Applying applying = new Applying().migrantWorker(false).category(category);
            fixture.givenNoPriorActivity()
                    .when(applying.command())
                    .expectEvents(applying.event(false, DECISION_DUE));
        }

        @Test
        void an_application_without_an_employer_or_a_claimed_amount_is_accepted() {
            Applying applying = new Applying().employer(null).amountClaimed(null);
            fixture.givenNoPriorActivity()
                    .when(applying.command())
                    .expectEvents(applying.event(false, DECISION_DUE));
        }

        @ParameterizedTest
        @ValueSource(strings = {"caseNumber", "organisation", "district", "applicant", "matterCategory", "matter",
                "grounds", "appliedOn", "officerInCharge"})
        void an_application_missing_a_required_field_is_refused(String field) {
            fixture.givenNoPriorActivity()
                    .when(new Applying().without(field).command())
                    .expectException(invalid("legal-aid.missing-field", field))
                    .expectExceptionMessage(field + " is required")
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  \t "})
        void an_application_with_blank_grounds_is_refused(String grounds) {
            fixture.givenNoPriorActivity()
                    .when(new Applying().grounds(grounds).command())
                    .expectException(invalid("legal-aid.missing-field", "grounds"))
                    .expectNoEvents();
        }

        @Test
        void an_applicant_with_a_blank_name_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Applying().applicant(new Worker(" ", APPLICANT.idNumber(), null)).command())
                    .expectException(invalid("legal-aid.missing-field", "applicant.name"))
                    .expectNoEvents();
        }

        @Test
        void an_applicant_with_a_blank_id_number_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Applying().applicant(new Worker("张小明", "", null)).command())
                    .expectException(invalid("legal-aid.missing-field", "applicant.idNumber"))
                    .expectNoEvents();
        }

        @Test
        void an_employer_with_a_blank_name_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Applying().employer(new Employer(" ", null)).command())
                    .expectException(invalid("legal-aid.missing-field", "employer.name"))
                    .expectNoEvents();
        }

        @Test
        void a_negative_claimed_amount_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Applying().amountClaimed(new BigDecimal("-0.01")).command())
                    .expectException(invalid("legal-aid.amount-negative", "amountClaimed"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Missing materials
    // ------------------------------------------------------------------------------------------------

    @Nested
    class MissingMaterials {

        @Test
        void one_notice_lists_every_missing_item_and_records_the_days_of_the_period_used() {
            fixture.given(history(APPLIED))
                    .when(requestMaterials(ITEMS))
                    .expectEvents(materialsRequested());
        }

        @Test
        void the_items_are_recorded_without_surrounding_spaces() {
            fixture.given(history(APPLIED))
                    .when(requestMaterials(List.of("  劳动合同复印件 ", "工资条")))
                    .expectEvents(new MissingMaterialsRequestedEvent(ID, REQUESTED_ON, List.of("劳动合同复印件", "工资条"),
                            SUPPLY_BY, 2));
        }

        @Test
        void the_notice_stops_the_decision_period_and_starts_the_supply_period() {
            fixture.givenCommands(new Applying().command())
                    .when(requestMaterials(ITEMS))
                    .expectNoScheduledDeadlineWithName(DECISION_END, DECISION_PERIOD)
                    .expectScheduledDeadlineWithName(SUPPLY_END, MATERIALS_SUPPLY_PERIOD);
        }

        @Test
        void a_second_notice_is_refused_while_the_first_is_awaited() {
            fixture.given(history(AWAITING_MATERIALS))
                    .when(requestMaterials(List.of("户口本")))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.materials-already-requested"))
                    .expectExceptionMessage(containsString("all of them go in one notice"))
                    .expectNoEvents();
        }

        @Test
        void a_second_notice_is_refused_after_the_first_was_answered() {
            fixture.given(history(AWAITING_MATERIALS))
                    .andGiven(materialsReceived())
                    .when(requestMaterials(List.of("户口本")))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.materials-already-requested"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"APPLIED", "AWAITING_MATERIALS"})
        void materials_are_requested_only_before_the_decision(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(requestMaterials(ITEMS))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_notice_without_items_is_refused() {
            fixture.given(history(APPLIED))
                    .when(requestMaterials(List.of()))
                    .expectException(invalid("legal-aid.no-items", "items"))
                    .expectNoEvents();
        }

        @Test
        void a_notice_with_a_null_item_list_is_refused() {
            fixture.given(history(APPLIED))
                    .when(requestMaterials(null))
                    .expectException(invalid("legal-aid.no-items", "items"))
                    .expectNoEvents();
        }

        @Test
        void a_notice_with_a_blank_item_is_refused() {
            fixture.given(history(APPLIED))
                    .when(requestMaterials(Arrays.asList("劳动合同复印件", " ")))
                    .expectException(invalid("legal-aid.blank-item", "items"))
                    .expectNoEvents();
        }

        @Test
        void a_notice_listing_an_item_twice_is_refused() {
            fixture.given(history(APPLIED))
                    .when(requestMaterials(List.of("劳动合同复印件", "劳动合同复印件 ")))
                    .expectException(invalid("legal-aid.duplicate-item", "items"))
                    .expectExceptionMessage("the notice lists '劳动合同复印件' twice")
                    .expectNoEvents();
        }

        @Test
        void a_notice_needs_a_date() {
            fixture.given(history(APPLIED))
                    .when(new RequestMissingMaterialsCommand(ID, null, null, ITEMS, SUPPLY_BY))
                    .expectException(invalid("legal-aid.missing-field", "requestedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_notice_before_the_application_is_refused() {
            fixture.given(history(APPLIED))
                    .when(new RequestMissingMaterialsCommand(ID, null, APPLIED_ON.minusDays(1), ITEMS, SUPPLY_BY))
                    .expectException(invalid("legal-aid.date-too-early", "requestedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_notice_needs_a_date_to_supply_by() {
            fixture.given(history(APPLIED))
                    .when(new RequestMissingMaterialsCommand(ID, null, REQUESTED_ON, ITEMS, null))
                    .expectException(invalid("legal-aid.missing-field", "supplyBy"))
                    .expectNoEvents();
        }

        @Test
        void the_date_to_supply_by_must_be_after_the_notice() {
            fixture.given(history(APPLIED))
                    .when(new RequestMissingMaterialsCommand(ID, null, REQUESTED_ON, ITEMS, REQUESTED_ON))
                    .expectException(invalid("legal-aid.supply-date-too-early", "supplyBy"))
                    .expectNoEvents();
        }

        @Test
        void received_materials_resume_the_decision_period_with_the_days_it_had_left() {
            // 2 of 7 days used by the notice on 03-04; 5 left from 03-12: due 03-17
            fixture.given(history(AWAITING_MATERIALS))
                    .when(receive(RECEIVED_ON))
                    .expectEvents(materialsReceived());
        }

        @Test
        void receipt_cancels_the_supply_deadline_and_schedules_the_resumed_decision_deadline() {
            fixture.givenCommands(new Applying().command(), requestMaterials(ITEMS))
                    .when(receive(RECEIVED_ON))
                    .expectNoScheduledDeadlineWithName(SUPPLY_END, MATERIALS_SUPPLY_PERIOD)
                    .expectNoScheduledDeadlineWithName(DECISION_END, DECISION_PERIOD)
                    .expectScheduledDeadlineWithName(END_AFTER_MATERIALS, DECISION_PERIOD);
        }

        @Test
        void a_notice_on_the_day_of_the_application_leaves_the_whole_period_after_the_materials_arrive() {
            fixture.given(appliedEvent(), new MissingMaterialsRequestedEvent(ID, APPLIED_ON, ITEMS, SUPPLY_BY, 0))
                    .when(receive(RECEIVED_ON))
                    .expectEvents(new MissingMaterialsReceivedEvent(ID, RECEIVED_ON, "全部补齐", true,
                            LocalDate.parse("2026-03-19")));
        }

        @Test
        void a_resumed_period_ending_on_a_sunday_is_due_on_the_monday() {
            LocalDate receivedOn = LocalDate.parse("2026-03-10"); // + 5 = Sun 03-15
            fixture.given(history(AWAITING_MATERIALS))
                    .when(receive(receivedOn))
                    .expectEvents(new MissingMaterialsReceivedEvent(ID, receivedOn, "全部补齐", true,
                            LocalDate.parse("2026-03-16")));
        }

        @Test
        void a_notice_on_the_last_day_of_the_period_leaves_the_decision_due_on_the_day_the_materials_arrive() {
            fixture.given(appliedEvent(), new MissingMaterialsRequestedEvent(ID, DECISION_DUE, ITEMS, SUPPLY_BY, 7))
                    .when(receive(RECEIVED_ON))
                    .expectEvents(new MissingMaterialsReceivedEvent(ID, RECEIVED_ON, "全部补齐", true, RECEIVED_ON))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-03-12T16:00:00Z"), DECISION_PERIOD);
        }

        @Test
        void a_period_that_ran_out_before_the_notice_is_not_revived_by_the_materials() {
            fixture.given(appliedEvent(), new DecisionOverdueEvent(ID, DECISION_DUE),
                            new MissingMaterialsRequestedEvent(ID, LocalDate.parse("2026-03-10"), ITEMS, SUPPLY_BY, 7))
                    .when(receive(RECEIVED_ON))
                    .expectEvents(new MissingMaterialsReceivedEvent(ID, RECEIVED_ON, "全部补齐", false, DECISION_DUE))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void materials_arriving_after_the_date_the_notice_set_are_still_received() {
            LocalDate late = SUPPLY_BY.plusDays(3); // Mon 03-16, 5 days left: Sat 03-21 -> Mon 03-23
            fixture.given(history(AWAITING_MATERIALS))
                    .andGiven(new MaterialsSupplyPeriodExpiredEvent(ID, SUPPLY_BY))
                    .when(receive(late))
                    .expectEvents(new MissingMaterialsReceivedEvent(ID, late, "全部补齐", true,
                            LocalDate.parse("2026-03-23")));
        }

        @Test
        void a_blank_note_on_receipt_is_recorded_as_none() {
            fixture.given(history(AWAITING_MATERIALS))
                    .when(new RecordMaterialsReceivedCommand(ID, null, RECEIVED_ON, "  "))
                    .expectEvents(new MissingMaterialsReceivedEvent(ID, RECEIVED_ON, null, true, DUE_AFTER_MATERIALS));
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "AWAITING_MATERIALS")
        void materials_are_received_only_while_awaited(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(receive(RECEIVED_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void receipt_needs_a_date() {
            fixture.given(history(AWAITING_MATERIALS))
                    .when(receive(null))
                    .expectException(invalid("legal-aid.missing-field", "receivedOn"))
                    .expectNoEvents();
        }

        @Test
        void materials_received_before_the_notice_are_refused() {
            fixture.given(history(AWAITING_MATERIALS))
                    .when(receive(REQUESTED_ON.minusDays(1)))
                    .expectException(invalid("legal-aid.date-too-early", "receivedOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Urgent aid (§44)
    // ------------------------------------------------------------------------------------------------

    @Nested
    class UrgentAid {

        @Test
        void urgent_aid_is_granted_when_fewer_than_seven_days_remain_to_the_deadline() {
            fixture.given(history(APPLIED))
                    .when(urgent(URGENT_ON, LIMITATION_ON))
                    .expectEvents(urgentGranted());
        }

        @Test
        void urgent_aid_starts_the_lawyer_assignment_period() {
            fixture.givenCommands(new Applying().command())
                    .when(urgent(URGENT_ON, LIMITATION_ON))
                    .expectScheduledDeadlineWithName(ASSIGNMENT_END, LAWYER_ASSIGNMENT_PERIOD)
                    .expectScheduledDeadlineWithName(DECISION_END, DECISION_PERIOD);
        }

        @Test
        void six_days_to_the_deadline_is_urgent() {
            fixture.given(history(APPLIED))
                    .when(urgent(URGENT_ON, URGENT_ON.plusDays(6)))
                    .expectEvents(new UrgentAidGrantedEvent(ID, URGENT_ON, URGENT_ON.plusDays(6), LIMITATION, 6,
                            ASSIGNMENT_DUE));
        }

        @Test
        void a_deadline_falling_on_the_day_of_the_grant_is_urgent() {
            fixture.given(history(APPLIED))
                    .when(urgent(URGENT_ON, URGENT_ON))
                    .expectEvents(new UrgentAidGrantedEvent(ID, URGENT_ON, URGENT_ON, LIMITATION, 0, ASSIGNMENT_DUE));
        }

        @ParameterizedTest
        @ValueSource(ints = {7, 8, 30})
        void seven_or_more_days_to_the_deadline_is_not_urgent(int days) {
            fixture.given(history(APPLIED))
                    .when(urgent(URGENT_ON, URGENT_ON.plusDays(days)))
                    .expectException(invalid("legal-aid.not-urgent", "deadlineOn"))
                    .expectExceptionMessage(containsString(days + " days remain"))
                    .expectNoEvents();
        }

        @Test
        void a_deadline_that_has_already_passed_is_refused() {
            fixture.given(history(APPLIED))
                    .when(urgent(URGENT_ON, URGENT_ON.minusDays(1)))
                    .expectException(invalid("legal-aid.deadline-passed", "deadlineOn"))
                    .expectNoEvents();
        }

        @Test
        void urgent_aid_may_be_granted_while_the_materials_are_awaited() {
            fixture.given(history(AWAITING_MATERIALS))
                    .when(urgent(REQUESTED_ON, LIMITATION_ON))
                    .expectEvents(new UrgentAidGrantedEvent(ID, REQUESTED_ON, LIMITATION_ON, LIMITATION, 4,
                            LocalDate.parse("2026-03-09")));
        }

        @Test
        void urgent_aid_is_granted_once() {
            fixture.given(history(APPLIED))
                    .andGiven(urgentGranted())
                    .when(urgent(URGENT_ON, LIMITATION_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.urgent-aid-already-granted"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"APPLIED", "AWAITING_MATERIALS"})
        void urgent_aid_is_granted_only_before_the_decision(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(urgent(URGENT_ON, LIMITATION_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void urgent_aid_needs_the_date_of_the_grant() {
            fixture.given(history(APPLIED))
                    .when(urgent(null, LIMITATION_ON))
                    .expectException(invalid("legal-aid.missing-field", "grantedOn"))
                    .expectNoEvents();
        }

        @Test
        void urgent_aid_before_the_application_is_refused() {
            fixture.given(history(APPLIED))
                    .when(urgent(APPLIED_ON.minusDays(1), LIMITATION_ON))
                    .expectException(invalid("legal-aid.date-too-early", "grantedOn"))
                    .expectNoEvents();
        }

        @Test
        void urgent_aid_needs_the_deadline_that_makes_it_urgent() {
            fixture.given(history(APPLIED))
                    .when(urgent(URGENT_ON, null))
                    .expectException(invalid("legal-aid.missing-field", "deadlineOn"))
                    .expectNoEvents();
        }

        @Test
        void urgent_aid_needs_a_description_of_the_deadline() {
            fixture.given(history(APPLIED))
                    .when(new GrantUrgentAidCommand(ID, null, URGENT_ON, LIMITATION_ON, " "))
                    .expectException(invalid("legal-aid.missing-field", "deadlineDescription"))
                    .expectNoEvents();
        }

        @Test
        void under_urgent_aid_a_lawyer_is_assigned_before_the_decision() {
            fixture.given(history(APPLIED))
                    .andGiven(urgentGranted())
                    .when(assign(LAWYER, ASSIGNED_ON))
                    .expectEvents(new LawyerAssignedEvent(ID, LAWYER, LAWYER_NAME, ASSIGNED_ON, null, true));
        }

        @Test
        void under_urgent_aid_the_lawyer_records_activities_before_the_decision() {
            fixture.given(history(APPLIED))
                    .andGiven(urgentGranted(), lawyerAssigned())
                    .when(activity(ActivityType.FILING, LocalDate.parse("2026-03-05")))
                    .expectEvents(new ActivityRecordedEvent(ID, 1, ActivityType.FILING, LocalDate.parse("2026-03-05"),
                            "递交仲裁申请书"));
        }

        @Test
        void approval_after_urgent_aid_with_a_lawyer_leaves_the_lawyer_acting_without_a_new_assignment_period() {
            fixture.givenCommands(new Applying().command(), urgent(URGENT_ON, LIMITATION_ON),
                            assign(LAWYER, ASSIGNED_ON))
                    .when(approve(LocalDate.parse("2026-03-05"), HARDSHIP))
                    .expectEvents(new LegalAidApprovedEvent(ID, LocalDate.parse("2026-03-05"), false, HARDSHIP, true,
                            null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void approval_after_urgent_aid_without_a_lawyer_keeps_the_assignment_period_urgent_aid_started() {
            fixture.givenCommands(new Applying().command(), urgent(URGENT_ON, LIMITATION_ON))
                    .when(approve(LocalDate.parse("2026-03-05"), HARDSHIP))
                    .expectEvents(new LegalAidApprovedEvent(ID, LocalDate.parse("2026-03-05"), false, HARDSHIP, true,
                            ASSIGNMENT_DUE))
                    .expectScheduledDeadlineWithName(ASSIGNMENT_END, LAWYER_ASSIGNMENT_PERIOD)
                    .expectNoScheduledDeadlineWithName(DECISION_END, DECISION_PERIOD);
        }

        @Test
        void a_rejection_ends_urgent_aid_and_cancels_the_assignment_period() {
            fixture.givenCommands(new Applying().command(), urgent(URGENT_ON, LIMITATION_ON))
                    .when(reject(REJECTED_ON))
                    .expectEvents(new LegalAidRejectedEvent(ID, REJECTED_ON, REJECTION_REASONS, true, true))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void after_a_rejection_the_lawyer_of_the_urgent_aid_no_longer_acts() {
            fixture.given(history(APPLIED))
                    .andGiven(urgentGranted(), lawyerAssigned(),
                            new LegalAidRejectedEvent(ID, REJECTED_ON, REJECTION_REASONS, true, true))
                    .when(activity(ActivityType.CONSULTATION, REJECTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectExceptionMessage(containsString("no lawyer acts"))
                    .expectNoEvents();
        }

        @Test
        void an_application_with_urgent_aid_may_be_withdrawn_before_the_decision() {
            fixture.givenCommands(new Applying().command(), urgent(URGENT_ON, LIMITATION_ON),
                            assign(LAWYER, ASSIGNED_ON))
                    .when(close(LegalAidClosureReason.WITHDRAWN))
                    .expectEvents(new LegalAidCaseClosedEvent(ID, LegalAidClosureReason.WITHDRAWN, "申请人撤回"))
                    .expectNoScheduledDeadlines();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Decision (§42, §43)
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Decision {

        @Test
        void approval_with_a_means_test_establishing_hardship_starts_the_lawyer_assignment_period() {
            fixture.given(history(APPLIED))
                    .when(approve(APPROVED_ON, HARDSHIP))
                    .expectEvents(approvedEvent());
        }

        @Test
        void approval_cancels_the_decision_deadline_and_schedules_the_assignment_deadline() {
            fixture.givenCommands(new Applying().command())
                    .when(approve(APPROVED_ON, HARDSHIP))
                    .expectNoScheduledDeadlineWithName(DECISION_END, DECISION_PERIOD)
                    .expectScheduledDeadlineWithName(ASSIGNMENT_END, LAWYER_ASSIGNMENT_PERIOD);
        }

        @Test
        void an_exempt_applicant_is_approved_without_a_means_test() {
            Applying exempt = new Applying().migrantWorker(true).category(MatterCategory.WAGES);
            fixture.given(exempt.event(true, DECISION_DUE))
                    .when(approve(APPROVED_ON, null))
                    .expectEvents(new LegalAidApprovedEvent(ID, APPROVED_ON, true, null, true, ASSIGNMENT_DUE));
        }

        @Test
        void an_exempt_applicant_may_still_bring_a_means_test_which_is_recorded() {
            Applying exempt = new Applying().migrantWorker(true).category(MatterCategory.WORK_INJURY);
            MeansTestResult none = new MeansTestResult(false, "未提交经济困难证明");
            fixture.given(exempt.event(true, DECISION_DUE))
                    .when(approve(APPROVED_ON, none))
                    .expectEvents(new LegalAidApprovedEvent(ID, APPROVED_ON, true, none, true, ASSIGNMENT_DUE));
        }

        @Test
        void approving_an_applicant_who_is_not_exempt_without_a_means_test_is_refused() {
            fixture.given(history(APPLIED))
                    .when(approve(APPROVED_ON, null))
                    .expectException(invalid("legal-aid.means-test-required", "meansTest"))
                    .expectExceptionMessage(containsString("§42"))
                    .expectNoEvents();
        }

        @Test
        void approving_an_applicant_whose_means_test_found_no_hardship_is_refused() {
            fixture.given(history(APPLIED))
                    .when(approve(APPROVED_ON, new MeansTestResult(false, "月收入 8000 元")))
                    .expectException(invalid("legal-aid.means-test-not-met", "meansTest"))
                    .expectNoEvents();
        }

        @Test
        void a_means_test_without_its_basis_is_refused() {
            fixture.given(history(APPLIED))
                    .when(approve(APPROVED_ON, new MeansTestResult(true, " ")))
                    .expectException(invalid("legal-aid.missing-field", "meansTest.basis"))
                    .expectNoEvents();
        }

        @Test
        void approval_after_the_decision_period_is_recorded_as_late() {
            LocalDate late = DECISION_DUE.plusDays(1); // Tue 03-10: lawyer due Fri 03-13
            fixture.given(history(APPLIED))
                    .andGiven(new DecisionOverdueEvent(ID, DECISION_DUE))
                    .when(approve(late, HARDSHIP))
                    .expectEvents(new LegalAidApprovedEvent(ID, late, false, HARDSHIP, false,
                            LocalDate.parse("2026-03-13")));
        }

        @Test
        void approval_on_the_last_day_of_the_period_is_within_it() {
            fixture.given(history(APPLIED))
                    .when(approve(DECISION_DUE, HARDSHIP))
                    .expectEvents(new LegalAidApprovedEvent(ID, DECISION_DUE, false, HARDSHIP, true,
                            LocalDate.parse("2026-03-12")));
        }

        @Test
        void approval_after_the_materials_arrived_is_measured_against_the_resumed_period() {
            fixture.given(history(AWAITING_MATERIALS))
                    .andGiven(materialsReceived())
                    .when(approve(DUE_AFTER_MATERIALS, HARDSHIP))
                    .expectEvents(new LegalAidApprovedEvent(ID, DUE_AFTER_MATERIALS, false, HARDSHIP, true,
                            LocalDate.parse("2026-03-20")));
        }

        @Test
        void approval_dated_before_the_materials_arrived_is_refused() {
            fixture.given(history(AWAITING_MATERIALS))
                    .andGiven(materialsReceived())
                    .when(approve(RECEIVED_ON.minusDays(1), HARDSHIP))
                    .expectException(invalid("legal-aid.date-too-early", "decidedOn"))
                    .expectNoEvents();
        }

        @Test
        void approval_is_refused_while_the_materials_are_awaited() {
            fixture.given(history(AWAITING_MATERIALS))
                    .when(approve(APPROVED_ON, HARDSHIP))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.awaiting-materials"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"APPLIED", "AWAITING_MATERIALS"})
        void only_a_pending_application_is_approved(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(approve(APPROVED_ON, HARDSHIP))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectExceptionMessage(containsString("cannot approve"))
                    .expectNoEvents();
        }

        @Test
        void approval_needs_a_date() {
            fixture.given(history(APPLIED))
                    .when(approve(null, HARDSHIP))
                    .expectException(invalid("legal-aid.missing-field", "decidedOn"))
                    .expectNoEvents();
        }

        @Test
        void approval_before_the_application_is_refused() {
            fixture.given(history(APPLIED))
                    .when(approve(APPLIED_ON.minusDays(1), HARDSHIP))
                    .expectException(invalid("legal-aid.date-too-early", "decidedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_rejection_is_recorded_with_its_written_reasons() {
            fixture.given(history(APPLIED))
                    .when(reject(REJECTED_ON))
                    .expectEvents(new LegalAidRejectedEvent(ID, REJECTED_ON, REJECTION_REASONS, true, false));
        }

        @Test
        void a_rejection_cancels_the_decision_deadline() {
            fixture.givenCommands(new Applying().command())
                    .when(reject(REJECTED_ON))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_rejection_after_the_period_is_recorded_as_late() {
            LocalDate late = DECISION_DUE.plusDays(2);
            fixture.given(history(APPLIED))
                    .when(reject(late))
                    .expectEvents(new LegalAidRejectedEvent(ID, late, REJECTION_REASONS, false, false));
        }

        @Test
        void a_rejection_while_the_materials_are_awaited_is_within_the_suspended_period() {
            LocalDate on = SUPPLY_BY.plusDays(1);
            fixture.given(history(AWAITING_MATERIALS))
                    .when(reject(on))
                    .expectEvents(new LegalAidRejectedEvent(ID, on, REJECTION_REASONS, true, false));
        }

        @Test
        void a_rejection_while_awaiting_materials_cancels_the_supply_deadline() {
            fixture.givenCommands(new Applying().command(), requestMaterials(ITEMS))
                    .when(reject(REJECTED_ON))
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void a_rejection_without_written_reasons_is_refused(String reasons) {
            fixture.given(history(APPLIED))
                    .when(new RejectLegalAidCommand(ID, null, REJECTED_ON, reasons))
                    .expectException(invalid("legal-aid.missing-field", "reasons"))
                    .expectNoEvents();
        }

        @Test
        void a_rejection_needs_a_date() {
            fixture.given(history(APPLIED))
                    .when(reject(null))
                    .expectException(invalid("legal-aid.missing-field", "decidedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_rejection_before_the_application_is_refused() {
            fixture.given(history(APPLIED))
                    .when(reject(APPLIED_ON.minusDays(1)))
                    .expectException(invalid("legal-aid.date-too-early", "decidedOn"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"APPLIED", "AWAITING_MATERIALS"})
        void only_a_pending_application_is_rejected(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(reject(REJECTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Lawyer, activities, outcome, closing report
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Lawyer {

        @Test
        void the_first_lawyer_assigned_within_three_days_of_the_approval_is_on_time() {
            fixture.given(history(APPROVED))
                    .when(assign(LAWYER, ASSIGNED_ON))
                    .expectEvents(lawyerAssigned());
        }

        @Test
        void a_lawyer_assigned_after_the_period_is_recorded_as_late() {
            LocalDate late = ASSIGNMENT_DUE.plusDays(1);
            fixture.given(history(APPROVED))
                    .andGiven(new LawyerAssignmentOverdueEvent(ID, ASSIGNMENT_DUE))
                    .when(assign(LAWYER, late))
                    .expectEvents(new LawyerAssignedEvent(ID, LAWYER, LAWYER_NAME, late, null, false));
        }

        @Test
        void assigning_the_lawyer_cancels_the_assignment_deadline() {
            fixture.givenCommands(new Applying().command(), approve(APPROVED_ON, HARDSHIP))
                    .when(assign(LAWYER, ASSIGNED_ON))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void the_lawyer_can_be_replaced_while_acting() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(assign(OTHER_LAWYER, CONSULTED_ON))
                    .expectEvents(new LawyerAssignedEvent(ID, OTHER_LAWYER, OTHER_LAWYER_NAME, CONSULTED_ON, LAWYER,
                            true));
        }

        @Test
        void assigning_the_lawyer_who_already_acts_is_refused() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(assign(LAWYER, CONSULTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.lawyer-already-assigned"))
                    .expectExceptionMessage("lawyer.zhou is already the lawyer of LA-2026-000007")
                    .expectNoEvents();
        }

        @Test
        void a_lawyer_is_not_assigned_before_the_decision_without_urgent_aid() {
            fixture.given(history(APPLIED))
                    .when(assign(LAWYER, ASSIGNED_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectExceptionMessage(containsString("under urgent aid"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, names = {"AWAITING_MATERIALS", "REJECTED", "OBJECTION_UNDER_REVIEW",
                "OUTCOME_RECORDED", "REPORTED", "CLOSED"})
        void a_lawyer_is_assigned_only_while_aid_is_under_way(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(assign(OTHER_LAWYER, CONSULTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void an_assignment_needs_the_lawyer_s_id() {
            fixture.given(history(APPROVED))
                    .when(assign(" ", ASSIGNED_ON))
                    .expectException(invalid("legal-aid.missing-field", "lawyerId"))
                    .expectNoEvents();
        }

        @Test
        void a_lawyer_who_is_not_an_active_member_of_the_panel_is_refused() {
            panel.remove(OTHER_LAWYER);
            fixture.given(history(APPROVED))
                    .when(assign(OTHER_LAWYER, ASSIGNED_ON))
                    .expectException(NotOnRosterException.class)
                    .expectExceptionMessage(containsString("lawyer.wu is not an active lawyer"))
                    .expectNoEvents();
        }

        @Test
        void the_event_keeps_the_name_the_panel_gives_on_the_day() {
            panel.put(LAWYER, "周律师（苏州某律师事务所）");
            fixture.given(history(APPROVED))
                    .when(assign(LAWYER, ASSIGNED_ON))
                    .expectEvents(new LawyerAssignedEvent(ID, LAWYER, "周律师（苏州某律师事务所）", ASSIGNED_ON, null, true));
        }

        @Test
        void an_assignment_needs_a_date() {
            fixture.given(history(APPROVED))
                    .when(assign(LAWYER, null))
                    .expectException(invalid("legal-aid.missing-field", "assignedOn"))
                    .expectNoEvents();
        }

        @Test
        void an_assignment_before_the_approval_is_refused() {
            fixture.given(history(APPROVED))
                    .when(assign(LAWYER, APPLIED_ON))
                    .expectException(invalid("legal-aid.date-too-early", "assignedOn"))
                    .expectExceptionMessage(containsString("approved or granted (2026-03-03)"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(ActivityType.class)
        void the_acting_lawyer_s_activities_are_numbered(ActivityType type) {
            fixture.given(history(LAWYER_ASSIGNED))
                    .andGiven(new ActivityRecordedEvent(ID, 1, ActivityType.CONSULTATION, CONSULTED_ON, "首次咨询"))
                    .when(activity(type, CONSULTED_ON.plusDays(1)))
                    .expectEvents(new ActivityRecordedEvent(ID, 2, type, CONSULTED_ON.plusDays(1), "递交仲裁申请书"));
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "LAWYER_ASSIGNED")
        void activities_are_recorded_only_while_a_lawyer_acts(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(activity(ActivityType.HEARING, CONSULTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void an_activity_needs_a_type() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(activity(null, CONSULTED_ON))
                    .expectException(invalid("legal-aid.missing-field", "type"))
                    .expectNoEvents();
        }

        @Test
        void an_activity_needs_a_date() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(activity(ActivityType.HEARING, null))
                    .expectException(invalid("legal-aid.missing-field", "on"))
                    .expectNoEvents();
        }

        @Test
        void an_activity_before_the_application_is_refused() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(activity(ActivityType.HEARING, APPLIED_ON.minusDays(1)))
                    .expectException(invalid("legal-aid.date-too-early", "on"))
                    .expectNoEvents();
        }

        @Test
        void an_activity_needs_a_note() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(new RecordActivityCommand(ID, null, ActivityType.HEARING, CONSULTED_ON, ""))
                    .expectException(invalid("legal-aid.missing-field", "note"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(AidOutcome.class)
        void every_outcome_is_recorded_with_the_amount_recovered(AidOutcome outcome) {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(new RecordOutcomeCommand(ID, null, outcome, CONCLUDED_ON, RECOVERED, "依据第四十八条"))
                    .expectEvents(new OutcomeRecordedEvent(ID, outcome, CONCLUDED_ON, RECOVERED, "依据第四十八条"));
        }

        @Test
        void an_outcome_without_an_amount_or_note_is_recorded() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(new RecordOutcomeCommand(ID, null, AidOutcome.LOST, CONCLUDED_ON, null, " "))
                    .expectEvents(new OutcomeRecordedEvent(ID, AidOutcome.LOST, CONCLUDED_ON, null, null));
        }

        @Test
        void a_termination_needs_its_reasons() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(new RecordOutcomeCommand(ID, null, AidOutcome.TERMINATED, CONCLUDED_ON, null, null))
                    .expectException(invalid("legal-aid.missing-field", "note"))
                    .expectNoEvents();
        }

        @Test
        void a_negative_amount_recovered_is_refused() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(new RecordOutcomeCommand(ID, null, AidOutcome.WON, CONCLUDED_ON, new BigDecimal("-1"), null))
                    .expectException(invalid("legal-aid.amount-negative", "amountRecovered"))
                    .expectNoEvents();
        }

        @Test
        void an_outcome_needs_its_kind_and_date() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(new RecordOutcomeCommand(ID, null, null, CONCLUDED_ON, RECOVERED, null))
                    .expectException(invalid("legal-aid.missing-field", "outcome"))
                    .expectNoEvents();
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(new RecordOutcomeCommand(ID, null, AidOutcome.WON, null, RECOVERED, null))
                    .expectException(invalid("legal-aid.missing-field", "concludedOn"))
                    .expectNoEvents();
        }

        @Test
        void an_outcome_before_the_lawyer_was_assigned_is_refused() {
            fixture.given(history(LAWYER_ASSIGNED))
                    .when(new RecordOutcomeCommand(ID, null, AidOutcome.WON, ASSIGNED_ON.minusDays(1), RECOVERED, null))
                    .expectException(invalid("legal-aid.date-too-early", "concludedOn"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "LAWYER_ASSIGNED")
        void an_outcome_is_recorded_only_while_a_lawyer_acts_under_an_approval(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(outcome(AidOutcome.WON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void an_outcome_is_not_recorded_under_urgent_aid_before_the_decision() {
            fixture.given(history(APPLIED))
                    .andGiven(urgentGranted(), lawyerAssigned())
                    .when(outcome(AidOutcome.WON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void the_closing_report_follows_the_outcome() {
            fixture.given(history(OUTCOME_RECORDED))
                    .when(report(REPORTED_ON))
                    .expectEvents(new ClosingReportSubmittedEvent(ID, REPORTED_ON, REPORT));
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "OUTCOME_RECORDED")
        void the_closing_report_is_submitted_only_after_the_outcome(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(report(REPORTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_closing_report_needs_a_summary_and_a_date() {
            fixture.given(history(OUTCOME_RECORDED))
                    .when(new SubmitClosingReportCommand(ID, null, REPORTED_ON, "  "))
                    .expectException(invalid("legal-aid.missing-field", "summary"))
                    .expectNoEvents();
            fixture.given(history(OUTCOME_RECORDED))
                    .when(report(null))
                    .expectException(invalid("legal-aid.missing-field", "submittedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_closing_report_before_the_outcome_is_refused() {
            fixture.given(history(OUTCOME_RECORDED))
                    .when(report(CONCLUDED_ON.minusDays(1)))
                    .expectException(invalid("legal-aid.date-too-early", "submittedOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Objection to a rejection (§49)
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Objection {

        @Test
        void an_objection_to_the_rejection_is_due_for_review_in_five_days() {
            fixture.given(history(REJECTED))
                    .when(object(LODGED_ON))
                    .expectEvents(new ObjectionLodgedEvent(ID, LODGED_ON, OBJECTION_GROUNDS, REVIEW_DUE));
        }

        @Test
        void lodging_an_objection_schedules_the_review_deadline() {
            fixture.givenCommands(new Applying().command(), reject(REJECTED_ON))
                    .when(object(LODGED_ON))
                    .expectScheduledDeadlineWithName(REVIEW_END, OBJECTION_REVIEW_PERIOD);
        }

        @Test
        void a_review_period_ending_on_a_saturday_ends_on_the_monday() {
            LocalDate lodged = LocalDate.parse("2026-03-09"); // + 5 = Sat 03-14
            fixture.given(history(REJECTED))
                    .when(object(lodged))
                    .expectEvents(new ObjectionLodgedEvent(ID, lodged, OBJECTION_GROUNDS, REVIEW_DUE));
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "REJECTED")
        void only_a_rejection_can_be_objected_to(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(object(LODGED_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectExceptionMessage(containsString("cannot lodge an objection"))
                    .expectNoEvents();
        }

        @Test
        void an_objection_needs_grounds_and_a_date() {
            fixture.given(history(REJECTED))
                    .when(new LodgeObjectionCommand(ID, null, LODGED_ON, null))
                    .expectException(invalid("legal-aid.missing-field", "grounds"))
                    .expectNoEvents();
            fixture.given(history(REJECTED))
                    .when(object(null))
                    .expectException(invalid("legal-aid.missing-field", "lodgedOn"))
                    .expectNoEvents();
        }

        @Test
        void an_objection_before_the_rejection_is_refused() {
            fixture.given(history(REJECTED))
                    .when(object(REJECTED_ON.minusDays(1)))
                    .expectException(invalid("legal-aid.date-too-early", "lodgedOn"))
                    .expectNoEvents();
        }

        @Test
        void an_upheld_objection_approves_aid_and_starts_the_lawyer_assignment_period() {
            fixture.given(history(OBJECTION_UNDER_REVIEW))
                    .when(review(ObjectionFinding.UPHELD, REVIEWED_ON))
                    .expectEvents(new ObjectionUpheldEvent(ID, REVIEWED_ON, REVIEW_REASONS, true,
                            ASSIGNMENT_DUE_AFTER_REVIEW));
        }

        @Test
        void an_upheld_objection_replaces_the_review_deadline_with_the_assignment_deadline() {
            fixture.givenCommands(new Applying().command(), reject(REJECTED_ON), object(LODGED_ON))
                    .when(review(ObjectionFinding.UPHELD, REVIEWED_ON))
                    .expectNoScheduledDeadlineWithName(REVIEW_END, OBJECTION_REVIEW_PERIOD)
                    .expectScheduledDeadlineWithName(Instant.parse("2026-03-16T16:00:00Z"), LAWYER_ASSIGNMENT_PERIOD);
        }

        @Test
        void after_an_upheld_objection_a_lawyer_is_assigned() {
            fixture.given(history(OBJECTION_UNDER_REVIEW))
                    .andGiven(new ObjectionUpheldEvent(ID, REVIEWED_ON, REVIEW_REASONS, true, ASSIGNMENT_DUE_AFTER_REVIEW))
                    .when(assign(LAWYER, REVIEWED_ON))
                    .expectEvents(new LawyerAssignedEvent(ID, LAWYER, LAWYER_NAME, REVIEWED_ON, null, true));
        }

        @Test
        void after_an_upheld_objection_the_lawyer_is_not_assigned_before_the_review() {
            fixture.given(history(OBJECTION_UNDER_REVIEW))
                    .andGiven(new ObjectionUpheldEvent(ID, REVIEWED_ON, REVIEW_REASONS, true, ASSIGNMENT_DUE_AFTER_REVIEW))
                    .when(assign(LAWYER, LODGED_ON))
                    .expectException(invalid("legal-aid.date-too-early", "assignedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_dismissed_objection_closes_the_case_as_rejected() {
            fixture.given(history(OBJECTION_UNDER_REVIEW))
                    .when(review(ObjectionFinding.DISMISSED, REVIEWED_ON))
                    .expectEvents(new ObjectionDismissedEvent(ID, REVIEWED_ON, REVIEW_REASONS, true),
                            new LegalAidCaseClosedEvent(ID, LegalAidClosureReason.REJECTED, null));
        }

        @Test
        void a_dismissed_objection_leaves_no_deadline() {
            fixture.givenCommands(new Applying().command(), reject(REJECTED_ON), object(LODGED_ON))
                    .when(review(ObjectionFinding.DISMISSED, REVIEWED_ON))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_review_after_the_period_is_recorded_as_late() {
            LocalDate late = REVIEW_DUE.plusDays(1);
            fixture.given(history(OBJECTION_UNDER_REVIEW))
                    .andGiven(new ObjectionReviewOverdueEvent(ID, REVIEW_DUE))
                    .when(review(ObjectionFinding.DISMISSED, late))
                    .expectEvents(new ObjectionDismissedEvent(ID, late, REVIEW_REASONS, false),
                            new LegalAidCaseClosedEvent(ID, LegalAidClosureReason.REJECTED, null));
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "OBJECTION_UNDER_REVIEW")
        void only_a_lodged_objection_is_reviewed(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(review(ObjectionFinding.UPHELD, REVIEWED_ON))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_review_needs_a_finding_a_date_and_reasons() {
            fixture.given(history(OBJECTION_UNDER_REVIEW))
                    .when(review(null, REVIEWED_ON))
                    .expectException(invalid("legal-aid.missing-field", "finding"))
                    .expectNoEvents();
            fixture.given(history(OBJECTION_UNDER_REVIEW))
                    .when(review(ObjectionFinding.UPHELD, null))
                    .expectException(invalid("legal-aid.missing-field", "reviewedOn"))
                    .expectNoEvents();
            fixture.given(history(OBJECTION_UNDER_REVIEW))
                    .when(new ReviewObjectionCommand(ID, null, ObjectionFinding.DISMISSED, REVIEWED_ON, " "))
                    .expectException(invalid("legal-aid.missing-field", "reasons"))
                    .expectNoEvents();
        }

        @Test
        void a_review_before_the_objection_is_refused() {
            fixture.given(history(OBJECTION_UNDER_REVIEW))
                    .when(review(ObjectionFinding.UPHELD, LODGED_ON.minusDays(1)))
                    .expectException(invalid("legal-aid.date-too-early", "reviewedOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Closing
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Closing {

        @Test
        void a_reported_case_closes_as_completed() {
            fixture.given(history(REPORTED))
                    .when(close(LegalAidClosureReason.COMPLETED))
                    .expectEvents(new LegalAidCaseClosedEvent(ID, LegalAidClosureReason.COMPLETED, "申请人撤回"));
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"REPORTED", "CLOSED"})
        void a_case_without_its_closing_report_cannot_close_as_completed(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(close(LegalAidClosureReason.COMPLETED))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.cannot-close"))
                    .expectExceptionMessage("LA-2026-000007 is " + status + " and cannot be closed as COMPLETED")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = AidOutcome.class, names = {"WITHDRAWN", "TERMINATED"})
        void a_withdrawn_or_terminated_aid_still_needs_its_closing_report(AidOutcome outcome) {
            fixture.given(history(LAWYER_ASSIGNED))
                    .andGiven(new OutcomeRecordedEvent(ID, outcome, CONCLUDED_ON, null, "受援人自行委托律师"))
                    .when(close(LegalAidClosureReason.WITHDRAWN))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.cannot-close"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, names = {"APPLIED", "AWAITING_MATERIALS", "APPROVED"})
        void an_application_is_withdrawn_before_a_lawyer_acts_under_an_approval(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(new CloseLegalAidCaseCommand(ID, null, LegalAidClosureReason.WITHDRAWN, null))
                    .expectEvents(new LegalAidCaseClosedEvent(ID, LegalAidClosureReason.WITHDRAWN, null));
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, names = {"REJECTED", "OBJECTION_UNDER_REVIEW", "LAWYER_ASSIGNED",
                "OUTCOME_RECORDED", "REPORTED"})
        void a_case_past_the_application_cannot_be_withdrawn(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(close(LegalAidClosureReason.WITHDRAWN))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.cannot-close"))
                    .expectNoEvents();
        }

        @Test
        void materials_not_supplied_by_the_date_the_notice_set_close_the_application_as_deemed_withdrawn() {
            fixture.given(history(AWAITING_MATERIALS))
                    .andGiven(new MaterialsSupplyPeriodExpiredEvent(ID, SUPPLY_BY))
                    .when(close(LegalAidClosureReason.MATERIALS_NOT_SUPPLIED))
                    .expectEvents(new LegalAidCaseClosedEvent(ID, LegalAidClosureReason.MATERIALS_NOT_SUPPLIED,
                            "申请人撤回"));
        }

        @Test
        void an_application_is_not_deemed_withdrawn_before_the_date_the_notice_set() {
            fixture.given(history(AWAITING_MATERIALS))
                    .when(close(LegalAidClosureReason.MATERIALS_NOT_SUPPLIED))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.cannot-close"))
                    .expectExceptionMessage(containsString("may be supplied until 2026-03-13"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"AWAITING_MATERIALS", "CLOSED"})
        void only_an_application_awaiting_materials_is_deemed_withdrawn(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(close(LegalAidClosureReason.MATERIALS_NOT_SUPPLIED))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.cannot-close"))
                    .expectNoEvents();
        }

        @Test
        void a_rejection_that_stands_closes_the_case() {
            fixture.given(history(REJECTED))
                    .when(close(LegalAidClosureReason.REJECTED))
                    .expectEvents(new LegalAidCaseClosedEvent(ID, LegalAidClosureReason.REJECTED, "申请人撤回"));
        }

        @ParameterizedTest
        @EnumSource(value = LegalAidStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"REJECTED", "CLOSED"})
        void only_a_rejected_case_closes_as_rejected(LegalAidStatus status) {
            fixture.given(history(status))
                    .when(close(LegalAidClosureReason.REJECTED))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.cannot-close"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(LegalAidClosureReason.class)
        void a_closed_case_cannot_be_closed_again(LegalAidClosureReason reason) {
            fixture.given(history(CLOSED))
                    .when(close(reason))
                    .expectException(refused(IllegalTransitionException.class, "legal-aid.already-closed"))
                    .expectExceptionMessage("LA-2026-000007 is already closed")
                    .expectNoEvents();
        }

        @Test
        void closing_needs_a_reason() {
            fixture.given(history(APPLIED))
                    .when(close(null))
                    .expectException(invalid("legal-aid.missing-field", "reason"))
                    .expectNoEvents();
        }

        @Test
        void withdrawing_an_application_cancels_the_decision_deadline() {
            fixture.givenCommands(new Applying().command())
                    .when(close(LegalAidClosureReason.WITHDRAWN))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void withdrawing_an_approved_application_cancels_the_assignment_deadline() {
            fixture.givenCommands(new Applying().command(), approve(APPROVED_ON, HARDSHIP))
                    .when(close(LegalAidClosureReason.WITHDRAWN))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void withdrawing_while_awaiting_materials_cancels_the_supply_deadline() {
            fixture.givenCommands(new Applying().command(), requestMaterials(ITEMS))
                    .when(close(LegalAidClosureReason.WITHDRAWN))
                    .expectNoScheduledDeadlines();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Links
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Links {
        // the rules behind it are CaseAggregate's, tested once in SafetyHazardTest; here: that it is wired
        private static final String PETITION_ID = "7d1f0e2a-9b3c-4c5d-8e6f-0a1b2c3d4e5f";

        @Test
        void a_link_to_another_case_is_recorded_as_the_shared_case_linked_event() {
            fixture.given(history(APPLIED))
                    .when(link(PETITION_ID))
                    .expectEvents(new CaseLinkedEvent(ID.toString(), CaseKind.LEGAL_AID, PETITION_ID, CaseKind.PETITION,
                            "PT-2026-000003", LinkRelation.AROSE_FROM, "12351 热线转来"));
        }

        private LinkLegalAidCaseCommand link(String otherId) {
            return new LinkLegalAidCaseCommand(ID, otherId, CaseKind.PETITION, "PT-2026-000003",
                    LinkRelation.AROSE_FROM, "12351 热线转来");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Versions returned to the client (the next ETag)
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Versions {

        @Test
        void approving_an_application_with_one_event_returns_version_one() {
            fixture.given(history(APPLIED))
                    .when(approve(APPROVED_ON, HARDSHIP))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void the_version_counts_every_earlier_event() {
            // applied, approved, lawyer assigned, activity, outcome: sequence 0..4
            fixture.given(history(OUTCOME_RECORDED))
                    .when(report(REPORTED_ON))
                    .expectResultMessagePayload(5L);
        }

        @Test
        void a_dismissed_objection_returns_the_version_of_the_closed_event() {
            // applied, rejected, objection lodged: 0..2; dismissed 3, closed 4
            fixture.given(history(OBJECTION_UNDER_REVIEW))
                    .when(review(ObjectionFinding.DISMISSED, REVIEWED_ON))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void the_version_is_the_same_whether_the_history_came_from_events_or_commands() {
            fixture.givenCommands(new Applying().command(), approve(APPROVED_ON, HARDSHIP))
                    .when(assign(LAWYER, ASSIGNED_ON))
                    .expectResultMessagePayload(2L);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Deadlines firing
    // ------------------------------------------------------------------------------------------------

    @Nested
    class DecisionDeadline {

        @Test
        void the_decision_is_overdue_at_midnight_in_beijing_after_the_seventh_day() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command())
                    .whenTimeAdvancesTo(DECISION_END)
                    .expectEvents(new DecisionOverdueEvent(ID, DECISION_DUE))
                    .expectTriggeredDeadlinesWithName(DECISION_PERIOD)
                    .expectTriggeredDeadlinesMatching(onlyDeadlinesNamed(DECISION_PERIOD))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void the_decision_is_not_overdue_a_second_before_midnight() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command())
                    .whenTimeAdvancesTo(DECISION_END.minusSeconds(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName()
                    .expectScheduledDeadlineWithName(DECISION_END, DECISION_PERIOD);
        }

        @Test
        void the_decision_becomes_overdue_when_the_last_hour_of_its_last_day_elapses() {
            fixture.givenCurrentTime(DECISION_END.minus(Duration.ofHours(1)))
                    .andGivenCommands(new Applying().command())
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectEvents(new DecisionOverdueEvent(ID, DECISION_DUE))
                    .expectTriggeredDeadlinesWithName(DECISION_PERIOD);
        }

        @Test
        void a_decision_period_ending_on_national_day_is_overdue_only_after_the_next_working_day() {
            LocalDate appliedOn = LocalDate.parse("2026-09-24");
            fixture.givenCurrentTime(Instant.parse("2026-09-24T02:00:00Z"))
                    .andGivenCommands(new Applying().appliedOn(appliedOn).command())
                    .whenTimeAdvancesTo(Instant.parse("2026-10-02T16:00:00Z"))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(Instant.parse("2026-10-08T16:00:00Z"), DECISION_PERIOD);
        }

        @Test
        void while_the_materials_are_awaited_the_decision_does_not_become_overdue() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), requestMaterials(ITEMS))
                    .whenTimeAdvancesTo(DECISION_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void after_the_materials_arrive_the_decision_is_overdue_at_the_end_of_the_resumed_period() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), requestMaterials(ITEMS), receive(RECEIVED_ON))
                    .whenTimeAdvancesTo(END_AFTER_MATERIALS)
                    .expectEvents(new DecisionOverdueEvent(ID, DUE_AFTER_MATERIALS))
                    .expectTriggeredDeadlinesWithName(DECISION_PERIOD);
        }

        @Test
        void after_the_materials_arrive_the_decision_is_not_overdue_on_the_original_last_day() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), requestMaterials(ITEMS), receive(RECEIVED_ON))
                    .whenTimeAdvancesTo(END_AFTER_MATERIALS.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_decided_application_is_never_overdue() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), reject(REJECTED_ON))
                    .whenTimeAdvancesTo(DECISION_END.plus(Duration.ofDays(10)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_decision_deadline_that_outlived_the_application_does_nothing() {
            // the approval arrives as an event, so the deadline stays scheduled: the handler must re-check
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command())
                    .andGiven(approvedEvent())
                    .whenTimeAdvancesTo(DECISION_END)
                    .expectTriggeredDeadlinesWithName(DECISION_PERIOD)
                    .expectNoEvents();
        }

        @Test
        void the_decision_becomes_overdue_only_once() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command())
                    .andGiven(new DecisionOverdueEvent(ID, DECISION_DUE))
                    .whenTimeAdvancesTo(DECISION_END)
                    .expectTriggeredDeadlinesWithName(DECISION_PERIOD)
                    .expectNoEvents();
        }
    }

    @Nested
    class WorkingDayPolicy {

        @Test
        void a_decision_period_configured_in_working_days_skips_the_spring_festival_and_counts_adjusted_saturdays() {
            FixtureConfiguration<LegalAidCase> working = new AggregateTestFixture<>(LegalAidCase.class);
            working.registerInjectableResource(OrganisationAreas.cityFederation());
            working.registerInjectableResource(new LegalAidPolicy(LegalPeriod.workingDays(7),
                    LegalPeriod.calendarDays(3), LegalPeriod.calendarDays(5), 7, new DeadlineCalculator(CALENDAR)));
            LocalDate appliedOn = LocalDate.parse("2026-02-13"); // Fri; 7th working day: Mon 03-02
            Applying applying = new Applying().appliedOn(appliedOn);
            working.givenCurrentTime(Instant.parse("2026-02-13T02:00:00Z"))
                    .andGivenCommands(applying.command())
                    .whenTimeAdvancesTo(Instant.parse("2026-03-02T16:00:00Z"))
                    .expectEvents(new DecisionOverdueEvent(ID, LocalDate.parse("2026-03-02")))
                    .expectTriggeredDeadlinesWithName(DECISION_PERIOD);
        }

        @Test
        void a_working_day_decision_period_is_not_overdue_on_the_seventh_calendar_day() {
            FixtureConfiguration<LegalAidCase> working = new AggregateTestFixture<>(LegalAidCase.class);
            working.registerInjectableResource(OrganisationAreas.cityFederation());
            working.registerInjectableResource(new LegalAidPolicy(LegalPeriod.workingDays(7),
                    LegalPeriod.calendarDays(3), LegalPeriod.calendarDays(5), 7, new DeadlineCalculator(CALENDAR)));
            Applying applying = new Applying().appliedOn(LocalDate.parse("2026-02-13"));
            working.givenNoPriorActivity()
                    .when(applying.command())
                    .expectEvents(applying.event(false, LocalDate.parse("2026-03-02")))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-03-02T16:00:00Z"), DECISION_PERIOD);
        }
    }

    @Nested
    class MaterialsDeadline {

        @Test
        void the_supply_period_expires_at_midnight_after_the_date_the_notice_set() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), requestMaterials(ITEMS))
                    .whenTimeAdvancesTo(SUPPLY_END)
                    .expectEvents(new MaterialsSupplyPeriodExpiredEvent(ID, SUPPLY_BY))
                    .expectTriggeredDeadlinesWithName(MATERIALS_SUPPLY_PERIOD);
        }

        @Test
        void the_supply_period_has_not_expired_a_second_before() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), requestMaterials(ITEMS))
                    .whenTimeAdvancesTo(SUPPLY_END.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void received_materials_never_expire() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), requestMaterials(ITEMS), receive(LocalDate.parse("2026-03-05")))
                    .whenTimeAdvancesTo(SUPPLY_END.plus(Duration.ofDays(1)))
                    // 2 days used; 5 left from 03-05: due Tue 03-10, overdue at its end
                    .expectEvents(new DecisionOverdueEvent(ID, LocalDate.parse("2026-03-10")))
                    .expectTriggeredDeadlinesWithName(DECISION_PERIOD);
        }

        @Test
        void a_supply_deadline_that_outlived_the_wait_does_nothing() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), requestMaterials(ITEMS))
                    .andGiven(new LegalAidRejectedEvent(ID, REJECTED_ON, REJECTION_REASONS, true, false))
                    .whenTimeAdvancesTo(SUPPLY_END)
                    .expectTriggeredDeadlinesWithName(MATERIALS_SUPPLY_PERIOD)
                    .expectNoEvents();
        }
    }

    @Nested
    class LawyerAssignmentDeadline {

        @Test
        void no_lawyer_three_days_after_the_approval_is_overdue() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), approve(APPROVED_ON, HARDSHIP))
                    .whenTimeAdvancesTo(ASSIGNMENT_END)
                    .expectEvents(new LawyerAssignmentOverdueEvent(ID, ASSIGNMENT_DUE))
                    .expectTriggeredDeadlinesWithName(LAWYER_ASSIGNMENT_PERIOD);
        }

        @Test
        void the_assignment_is_not_overdue_a_second_before_midnight() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), approve(APPROVED_ON, HARDSHIP))
                    .whenTimeAdvancesTo(ASSIGNMENT_END.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_lawyer_assigned_in_time_is_never_overdue() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), approve(APPROVED_ON, HARDSHIP),
                            assign(LAWYER, ASSIGNED_ON))
                    .whenTimeAdvancesTo(ASSIGNMENT_END.plus(Duration.ofDays(5)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void urgent_aid_without_a_lawyer_is_overdue_three_days_after_the_grant() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), urgent(URGENT_ON, LIMITATION_ON))
                    .whenTimeAdvancesTo(ASSIGNMENT_END)
                    .expectEvents(new LawyerAssignmentOverdueEvent(ID, ASSIGNMENT_DUE))
                    .expectTriggeredDeadlinesWithName(LAWYER_ASSIGNMENT_PERIOD);
        }

        @Test
        void an_upheld_objection_without_a_lawyer_is_overdue_three_days_after_the_review() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), reject(REJECTED_ON), object(LODGED_ON),
                            review(ObjectionFinding.UPHELD, REVIEWED_ON))
                    .whenTimeAdvancesTo(Instant.parse("2026-03-16T16:00:00Z"))
                    .expectEvents(new LawyerAssignmentOverdueEvent(ID, ASSIGNMENT_DUE_AFTER_REVIEW))
                    .expectTriggeredDeadlinesWithName(LAWYER_ASSIGNMENT_PERIOD);
        }

        @Test
        void an_assignment_deadline_that_outlived_the_wait_for_a_lawyer_does_nothing() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), approve(APPROVED_ON, HARDSHIP))
                    .andGiven(lawyerAssigned())
                    .whenTimeAdvancesTo(ASSIGNMENT_END)
                    .expectTriggeredDeadlinesWithName(LAWYER_ASSIGNMENT_PERIOD)
                    .expectNoEvents();
        }

        @Test
        void an_assignment_deadline_of_urgent_aid_whose_lawyer_already_acts_does_nothing() {
            // before the decision the status stays APPLIED: only the lawyer tells that the wait is over
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), urgent(URGENT_ON, LIMITATION_ON))
                    .andGiven(lawyerAssigned())
                    .whenTimeAdvancesTo(ASSIGNMENT_END)
                    .expectTriggeredDeadlinesWithName(LAWYER_ASSIGNMENT_PERIOD)
                    .expectNoEvents();
        }

        @Test
        void the_assignment_becomes_overdue_only_once() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), approve(APPROVED_ON, HARDSHIP))
                    .andGiven(new LawyerAssignmentOverdueEvent(ID, ASSIGNMENT_DUE))
                    .whenTimeAdvancesTo(ASSIGNMENT_END)
                    .expectNoEvents();
        }
    }

    @Nested
    class ObjectionDeadline {

        @Test
        void an_objection_not_reviewed_in_five_days_is_overdue() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), reject(REJECTED_ON), object(LODGED_ON))
                    .whenTimeAdvancesTo(REVIEW_END)
                    .expectEvents(new ObjectionReviewOverdueEvent(ID, REVIEW_DUE))
                    .expectTriggeredDeadlinesWithName(OBJECTION_REVIEW_PERIOD);
        }

        @Test
        void an_objection_is_not_overdue_a_second_before_midnight() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), reject(REJECTED_ON), object(LODGED_ON))
                    .whenTimeAdvancesTo(REVIEW_END.minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(REVIEW_END, OBJECTION_REVIEW_PERIOD);
        }

        @Test
        void a_reviewed_objection_is_never_overdue() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), reject(REJECTED_ON), object(LODGED_ON),
                            review(ObjectionFinding.DISMISSED, REVIEWED_ON))
                    .whenTimeAdvancesTo(REVIEW_END.plus(Duration.ofDays(10)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_review_deadline_that_outlived_the_review_does_nothing() {
            fixture.givenCurrentTime(APPLICATION_TIME)
                    .andGivenCommands(new Applying().command(), reject(REJECTED_ON), object(LODGED_ON))
                    .andGiven(new ObjectionUpheldEvent(ID, REVIEWED_ON, REVIEW_REASONS, true, ASSIGNMENT_DUE_AFTER_REVIEW))
                    .whenTimeAdvancesTo(REVIEW_END)
                    .expectTriggeredDeadlinesWithName(OBJECTION_REVIEW_PERIOD)
                    .expectNoEvents();
        }
    }

    // ================================================================================================
    // test data
    // ================================================================================================

    /** An application, valid unless changed; the standard applicant is not exempt from the means test. */
    private static final class Applying {
        private CaseNumber caseNumber = CASE_NUMBER;
        private OrganisationId organisation = ORGANISATION;
        private District district = DISTRICT;
        private Worker applicant = APPLICANT;
        private boolean migrantWorker;
        private MatterCategory category = MatterCategory.LABOUR_CONTRACT;
        private String matter = MATTER;
        private String grounds = GROUNDS;
        private BigDecimal amountClaimed = CLAIMED;
        private Employer employer = EMPLOYER;
        private LocalDate appliedOn = APPLIED_ON;
        private OfficerId officer = OFFICER;

        Applying migrantWorker(boolean value) {
            migrantWorker = value;
            return this;
        }

        Applying category(MatterCategory value) {
            category = value;
            return this;
        }

        Applying applicant(Worker value) {
            applicant = value;
            return this;
        }

        Applying grounds(String value) {
            grounds = value;
            return this;
        }

        Applying amountClaimed(BigDecimal value) {
            amountClaimed = value;
            return this;
        }

        Applying employer(Employer value) {
            employer = value;
            return this;
        }

        Applying appliedOn(LocalDate value) {
            appliedOn = value;
            return this;
        }

        Applying without(String field) {
            switch (field) {
                case "caseNumber" -> caseNumber = null;
                case "organisation" -> organisation = null;
                case "district" -> district = null;
                case "applicant" -> applicant = null;
                case "matterCategory" -> category = null;
                case "matter" -> matter = null;
                case "grounds" -> grounds = null;
                case "appliedOn" -> appliedOn = null;
                case "officerInCharge" -> officer = null;
                default -> throw new IllegalArgumentException(field);
            }
            return this;
        }

        ApplyForLegalAidCommand command() {
            return new ApplyForLegalAidCommand(ID, caseNumber, organisation, district, applicant, migrantWorker,
                    category, matter, grounds, amountClaimed, employer, appliedOn, officer);
        }

        LegalAidAppliedEvent event(boolean exempt, LocalDate decisionDueOn) {
            return new LegalAidAppliedEvent(ID, caseNumber, organisation, district, applicant, migrantWorker, category,
                    matter, grounds, amountClaimed, employer, appliedOn, officer, exempt, decisionDueOn);
        }
    }

    private static LegalAidAppliedEvent appliedEvent() {
        return new Applying().event(false, DECISION_DUE);
    }

    private static MissingMaterialsRequestedEvent materialsRequested() {
        return new MissingMaterialsRequestedEvent(ID, REQUESTED_ON, ITEMS, SUPPLY_BY, 2);
    }

    private static MissingMaterialsReceivedEvent materialsReceived() {
        return new MissingMaterialsReceivedEvent(ID, RECEIVED_ON, "全部补齐", true, DUE_AFTER_MATERIALS);
    }

    private static UrgentAidGrantedEvent urgentGranted() {
        return new UrgentAidGrantedEvent(ID, URGENT_ON, LIMITATION_ON, LIMITATION, 5, ASSIGNMENT_DUE);
    }

    private static LegalAidApprovedEvent approvedEvent() {
        return new LegalAidApprovedEvent(ID, APPROVED_ON, false, HARDSHIP, true, ASSIGNMENT_DUE);
    }

    private static LawyerAssignedEvent lawyerAssigned() {
        return new LawyerAssignedEvent(ID, LAWYER, LAWYER_NAME, ASSIGNED_ON, null, true);
    }

    /** The events that bring the standard case into {@code status}. */
    private static List<Object> history(LegalAidStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(appliedEvent());
        switch (status) {
            case APPLIED -> {
                return events;
            }
            case AWAITING_MATERIALS -> {
                events.add(materialsRequested());
                return events;
            }
            case REJECTED, OBJECTION_UNDER_REVIEW -> {
                events.add(new LegalAidRejectedEvent(ID, REJECTED_ON, REJECTION_REASONS, true, false));
                if (status == OBJECTION_UNDER_REVIEW) {
                    events.add(new ObjectionLodgedEvent(ID, LODGED_ON, OBJECTION_GROUNDS, REVIEW_DUE));
                }
                return events;
            }
            default -> {
                events.add(approvedEvent());
                if (status == APPROVED) return events;
                events.add(lawyerAssigned());
                if (status == LAWYER_ASSIGNED) return events;
                events.add(new ActivityRecordedEvent(ID, 1, ActivityType.CONSULTATION, CONSULTED_ON, "首次咨询"));
                events.add(new OutcomeRecordedEvent(ID, AidOutcome.WON, CONCLUDED_ON, RECOVERED, null));
                if (status == OUTCOME_RECORDED) return events;
                events.add(new ClosingReportSubmittedEvent(ID, REPORTED_ON, REPORT));
                if (status == REPORTED) return events;
                events.add(new LegalAidCaseClosedEvent(ID, LegalAidClosureReason.COMPLETED, null));
                if (status == CLOSED) return events;
                throw new IllegalArgumentException(status.name());
            }
        }
    }

    private static RequestMissingMaterialsCommand requestMaterials(List<String> items) {
        return new RequestMissingMaterialsCommand(ID, null, REQUESTED_ON, items, SUPPLY_BY);
    }

    private static RecordMaterialsReceivedCommand receive(LocalDate on) {
        return new RecordMaterialsReceivedCommand(ID, null, on, "全部补齐");
    }

    private static GrantUrgentAidCommand urgent(LocalDate grantedOn, LocalDate deadlineOn) {
        return new GrantUrgentAidCommand(ID, null, grantedOn, deadlineOn, LIMITATION);
    }

    private static ApproveLegalAidCommand approve(LocalDate on, MeansTestResult meansTest) {
        return new ApproveLegalAidCommand(ID, null, on, meansTest);
    }

    private static RejectLegalAidCommand reject(LocalDate on) {
        return new RejectLegalAidCommand(ID, null, on, REJECTION_REASONS);
    }

    private static AssignLawyerCommand assign(String lawyerId, LocalDate on) {
        return new AssignLawyerCommand(ID, null, lawyerId, on);
    }

    private static RecordActivityCommand activity(ActivityType type, LocalDate on) {
        return new RecordActivityCommand(ID, null, type, on, "递交仲裁申请书");
    }

    private static RecordOutcomeCommand outcome(AidOutcome outcome) {
        return new RecordOutcomeCommand(ID, null, outcome, CONCLUDED_ON, RECOVERED, null);
    }

    private static SubmitClosingReportCommand report(LocalDate on) {
        return new SubmitClosingReportCommand(ID, null, on, REPORT);
    }

    private static LodgeObjectionCommand object(LocalDate on) {
        return new LodgeObjectionCommand(ID, null, on, OBJECTION_GROUNDS);
    }

    private static ReviewObjectionCommand review(ObjectionFinding finding, LocalDate on) {
        return new ReviewObjectionCommand(ID, null, finding, on, REVIEW_REASONS);
    }

    private static CloseLegalAidCaseCommand close(LegalAidClosureReason reason) {
        return new CloseLegalAidCaseCommand(ID, null, reason, "申请人撤回");
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
                new DuplicateElsewhereFlaggedEvent(ID.toString(), CaseKind.LEGAL_AID, OTHER, CaseKind.LEGAL_AID);

        @Test
        void a_possible_duplicate_in_another_organisation_is_flagged_on_the_case() {
            fixture.given(history(APPLIED))
                    .when(new FlagLegalAidCaseDuplicateElsewhereCommand(ID, OTHER, CaseKind.LEGAL_AID))
                    .expectEvents(flagged);
        }
    }
}

package org.weiquan.command.hazard;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
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
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.hazard.EvidenceAttachment;
import org.weiquan.api.hazard.HazardClosureReason;
import org.weiquan.api.hazard.HazardCommands.CloseHazardCommand;
import org.weiquan.api.hazard.HazardCommands.EscalateToMajorHazardCommand;
import org.weiquan.api.hazard.HazardCommands.FlagHazardDuplicateElsewhereCommand;
import org.weiquan.api.hazard.HazardCommands.IssueRectificationNoticeCommand;
import org.weiquan.api.hazard.HazardCommands.LinkHazardCommand;
import org.weiquan.api.hazard.HazardCommands.PlaceUnderListedSupervisionCommand;
import org.weiquan.api.hazard.HazardCommands.RecommendEvacuationCommand;
import org.weiquan.api.hazard.HazardCommands.RecordEmployerAnswerCommand;
import org.weiquan.api.hazard.HazardCommands.RecordRectificationProgressCommand;
import org.weiquan.api.hazard.HazardCommands.ReportHazardCommand;
import org.weiquan.api.hazard.HazardCommands.ReportMajorHazardCommand;
import org.weiquan.api.hazard.HazardCommands.SubmitRectificationCommand;
import org.weiquan.api.hazard.HazardCommands.VerifyRectificationCommand;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.HazardStatus;
import org.weiquan.api.hazard.ReportRecipient;
import org.weiquan.api.hazard.SafetyHazardEvent.EmployerAnswerOverdueEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.EmployerAnswerRecordedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.EvacuationRecommendedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardClosedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardEscalatedToMajorEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardListedForSupervisionEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.HazardReportedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.MajorHazardReportedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationNoticeIssuedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationNoticeReissuedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationOverdueEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationProgressRecordedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationSubmittedEvent;
import org.weiquan.api.hazard.SafetyHazardEvent.RectificationVerifiedEvent;
import org.weiquan.api.hazard.VerificationOutcome;
import org.weiquan.command.common.OrganisationAreas;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.HolidayCalendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.weiquan.api.hazard.HazardSeverity.GENERAL;
import static org.weiquan.api.hazard.HazardSeverity.MAJOR;
import static org.weiquan.api.hazard.HazardStatus.CLOSED;
import static org.weiquan.api.hazard.HazardStatus.RECTIFICATION_SUBMITTED;
import static org.weiquan.api.hazard.HazardStatus.RECTIFYING;
import static org.weiquan.api.hazard.HazardStatus.REPORTED;
import static org.weiquan.api.hazard.HazardStatus.VERIFIED;
import static org.weiquan.api.hazard.ReportRecipient.WORKERS_CONGRESS;
import static org.weiquan.api.hazard.ReportRecipient.WORK_SAFETY_AUTHORITY;
import static org.weiquan.command.common.CaseRuleMatchers.invalid;
import static org.weiquan.command.common.CaseRuleMatchers.onlyDeadlinesNamed;
import static org.weiquan.command.common.CaseRuleMatchers.refused;

/**
 * The safety hazard aggregate against the statutory policy and China's 2025/2026 holiday calendar,
 * on a fixed fixture clock.
 *
 * <p>The standard case: found on Mon 2026-03-02; notice issued Tue 03-03 with the deadline Tue 03-31
 * (ends 2026-03-31T16:00Z, midnight in Beijing), the employer's answer due 15 working days later on
 * Tue 03-24; answered 03-10, progress 03-16, rectification submitted 03-25, verified 03-27. A failed
 * verification reissues the notice with the deadline Thu 04-30; its answer is due Mon 04-20 (the
 * Qingming holiday, Sat 04-04 to Mon 04-06, does not count).
 */
class SafetyHazardTest {

    // --- deadline names: literal on purpose, they are stored by the deadline scheduler ---
    private static final String RECTIFICATION_DEADLINE = "rectification-deadline";
    private static final String EMPLOYER_ANSWER_PERIOD = "employer-answer-period";

    private static final HazardId ID = HazardId.of("3c9d1f2a-7b4e-4d6a-8f10-2e5b7c9a1d34");
    private static final CaseNumber CASE_NUMBER = new CaseNumber("SH-2026-000007");
    private static final OrganisationId ORGANISATION = new OrganisationId("szftu/gusu/pingjiang");
    private static final District DISTRICT = District.GUSU;
    private static final Employer EMPLOYER = new Employer("苏州平江精密电子有限公司", "91320508MA1W2X3Y4Z");
    private static final OfficerId INSPECTOR = new OfficerId("wang.fang");
    private static final String LOCATION = "二号车间冲压线";
    private static final String DESCRIPTION = "冲床光电保护装置被拆除 (the press's light curtain was removed)";

    private static final LocalDate FOUND_ON = LocalDate.parse("2026-03-02");
    private static final LocalDate ISSUED_ON = LocalDate.parse("2026-03-03");
    private static final LocalDate DEADLINE = LocalDate.parse("2026-03-31");
    private static final Instant RECTIFICATION_END = Instant.parse("2026-03-31T16:00:00Z");
    private static final LocalDate ANSWER_DUE = LocalDate.parse("2026-03-24");
    private static final Instant ANSWER_END = Instant.parse("2026-03-24T16:00:00Z");
    private static final String REQUIREMENTS = "恢复光电保护装置, 对冲压工进行安全培训";

    private static final LocalDate ANSWERED_ON = LocalDate.parse("2026-03-10");
    private static final String ANSWER = "employer will refit the light curtain by 03-20";
    private static final LocalDate PROGRESS_ON = LocalDate.parse("2026-03-16");
    private static final String PROGRESS = "new light curtain ordered, delivery 03-19";
    private static final LocalDate SUBMITTED_ON = LocalDate.parse("2026-03-25");
    private static final String SUBMISSION = "light curtain refitted and tested, 12 operators trained";
    private static final LocalDate VERIFIED_ON = LocalDate.parse("2026-03-27");
    private static final String FINDINGS_PASSED = "light curtain stops the press within 20 ms; training records seen";
    private static final String FINDINGS_FAILED = "light curtain fitted but bypassed by a jumper wire";

    private static final LocalDate NEW_DEADLINE = LocalDate.parse("2026-04-30");
    private static final Instant REISSUED_END = Instant.parse("2026-04-30T16:00:00Z");
    private static final LocalDate REISSUED_ANSWER_DUE = LocalDate.parse("2026-04-20");
    private static final Instant REISSUED_ANSWER_END = Instant.parse("2026-04-20T16:00:00Z");
    private static final String NEW_REQUIREMENTS = "remove the bypass, lock the control cabinet";

    private static final String AUTHORITY = "苏州市姑苏区应急管理局";
    private static final String CONGRESS = "苏州平江精密电子有限公司职工代表大会";
    private static final LocalDate REPORTED_ON = LocalDate.parse("2026-03-04");

    private static final EvidenceAttachment PHOTO = new EvidenceAttachment("light-curtain-refitted.jpg", "image/jpeg",
            482_113, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    private static final EvidenceAttachment TEST_REPORT = new EvidenceAttachment("检测报告.pdf", "application/pdf",
            1_204_551, "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");

    /** Ten in Beijing on the day the hazard was found: before every deadline of the standard case. */
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private static final HolidayCalendar CALENDAR = loadCalendar();

    private FixtureConfiguration<SafetyHazard> fixture;

    private static HolidayCalendar loadCalendar() {
        try (InputStream csv = SafetyHazardTest.class.getResourceAsStream("/holidays/cn.csv")) {
            if (csv == null) throw new IllegalStateException("holidays/cn.csv is not on the classpath");
            return HolidayCalendar.parse(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SafetyHazard.class);
        fixture.registerInjectableResource(OrganisationAreas.cityFederation());
        fixture.registerInjectableResource(HazardPolicy.statutory(new DeadlineCalculator(CALENDAR)));
    }

    /** The fixture at the fixed time, with these events in the hazard's past. */
    private TestExecutor<SafetyHazard> given(List<?> events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private TestExecutor<SafetyHazard> given(Object... events) {
        return given(Arrays.asList(events));
    }

    /** The fixture at the fixed time, after these commands (so their deadlines are scheduled). */
    private TestExecutor<SafetyHazard> givenCommands(Object... commands) {
        return fixture.givenCurrentTime(NOW).andGivenCommands(commands);
    }

    // ------------------------------------------------------------------------------------------------
    // Reporting
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Reporting {

        @Test
        void reporting_opens_the_case_and_returns_its_id() {
            fixture.givenCurrentTime(NOW)
                    .when(report(GENERAL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(reported(GENERAL))
                    .expectResultMessagePayload(ID);
        }

        @Test
        void a_major_hazard_is_reported_as_major() {
            fixture.givenCurrentTime(NOW)
                    .when(report(MAJOR))
                    .expectEvents(reported(MAJOR));
        }

        @Test
        void reporting_schedules_no_deadline_because_the_law_sets_none_before_the_notice() {
            fixture.givenCurrentTime(NOW)
                    .when(report(MAJOR))
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @ValueSource(strings = {"caseNumber", "organisation", "district", "severity", "employer", "employer.name",
                "employer.creditCode", "location", "description", "foundOn", "inspector"})
        void a_report_missing_a_required_field_is_refused(String field) {
            fixture.givenCurrentTime(NOW)
                    .when(new Report().without(field).command())
                    .expectException(invalid("hazard.missing-field", field))
                    .expectExceptionMessage(field + " is required")
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  \t "})
        void a_blank_location_description_or_credit_code_is_refused(String blank) {
            fixture.givenCurrentTime(NOW)
                    .when(new Report().location(blank).command())
                    .expectException(invalid("hazard.missing-field", "location"))
                    .expectNoEvents();
            fixture.givenCurrentTime(NOW)
                    .when(new Report().description(blank).command())
                    .expectException(invalid("hazard.missing-field", "description"))
                    .expectNoEvents();
            fixture.givenCurrentTime(NOW)
                    .when(new Report().employer(new Employer(EMPLOYER.name(), blank)).command())
                    .expectException(invalid("hazard.missing-field", "employer.creditCode"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Rectification notice
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Notice {

        @Test
        void the_notice_sets_the_deadline_and_the_employer_answer_falls_due_15_working_days_later() {
            given(history(REPORTED))
                    .when(issue(ISSUED_ON, DEADLINE))
                    .expectEvents(noticeIssued());
        }

        @Test
        void the_notice_schedules_the_rectification_deadline_and_the_answer_period_for_notice_one() {
            givenCommands(report(GENERAL))
                    .when(issue(ISSUED_ON, DEADLINE))
                    .expectScheduledDeadlineWithName(RECTIFICATION_END, RECTIFICATION_DEADLINE)
                    .expectScheduledDeadlineWithName(ANSWER_END, EMPLOYER_ANSWER_PERIOD)
                    .expectScheduledDeadlineMatching(RECTIFICATION_END, deadline(RECTIFICATION_DEADLINE, 1))
                    .expectScheduledDeadlineMatching(ANSWER_END, deadline(EMPLOYER_ANSWER_PERIOD, 1))
                    .expectNoScheduledDeadlineWithName(RECTIFICATION_END.minusSeconds(1), RECTIFICATION_DEADLINE)
                    .expectNoScheduledDeadlineWithName(RECTIFICATION_END.plus(Duration.ofHours(8)),
                            RECTIFICATION_DEADLINE);
        }

        @Test
        void a_deadline_the_day_after_the_notice_is_the_shortest_allowed() {
            LocalDate nextDay = ISSUED_ON.plusDays(1);
            given(history(REPORTED))
                    .when(issue(ISSUED_ON, nextDay))
                    .expectEvents(new RectificationNoticeIssuedEvent(ID, 1, ISSUED_ON, nextDay, nextDay, ANSWER_DUE,
                            REQUIREMENTS));
        }

        @Test
        void a_notice_may_be_issued_on_the_day_the_hazard_was_found() {
            given(history(REPORTED))
                    .when(issue(FOUND_ON, DEADLINE))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(
                                    org.hamcrest.Matchers.instanceOf(RectificationNoticeIssuedEvent.class)),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, -30})
        void a_deadline_on_or_before_the_notice_date_is_refused(int daysAfterNotice) {
            given(history(REPORTED))
                    .when(issue(ISSUED_ON, ISSUED_ON.plusDays(daysAfterNotice)))
                    .expectException(invalid("hazard.deadline-not-after-notice", "deadline"))
                    .expectExceptionMessage("deadline must be after the notice date (2026-03-03)")
                    .expectNoEvents();
        }

        @Test
        void a_refused_notice_schedules_nothing() {
            givenCommands(report(GENERAL))
                    .when(issue(ISSUED_ON, ISSUED_ON))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_notice_before_the_hazard_was_found_is_refused() {
            given(history(REPORTED))
                    .when(issue(FOUND_ON.minusDays(1), DEADLINE))
                    .expectException(invalid("hazard.date-too-early", "issuedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_notice_needs_its_date_its_deadline_and_its_requirements() {
            given(history(REPORTED))
                    .when(issue(null, DEADLINE))
                    .expectException(invalid("hazard.missing-field", "issuedOn"))
                    .expectNoEvents();
            given(history(REPORTED))
                    .when(issue(ISSUED_ON, null))
                    .expectException(invalid("hazard.missing-field", "deadline"))
                    .expectNoEvents();
            given(history(REPORTED))
                    .when(new IssueRectificationNoticeCommand(ID, null, ISSUED_ON, DEADLINE, " "))
                    .expectException(invalid("hazard.missing-field", "requirements"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = HazardStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "REPORTED")
        void only_a_reported_hazard_gets_its_first_notice(HazardStatus status) {
            given(history(status))
                    .when(issue(ISSUED_ON, DEADLINE))
                    .expectException(refused(IllegalTransitionException.class, "hazard.illegal-transition"))
                    .expectExceptionMessage(containsString("cannot issue a rectification notice: SH-2026-000007 is "
                            + status))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Employer's answer and progress
    // ------------------------------------------------------------------------------------------------

    @Nested
    class EmployerAnswer {

        @Test
        void an_answer_within_the_period_is_recorded_as_such() {
            given(history(RECTIFYING))
                    .when(answer(ANSWERED_ON))
                    .expectEvents(new EmployerAnswerRecordedEvent(ID, 1, ANSWERED_ON, ANSWER, true));
        }

        @Test
        void an_answer_on_the_last_day_is_within_the_period() {
            given(history(RECTIFYING))
                    .when(answer(ANSWER_DUE))
                    .expectEvents(new EmployerAnswerRecordedEvent(ID, 1, ANSWER_DUE, ANSWER, true));
        }

        @Test
        void a_late_answer_is_recorded_and_flagged_as_late() {
            LocalDate late = ANSWER_DUE.plusDays(1);
            given(history(RECTIFYING))
                    .andGiven(new EmployerAnswerOverdueEvent(ID, 1, ANSWER_DUE))
                    .when(answer(late))
                    .expectEvents(new EmployerAnswerRecordedEvent(ID, 1, late, ANSWER, false));
        }

        @Test
        void the_answer_cancels_the_answer_period_but_not_the_rectification_deadline() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE))
                    .when(answer(ANSWERED_ON))
                    .expectNoScheduledDeadlineWithName(ANSWER_END, EMPLOYER_ANSWER_PERIOD)
                    .expectScheduledDeadlineWithName(RECTIFICATION_END, RECTIFICATION_DEADLINE);
        }

        @Test
        void a_notice_is_answered_only_once() {
            given(history(RECTIFYING))
                    .andGiven(new EmployerAnswerRecordedEvent(ID, 1, ANSWERED_ON, ANSWER, true))
                    .when(answer(ANSWERED_ON.plusDays(1)))
                    .expectException(refused(IllegalTransitionException.class, "hazard.already-answered"))
                    .expectNoEvents();
        }

        @Test
        void a_submitted_rectification_already_answers_the_notice() {
            given(history(RECTIFICATION_SUBMITTED))
                    .when(answer(ANSWERED_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.already-answered"))
                    .expectExceptionMessage(containsString("a submitted rectification answers it too"))
                    .expectNoEvents();
        }

        @Test
        void a_reissued_notice_wants_an_answer_of_its_own() {
            given(history(RECTIFYING))
                    .andGiven(new EmployerAnswerRecordedEvent(ID, 1, ANSWERED_ON, ANSWER, true), submitted(),
                            verified(VerificationOutcome.FAILED, FINDINGS_FAILED), reissued())
                    .when(answer(LocalDate.parse("2026-04-01")))
                    .expectEvents(new EmployerAnswerRecordedEvent(ID, 2, LocalDate.parse("2026-04-01"), ANSWER, true));
        }

        @ParameterizedTest
        @EnumSource(value = HazardStatus.class, names = {"REPORTED", "VERIFIED", "CLOSED"})
        void an_answer_is_recorded_only_while_a_notice_is_out(HazardStatus status) {
            given(history(status))
                    .when(answer(ANSWERED_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void an_answer_needs_a_date_and_a_summary() {
            given(history(RECTIFYING))
                    .when(answer(null))
                    .expectException(invalid("hazard.missing-field", "answeredOn"))
                    .expectNoEvents();
            given(history(RECTIFYING))
                    .when(new RecordEmployerAnswerCommand(ID, null, ANSWERED_ON, ""))
                    .expectException(invalid("hazard.missing-field", "summary"))
                    .expectNoEvents();
        }

        @Test
        void an_answer_before_the_notice_is_refused() {
            given(history(RECTIFYING))
                    .when(answer(ISSUED_ON.minusDays(1)))
                    .expectException(invalid("hazard.date-too-early", "answeredOn"))
                    .expectExceptionMessage("answeredOn is before the notice date (2026-03-03)")
                    .expectNoEvents();
        }
    }

    @Nested
    class Progress {

        @Test
        void progress_entries_are_numbered_consecutively() {
            given(history(RECTIFYING))
                    .andGiven(new RectificationProgressRecordedEvent(ID, 1, 1, PROGRESS_ON, PROGRESS))
                    .when(progress(PROGRESS_ON.plusDays(2)))
                    .expectEvents(new RectificationProgressRecordedEvent(ID, 1, 2, PROGRESS_ON.plusDays(2), PROGRESS));
        }

        @Test
        void the_first_entry_is_numbered_one_and_names_the_notice() {
            given(history(RECTIFYING))
                    .when(progress(PROGRESS_ON))
                    .expectEvents(new RectificationProgressRecordedEvent(ID, 1, 1, PROGRESS_ON, PROGRESS));
        }

        @Test
        void numbering_continues_under_a_reissued_notice() {
            given(history(RECTIFYING))
                    .andGiven(new RectificationProgressRecordedEvent(ID, 1, 1, PROGRESS_ON, PROGRESS), submitted(),
                            verified(VerificationOutcome.FAILED, FINDINGS_FAILED), reissued())
                    .when(progress(LocalDate.parse("2026-04-08")))
                    .expectEvents(new RectificationProgressRecordedEvent(ID, 2, 2, LocalDate.parse("2026-04-08"),
                            PROGRESS));
        }

        @Test
        void progress_is_recorded_even_after_the_deadline_passed() {
            given(history(RECTIFYING))
                    .andGiven(overdue(false))
                    .when(progress(DEADLINE.plusDays(3)))
                    .expectEvents(new RectificationProgressRecordedEvent(ID, 1, 1, DEADLINE.plusDays(3), PROGRESS));
        }

        @ParameterizedTest
        @EnumSource(value = HazardStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "RECTIFYING")
        void progress_is_recorded_only_while_rectifying(HazardStatus status) {
            given(history(status))
                    .when(progress(PROGRESS_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void progress_needs_a_date_and_a_description() {
            given(history(RECTIFYING))
                    .when(progress(null))
                    .expectException(invalid("hazard.missing-field", "recordedOn"))
                    .expectNoEvents();
            given(history(RECTIFYING))
                    .when(new RecordRectificationProgressCommand(ID, null, PROGRESS_ON, null))
                    .expectException(invalid("hazard.missing-field", "description"))
                    .expectNoEvents();
        }

        @Test
        void progress_before_the_notice_is_refused() {
            given(history(RECTIFYING))
                    .when(progress(ISSUED_ON.minusDays(1)))
                    .expectException(invalid("hazard.date-too-early", "recordedOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Submission with evidence
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Submission {

        @Test
        void a_rectification_is_submitted_with_its_evidence_within_the_deadline() {
            given(history(RECTIFYING))
                    .when(submit(SUBMITTED_ON, PHOTO, TEST_REPORT))
                    .expectEvents(new RectificationSubmittedEvent(ID, 1, SUBMITTED_ON, SUBMISSION,
                            List.of(PHOTO, TEST_REPORT), true));
        }

        @Test
        void a_submission_on_the_last_day_is_within_the_deadline() {
            given(history(RECTIFYING))
                    .when(submit(DEADLINE, PHOTO))
                    .expectEvents(new RectificationSubmittedEvent(ID, 1, DEADLINE, SUBMISSION, List.of(PHOTO), true));
        }

        @Test
        void a_late_submission_is_recorded_and_flagged() {
            LocalDate late = DEADLINE.plusDays(1);
            given(history(RECTIFYING))
                    .andGiven(overdue(false))
                    .when(submit(late, PHOTO))
                    .expectEvents(new RectificationSubmittedEvent(ID, 1, late, SUBMISSION, List.of(PHOTO), false));
        }

        @Test
        void a_submission_answers_the_notice_but_leaves_the_rectification_deadline_to_the_verification() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE))
                    .when(submit(SUBMITTED_ON, PHOTO))
                    .expectNoScheduledDeadlineWithName(ANSWER_END, EMPLOYER_ANSWER_PERIOD)
                    .expectScheduledDeadlineWithName(RECTIFICATION_END, RECTIFICATION_DEADLINE);
        }

        @Test
        void a_submission_without_evidence_is_refused() {
            given(history(RECTIFYING))
                    .when(new SubmitRectificationCommand(ID, null, SUBMITTED_ON, SUBMISSION, List.of()))
                    .expectException(invalid("hazard.no-evidence", "evidence"))
                    .expectNoEvents();
            given(history(RECTIFYING))
                    .when(new SubmitRectificationCommand(ID, null, SUBMITTED_ON, SUBMISSION, null))
                    .expectException(invalid("hazard.no-evidence", "evidence"))
                    .expectNoEvents();
        }

        @Test
        void evidence_whose_hash_is_not_64_lower_case_hex_characters_is_refused() {
            for (String hash : new String[]{"9f86d081", PHOTO.sha256().toUpperCase(), PHOTO.sha256() + "0",
                    "zz" + PHOTO.sha256().substring(2), null}) {
                given(history(RECTIFYING))
                        .when(submit(SUBMITTED_ON, TEST_REPORT,
                                new EvidenceAttachment("photo.jpg", "image/jpeg", 10, hash)))
                        .expectException(invalid("hazard.invalid-evidence", "evidence[1].sha256"))
                        .expectNoEvents();
            }
        }

        @Test
        void evidence_without_a_plain_file_name_is_refused() {
            for (String name : new String[]{null, " ", "../etc/passwd", "C:\\photos\\a.jpg", "a".repeat(256)}) {
                given(history(RECTIFYING))
                        .when(submit(SUBMITTED_ON, new EvidenceAttachment(name, "image/jpeg", 10, PHOTO.sha256())))
                        .expectException(invalid("hazard.invalid-evidence", "evidence[0].fileName"))
                        .expectNoEvents();
            }
        }

        @Test
        void a_file_name_of_255_characters_is_accepted() {
            EvidenceAttachment longName = new EvidenceAttachment("a".repeat(251) + ".jpg", "image/jpeg", 10,
                    PHOTO.sha256());
            given(history(RECTIFYING))
                    .when(submit(SUBMITTED_ON, longName))
                    .expectEvents(new RectificationSubmittedEvent(ID, 1, SUBMITTED_ON, SUBMISSION, List.of(longName),
                            true));
        }

        @Test
        void evidence_without_a_media_type_is_refused() {
            for (String type : new String[]{null, "", "jpeg", "image/", "/jpeg", "image/jpeg; charset=x"}) {
                given(history(RECTIFYING))
                        .when(submit(SUBMITTED_ON, new EvidenceAttachment("a.jpg", type, 10, PHOTO.sha256())))
                        .expectException(invalid("hazard.invalid-evidence", "evidence[0].mediaType"))
                        .expectNoEvents();
            }
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1})
        void empty_evidence_is_refused(long size) {
            given(history(RECTIFYING))
                    .when(submit(SUBMITTED_ON, new EvidenceAttachment("a.jpg", "image/jpeg", size, PHOTO.sha256())))
                    .expectException(invalid("hazard.invalid-evidence", "evidence[0].sizeBytes"))
                    .expectNoEvents();
        }

        @Test
        void a_missing_attachment_in_the_list_is_refused() {
            given(history(RECTIFYING))
                    .when(new SubmitRectificationCommand(ID, null, SUBMITTED_ON, SUBMISSION,
                            Arrays.asList(PHOTO, null)))
                    .expectException(invalid("hazard.invalid-evidence", "evidence[1]"))
                    .expectNoEvents();
        }

        @Test
        void the_same_content_attached_twice_is_refused() {
            EvidenceAttachment copy = new EvidenceAttachment("copy.jpg", "image/jpeg", PHOTO.sizeBytes(), PHOTO.sha256());
            given(history(RECTIFYING))
                    .when(submit(SUBMITTED_ON, PHOTO, TEST_REPORT, copy))
                    .expectException(invalid("hazard.duplicate-evidence", "evidence[2].sha256"))
                    .expectNoEvents();
        }

        @Test
        void a_submission_needs_a_date_and_a_description() {
            given(history(RECTIFYING))
                    .when(submit(null, PHOTO))
                    .expectException(invalid("hazard.missing-field", "submittedOn"))
                    .expectNoEvents();
            given(history(RECTIFYING))
                    .when(new SubmitRectificationCommand(ID, null, SUBMITTED_ON, " ", List.of(PHOTO)))
                    .expectException(invalid("hazard.missing-field", "description"))
                    .expectNoEvents();
        }

        @Test
        void a_submission_before_the_notice_is_refused() {
            given(history(RECTIFYING))
                    .when(submit(ISSUED_ON.minusDays(1), PHOTO))
                    .expectException(invalid("hazard.date-too-early", "submittedOn"))
                    .expectNoEvents();
        }

        @Test
        void a_submission_under_a_reissued_notice_may_not_predate_that_notice() {
            given(history(RECTIFYING))
                    .andGiven(submitted(), verified(VerificationOutcome.FAILED, FINDINGS_FAILED), reissued())
                    .when(submit(VERIFIED_ON.minusDays(1), PHOTO))
                    .expectException(invalid("hazard.date-too-early", "submittedOn"))
                    .expectExceptionMessage("submittedOn is before the notice date (2026-03-27)")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = HazardStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "RECTIFYING")
        void a_rectification_is_submitted_only_under_an_open_notice(HazardStatus status) {
            given(history(status))
                    .when(submit(SUBMITTED_ON, PHOTO))
                    .expectException(refused(IllegalTransitionException.class, "hazard.illegal-transition"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Verification
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Verification {

        @Test
        void a_general_hazard_passing_verification_is_closed_as_rectified() {
            given(history(RECTIFICATION_SUBMITTED))
                    .when(verifyPassed(VERIFIED_ON))
                    .expectEvents(verified(VerificationOutcome.PASSED, FINDINGS_PASSED),
                            new HazardClosedEvent(ID, HazardClosureReason.RECTIFIED, VERIFIED_ON, null, false));
        }

        @Test
        void a_major_hazard_passing_verification_awaits_its_closure() {
            given(history(MAJOR, RECTIFICATION_SUBMITTED))
                    .when(verifyPassed(VERIFIED_ON))
                    .expectEvents(verified(VerificationOutcome.PASSED, FINDINGS_PASSED));
        }

        @Test
        void a_verification_after_the_deadline_is_flagged_as_late() {
            LocalDate late = DEADLINE.plusDays(2);
            given(history(RECTIFICATION_SUBMITTED))
                    .when(verifyPassed(late))
                    .expectEvents(new RectificationVerifiedEvent(ID, 1, late, VerificationOutcome.PASSED,
                            FINDINGS_PASSED, false),
                            new HazardClosedEvent(ID, HazardClosureReason.RECTIFIED, late, null, false));
        }

        @Test
        void a_failed_verification_reissues_the_notice_with_the_new_deadline() {
            given(history(RECTIFICATION_SUBMITTED))
                    .when(verifyFailed(VERIFIED_ON, NEW_DEADLINE))
                    .expectEvents(verified(VerificationOutcome.FAILED, FINDINGS_FAILED), reissued());
        }

        @Test
        void a_reissued_deadline_on_a_weekend_is_due_on_the_next_working_day() {
            LocalDate saturday = LocalDate.parse("2026-04-25");
            given(history(RECTIFICATION_SUBMITTED))
                    .when(verifyFailed(VERIFIED_ON, saturday))
                    .expectEvents(verified(VerificationOutcome.FAILED, FINDINGS_FAILED),
                            new RectificationNoticeReissuedEvent(ID, 2, VERIFIED_ON, saturday,
                                    LocalDate.parse("2026-04-27"), REISSUED_ANSWER_DUE, NEW_REQUIREMENTS));
        }

        @Test
        void a_third_notice_follows_a_second_failed_verification() {
            LocalDate secondSubmission = LocalDate.parse("2026-04-22");
            LocalDate secondCheck = LocalDate.parse("2026-04-24");
            LocalDate thirdDeadline = LocalDate.parse("2026-05-29");
            given(history(RECTIFICATION_SUBMITTED))
                    .andGiven(verified(VerificationOutcome.FAILED, FINDINGS_FAILED), reissued(),
                            new RectificationSubmittedEvent(ID, 2, secondSubmission, SUBMISSION, List.of(TEST_REPORT),
                                    true))
                    .when(verifyFailed(secondCheck, thirdDeadline))
                    .expectEvents(new RectificationVerifiedEvent(ID, 2, secondCheck, VerificationOutcome.FAILED,
                                    FINDINGS_FAILED, true),
                            // 15 working days from Fri 04-24: the Labour Day holiday (05-01 to 05-05) does not
                            // count, the adjusted working Saturday 05-09 does
                            new RectificationNoticeReissuedEvent(ID, 3, secondCheck, thirdDeadline, thirdDeadline,
                                    LocalDate.parse("2026-05-19"), NEW_REQUIREMENTS));
        }

        @Test
        void a_failed_verification_replaces_the_deadlines_by_those_of_the_reissued_notice() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), submit(SUBMITTED_ON, PHOTO))
                    .when(verifyFailed(VERIFIED_ON, NEW_DEADLINE))
                    .expectNoScheduledDeadlineWithName(RECTIFICATION_END, RECTIFICATION_DEADLINE)
                    .expectScheduledDeadlineMatching(REISSUED_END, deadline(RECTIFICATION_DEADLINE, 2))
                    .expectScheduledDeadlineMatching(REISSUED_ANSWER_END, deadline(EMPLOYER_ANSWER_PERIOD, 2));
        }

        @Test
        void a_passed_verification_ends_every_deadline() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), submit(SUBMITTED_ON, PHOTO))
                    .when(verifyPassed(VERIFIED_ON))
                    .expectNoScheduledDeadlines();
            givenCommands(report(MAJOR), issue(ISSUED_ON, DEADLINE), submit(SUBMITTED_ON, PHOTO))
                    .when(verifyPassed(VERIFIED_ON))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_passed_verification_refuses_a_new_deadline_or_new_requirements() {
            given(history(RECTIFICATION_SUBMITTED))
                    .when(new VerifyRectificationCommand(ID, null, VERIFIED_ON, VerificationOutcome.PASSED,
                            FINDINGS_PASSED, NEW_DEADLINE, null))
                    .expectException(invalid("hazard.unexpected-field", "newDeadline"))
                    .expectNoEvents();
            given(history(RECTIFICATION_SUBMITTED))
                    .when(new VerifyRectificationCommand(ID, null, VERIFIED_ON, VerificationOutcome.PASSED,
                            FINDINGS_PASSED, null, NEW_REQUIREMENTS))
                    .expectException(invalid("hazard.unexpected-field", "newRequirements"))
                    .expectNoEvents();
        }

        @Test
        void a_failed_verification_needs_the_new_deadline_and_requirements() {
            given(history(RECTIFICATION_SUBMITTED))
                    .when(new VerifyRectificationCommand(ID, null, VERIFIED_ON, VerificationOutcome.FAILED,
                            FINDINGS_FAILED, null, NEW_REQUIREMENTS))
                    .expectException(invalid("hazard.missing-field", "newDeadline"))
                    .expectNoEvents();
            given(history(RECTIFICATION_SUBMITTED))
                    .when(new VerifyRectificationCommand(ID, null, VERIFIED_ON, VerificationOutcome.FAILED,
                            FINDINGS_FAILED, NEW_DEADLINE, " "))
                    .expectException(invalid("hazard.missing-field", "newRequirements"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void a_new_deadline_on_or_before_the_verification_is_refused_and_schedules_nothing(int days) {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), submit(SUBMITTED_ON, PHOTO))
                    .when(verifyFailed(VERIFIED_ON, VERIFIED_ON.plusDays(days)))
                    .expectException(invalid("hazard.deadline-not-after-notice", "newDeadline"))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(RECTIFICATION_END, RECTIFICATION_DEADLINE)
                    .expectNoScheduledDeadlineWithName(REISSUED_END, RECTIFICATION_DEADLINE);
        }

        @Test
        void a_verification_needs_a_date_an_outcome_and_findings() {
            given(history(RECTIFICATION_SUBMITTED))
                    .when(verifyPassed(null))
                    .expectException(invalid("hazard.missing-field", "verifiedOn"))
                    .expectNoEvents();
            given(history(RECTIFICATION_SUBMITTED))
                    .when(new VerifyRectificationCommand(ID, null, VERIFIED_ON, null, FINDINGS_PASSED, null, null))
                    .expectException(invalid("hazard.missing-field", "outcome"))
                    .expectNoEvents();
            given(history(RECTIFICATION_SUBMITTED))
                    .when(new VerifyRectificationCommand(ID, null, VERIFIED_ON, VerificationOutcome.PASSED, "", null,
                            null))
                    .expectException(invalid("hazard.missing-field", "findings"))
                    .expectNoEvents();
        }

        @Test
        void a_verification_before_the_submission_is_refused() {
            given(history(RECTIFICATION_SUBMITTED))
                    .when(verifyPassed(SUBMITTED_ON.minusDays(1)))
                    .expectException(invalid("hazard.date-too-early", "verifiedOn"))
                    .expectExceptionMessage("verifiedOn is before the submission date (2026-03-25)")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = HazardStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "RECTIFICATION_SUBMITTED")
        void only_a_submitted_rectification_is_verified(HazardStatus status) {
            given(history(status))
                    .when(verifyPassed(VERIFIED_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.illegal-transition"))
                    .expectExceptionMessage(containsString("cannot verify the rectification"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Major hazards: escalation, reports, listed supervision
    // ------------------------------------------------------------------------------------------------

    @Nested
    class EscalationToMajor {

        @ParameterizedTest
        @EnumSource(value = HazardStatus.class, names = {"REPORTED", "RECTIFYING", "RECTIFICATION_SUBMITTED"})
        void an_open_general_hazard_can_be_escalated_to_major(HazardStatus status) {
            given(history(status))
                    .when(escalate(PROGRESS_ON))
                    .expectEvents(new HazardEscalatedToMajorEvent(ID, PROGRESS_ON, "a second press has no guard"));
        }

        @Test
        void a_major_hazard_cannot_be_escalated_again() {
            given(history(MAJOR, REPORTED))
                    .when(escalate(PROGRESS_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.already-major"))
                    .expectNoEvents();
            given(history(GENERAL, REPORTED))
                    .andGiven(new HazardEscalatedToMajorEvent(ID, PROGRESS_ON, "a second press has no guard"))
                    .when(escalate(PROGRESS_ON.plusDays(1)))
                    .expectException(refused(IllegalTransitionException.class, "hazard.already-major"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_hazard_cannot_be_escalated() {
            given(history(CLOSED))
                    .when(escalate(PROGRESS_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void an_escalation_needs_a_date_after_the_finding_and_a_reason() {
            given(history(REPORTED))
                    .when(escalate(null))
                    .expectException(invalid("hazard.missing-field", "escalatedOn"))
                    .expectNoEvents();
            given(history(REPORTED))
                    .when(new EscalateToMajorHazardCommand(ID, null, PROGRESS_ON, " "))
                    .expectException(invalid("hazard.missing-field", "reason"))
                    .expectNoEvents();
            given(history(REPORTED))
                    .when(escalate(FOUND_ON.minusDays(1)))
                    .expectException(invalid("hazard.date-too-early", "escalatedOn"))
                    .expectNoEvents();
        }

        @Test
        void an_escalated_hazard_must_then_be_reported_like_any_major_one() {
            given(history(RECTIFYING))
                    .andGiven(new HazardEscalatedToMajorEvent(ID, PROGRESS_ON, "a second press has no guard"))
                    .when(reportTo(WORK_SAFETY_AUTHORITY, PROGRESS_ON))
                    .expectEvents(new MajorHazardReportedEvent(ID, WORK_SAFETY_AUTHORITY, AUTHORITY, PROGRESS_ON,
                            "姑工劳保〔2026〕3号"));
        }
    }

    @Nested
    class MajorHazardReports {

        @Test
        void a_major_hazard_is_reported_to_the_work_safety_authority() {
            given(history(MAJOR, REPORTED))
                    .when(reportTo(WORK_SAFETY_AUTHORITY, REPORTED_ON))
                    .expectEvents(new MajorHazardReportedEvent(ID, WORK_SAFETY_AUTHORITY, AUTHORITY, REPORTED_ON,
                            "姑工劳保〔2026〕3号"));
        }

        @Test
        void a_major_hazard_is_reported_to_the_workers_congress_without_a_reference() {
            given(history(MAJOR, RECTIFYING))
                    .andGiven(authorityReport())
                    .when(new ReportMajorHazardCommand(ID, null, WORKERS_CONGRESS, CONGRESS, REPORTED_ON, null))
                    .expectEvents(new MajorHazardReportedEvent(ID, WORKERS_CONGRESS, CONGRESS, REPORTED_ON, null));
        }

        @ParameterizedTest
        @EnumSource(ReportRecipient.class)
        void each_recipient_is_told_once(ReportRecipient recipient) {
            given(history(MAJOR, RECTIFYING))
                    .andGiven(new MajorHazardReportedEvent(ID, recipient, "someone", REPORTED_ON, null))
                    .when(reportTo(recipient, REPORTED_ON.plusDays(1)))
                    .expectException(refused(IllegalTransitionException.class, "hazard.already-reported"))
                    .expectNoEvents();
        }

        @Test
        void a_general_hazard_is_not_reported_under_section_41() {
            given(history(GENERAL, RECTIFYING))
                    .when(reportTo(WORK_SAFETY_AUTHORITY, REPORTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.not-major"))
                    .expectExceptionMessage(containsString("SH-2026-000007 is a GENERAL hazard"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_hazard_is_not_reported_any_more() {
            given(history(MAJOR, CLOSED))
                    .when(reportTo(WORKERS_CONGRESS, REPORTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_report_may_follow_a_passed_verification_before_the_closure() {
            given(history(MAJOR, VERIFIED))
                    .andGiven(authorityReport())
                    .when(reportTo(WORKERS_CONGRESS, VERIFIED_ON))
                    .expectEvents(new MajorHazardReportedEvent(ID, WORKERS_CONGRESS, CONGRESS, VERIFIED_ON,
                            "姑工劳保〔2026〕3号"));
        }

        @Test
        void a_report_needs_its_recipient_a_name_and_a_date_after_the_finding() {
            given(history(MAJOR, REPORTED))
                    .when(new ReportMajorHazardCommand(ID, null, null, AUTHORITY, REPORTED_ON, null))
                    .expectException(invalid("hazard.missing-field", "recipient"))
                    .expectNoEvents();
            given(history(MAJOR, REPORTED))
                    .when(new ReportMajorHazardCommand(ID, null, WORK_SAFETY_AUTHORITY, " ", REPORTED_ON, null))
                    .expectException(invalid("hazard.missing-field", "recipientName"))
                    .expectNoEvents();
            given(history(MAJOR, REPORTED))
                    .when(reportTo(WORK_SAFETY_AUTHORITY, null))
                    .expectException(invalid("hazard.missing-field", "reportedOn"))
                    .expectNoEvents();
            given(history(MAJOR, REPORTED))
                    .when(reportTo(WORK_SAFETY_AUTHORITY, FOUND_ON.minusDays(1)))
                    .expectException(invalid("hazard.date-too-early", "reportedOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ListedSupervision {

        @Test
        void the_authority_lists_a_major_hazard_for_supervision() {
            given(history(MAJOR, RECTIFYING))
                    .when(list(REPORTED_ON.plusDays(2)))
                    .expectEvents(new HazardListedForSupervisionEvent(ID, REPORTED_ON.plusDays(2), AUTHORITY,
                            "苏应急督〔2026〕12号"));
        }

        @Test
        void a_hazard_is_listed_only_once() {
            given(history(MAJOR, RECTIFYING))
                    .andGiven(listed())
                    .when(list(REPORTED_ON.plusDays(3)))
                    .expectException(refused(IllegalTransitionException.class, "hazard.already-listed"))
                    .expectNoEvents();
        }

        @Test
        void a_general_hazard_is_not_listed() {
            given(history(GENERAL, REPORTED))
                    .when(list(REPORTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.not-major"))
                    .expectNoEvents();
        }

        @Test
        void a_closed_hazard_is_not_listed() {
            given(history(MAJOR, CLOSED))
                    .when(list(REPORTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_listing_needs_a_date_after_the_finding_and_who_listed_it() {
            given(history(MAJOR, REPORTED))
                    .when(list(null))
                    .expectException(invalid("hazard.missing-field", "listedOn"))
                    .expectNoEvents();
            given(history(MAJOR, REPORTED))
                    .when(new PlaceUnderListedSupervisionCommand(ID, null, REPORTED_ON, "", null))
                    .expectException(invalid("hazard.missing-field", "listedBy"))
                    .expectNoEvents();
            given(history(MAJOR, REPORTED))
                    .when(list(FOUND_ON.minusDays(1)))
                    .expectException(invalid("hazard.date-too-early", "listedOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Evacuation
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Evacuation {

        @ParameterizedTest
        @EnumSource(value = HazardStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "CLOSED")
        void the_union_may_recommend_evacuation_while_the_case_is_open(HazardStatus status) {
            given(history(status == VERIFIED ? MAJOR : GENERAL, status))
                    .when(evacuate(VERIFIED_ON))
                    .expectEvents(new EvacuationRecommendedEvent(ID, 1, VERIFIED_ON, "press runs without guard"));
        }

        @Test
        void recommendations_are_numbered() {
            given(history(MAJOR, RECTIFYING))
                    .andGiven(new EvacuationRecommendedEvent(ID, 1, REPORTED_ON, "first"))
                    .when(evacuate(PROGRESS_ON))
                    .expectEvents(new EvacuationRecommendedEvent(ID, 2, PROGRESS_ON, "press runs without guard"));
        }

        @Test
        void no_evacuation_is_recommended_on_a_closed_case() {
            given(history(CLOSED))
                    .when(evacuate(VERIFIED_ON))
                    .expectException(refused(IllegalTransitionException.class, "hazard.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_recommendation_needs_a_date_after_the_finding_and_a_reason() {
            given(history(REPORTED))
                    .when(evacuate(null))
                    .expectException(invalid("hazard.missing-field", "recommendedOn"))
                    .expectNoEvents();
            given(history(REPORTED))
                    .when(new RecommendEvacuationCommand(ID, null, FOUND_ON, null))
                    .expectException(invalid("hazard.missing-field", "reason"))
                    .expectNoEvents();
            given(history(REPORTED))
                    .when(evacuate(FOUND_ON.minusDays(1)))
                    .expectException(invalid("hazard.date-too-early", "recommendedOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Closing
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Closing {

        @Test
        void a_verified_major_hazard_reported_to_both_is_closed_as_rectified() {
            LocalDate closedOn = VERIFIED_ON.plusDays(3);
            given(history(MAJOR, VERIFIED))
                    .andGiven(authorityReport(), congressReport())
                    .when(close(HazardClosureReason.RECTIFIED, closedOn, "销号"))
                    .expectEvents(new HazardClosedEvent(ID, HazardClosureReason.RECTIFIED, closedOn, "销号", false));
        }

        @Test
        void closing_a_listed_major_hazard_lifts_the_listing() {
            given(history(MAJOR, VERIFIED))
                    .andGiven(authorityReport(), congressReport(), listed())
                    .when(close(HazardClosureReason.RECTIFIED, VERIFIED_ON, null))
                    .expectEvents(new HazardClosedEvent(ID, HazardClosureReason.RECTIFIED, VERIFIED_ON, null, true));
        }

        @Test
        void a_verified_major_hazard_is_not_closed_before_both_reports() {
            given(history(MAJOR, VERIFIED))
                    .when(close(HazardClosureReason.RECTIFIED, VERIFIED_ON, null))
                    .expectException(refused(IllegalTransitionException.class, "hazard.reports-missing"))
                    .expectExceptionMessage(containsString("[WORK_SAFETY_AUTHORITY, WORKERS_CONGRESS]"))
                    .expectNoEvents();
            given(history(MAJOR, VERIFIED))
                    .andGiven(authorityReport())
                    .when(close(HazardClosureReason.RECTIFIED, VERIFIED_ON, null))
                    .expectException(refused(IllegalTransitionException.class, "hazard.reports-missing"))
                    .expectExceptionMessage(containsString("reported to [WORKERS_CONGRESS] (§41)"))
                    .expectNoEvents();
            given(history(MAJOR, VERIFIED))
                    .andGiven(congressReport())
                    .when(close(HazardClosureReason.RECTIFIED, VERIFIED_ON, null))
                    .expectException(refused(IllegalTransitionException.class, "hazard.reports-missing"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = HazardStatus.class, names = {"REPORTED", "RECTIFYING", "RECTIFICATION_SUBMITTED"})
        void a_hazard_whose_rectification_has_not_passed_verification_cannot_close_as_rectified(HazardStatus status) {
            given(history(MAJOR, status))
                    .andGiven(authorityReport(), congressReport())
                    .when(close(HazardClosureReason.RECTIFIED, VERIFIED_ON, null))
                    .expectException(refused(IllegalTransitionException.class, "hazard.not-verified"))
                    .expectNoEvents();
        }

        @Test
        void the_closure_of_a_verified_hazard_is_not_dated_before_its_verification() {
            given(history(MAJOR, VERIFIED))
                    .andGiven(authorityReport(), congressReport())
                    .when(close(HazardClosureReason.RECTIFIED, VERIFIED_ON.minusDays(1), null))
                    .expectException(invalid("hazard.date-too-early", "closedOn"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = HazardStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "CLOSED")
        void a_hazard_of_an_employer_that_ceased_operations_closes_in_any_open_state(HazardStatus status) {
            given(history(status == VERIFIED ? MAJOR : GENERAL, status))
                    .when(close(HazardClosureReason.EMPLOYER_CEASED_OPERATIONS, VERIFIED_ON, "营业执照已注销"))
                    .expectEvents(new HazardClosedEvent(ID, HazardClosureReason.EMPLOYER_CEASED_OPERATIONS,
                            VERIFIED_ON, "营业执照已注销", false));
        }

        @Test
        void a_reported_hazard_is_withdrawn_as_mistaken() {
            given(history(REPORTED))
                    .when(close(HazardClosureReason.WITHDRAWN_AS_MISTAKEN, FOUND_ON, "复查: 防护装置完好, 系误报"))
                    .expectEvents(new HazardClosedEvent(ID, HazardClosureReason.WITHDRAWN_AS_MISTAKEN, FOUND_ON,
                            "复查: 防护装置完好, 系误报", false));
        }

        @ParameterizedTest
        @EnumSource(value = HazardStatus.class, names = {"RECTIFYING", "RECTIFICATION_SUBMITTED", "VERIFIED"})
        void once_a_notice_went_out_the_report_is_not_withdrawn(HazardStatus status) {
            given(history(status == VERIFIED ? MAJOR : GENERAL, status))
                    .when(close(HazardClosureReason.WITHDRAWN_AS_MISTAKEN, VERIFIED_ON, "mistake"))
                    .expectException(refused(IllegalTransitionException.class, "hazard.cannot-close"))
                    .expectExceptionMessage(containsString("only before a rectification notice went out"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = HazardClosureReason.class, names = {"EMPLOYER_CEASED_OPERATIONS", "WITHDRAWN_AS_MISTAKEN"})
        void a_closure_without_rectification_needs_a_note(HazardClosureReason reason) {
            for (String note : new String[]{null, " "}) {
                given(history(REPORTED))
                        .when(close(reason, FOUND_ON, note))
                        .expectException(invalid("hazard.missing-field", "note"))
                        .expectNoEvents();
            }
        }

        @ParameterizedTest
        @EnumSource(HazardClosureReason.class)
        void a_closed_hazard_cannot_be_closed_again(HazardClosureReason reason) {
            given(history(CLOSED))
                    .when(close(reason, VERIFIED_ON, "again"))
                    .expectException(refused(IllegalTransitionException.class, "hazard.already-closed"))
                    .expectExceptionMessage("SH-2026-000007 is already closed")
                    .expectNoEvents();
        }

        @Test
        void closing_needs_a_reason_and_a_date_after_the_finding() {
            given(history(REPORTED))
                    .when(close(null, FOUND_ON, "note"))
                    .expectException(invalid("hazard.missing-field", "reason"))
                    .expectNoEvents();
            given(history(REPORTED))
                    .when(close(HazardClosureReason.EMPLOYER_CEASED_OPERATIONS, null, "note"))
                    .expectException(invalid("hazard.missing-field", "closedOn"))
                    .expectNoEvents();
            given(history(REPORTED))
                    .when(close(HazardClosureReason.EMPLOYER_CEASED_OPERATIONS, FOUND_ON.minusDays(1), "note"))
                    .expectException(invalid("hazard.date-too-early", "closedOn"))
                    .expectNoEvents();
        }

        @Test
        void closing_during_rectification_cancels_every_deadline() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE))
                    .when(close(HazardClosureReason.EMPLOYER_CEASED_OPERATIONS, PROGRESS_ON, "企业已关闭"))
                    .expectNoScheduledDeadlines();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Links
    // ------------------------------------------------------------------------------------------------

    /**
     * The links every case keeps, with the rules of {@link org.weiquan.command.common.CaseAggregate}:
     * tested here once, for every kind; the other kinds' tests check only that it is wired.
     */
    @Nested
    class Linking {
        private static final String PETITION = "0b7e9c3d-5a1f-4c2e-9d8b-6f4a2e1c7b90";

        @Test
        void a_link_to_another_case_is_recorded_with_the_hazard_kind() {
            given(history(RECTIFYING))
                    .when(link(PETITION))
                    .expectEvents(new CaseLinkedEvent(ID.toString(), CaseKind.SAFETY_HAZARD, PETITION, CaseKind.PETITION,
                            "PT-2026-000031", LinkRelation.AROSE_FROM, "worker's call to 12351"));
        }

        @Test
        void a_closed_hazard_can_still_be_linked() {
            given(history(CLOSED))
                    .when(link(PETITION))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void a_hazard_cannot_be_linked_to_itself() {
            given(history(REPORTED))
                    .when(link(ID.toString()))
                    .expectException(invalid("case.self-link", "linkedCaseId"))
                    .expectNoEvents();
        }

        @Test
        void the_same_case_is_linked_once() {
            given(history(REPORTED))
                    .andGiven(new CaseLinkedEvent(ID.toString(), CaseKind.SAFETY_HAZARD, PETITION, CaseKind.PETITION,
                            "PT-2026-000031", LinkRelation.RELATED, null))
                    .when(link(PETITION))
                    .expectException(refused(IllegalTransitionException.class, "case.already-linked"))
                    .expectNoEvents();
        }

        @Test
        void a_link_needs_the_other_case_its_kind_and_the_relation() {
            given(history(REPORTED))
                    .when(new LinkHazardCommand(ID, null, CaseKind.PETITION, "PT-2026-000031", LinkRelation.RELATED, null))
                    .expectException(invalid("hazard.missing-field", "linkedCaseId"))
                    .expectNoEvents();
            given(history(REPORTED))
                    .when(new LinkHazardCommand(ID, PETITION, null, "PT-2026-000031", LinkRelation.RELATED, null))
                    .expectException(invalid("hazard.missing-field", "linkedKind"))
                    .expectNoEvents();
            given(history(REPORTED))
                    .when(new LinkHazardCommand(ID, PETITION, CaseKind.PETITION, "PT-2026-000031", null, null))
                    .expectException(invalid("hazard.missing-field", "relation"))
                    .expectNoEvents();
        }

        private LinkHazardCommand link(String other) {
            return new LinkHazardCommand(ID, other, CaseKind.PETITION, "PT-2026-000031", LinkRelation.AROSE_FROM,
                    "worker's call to 12351");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Versions returned to the client (the next ETag)
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Versions {

        @Test
        void issuing_the_notice_of_a_just_reported_hazard_returns_version_one() {
            given(history(REPORTED))
                    .when(issue(ISSUED_ON, DEADLINE))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void a_failed_verification_returns_the_version_of_the_reissued_notice() {
            // reported 0, issued 1, submitted 2; verified 3, reissued 4
            given(history(RECTIFICATION_SUBMITTED))
                    .when(verifyFailed(VERIFIED_ON, NEW_DEADLINE))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void a_passed_verification_of_a_general_hazard_returns_the_version_of_the_closure() {
            given(history(RECTIFICATION_SUBMITTED))
                    .when(verifyPassed(VERIFIED_ON))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void the_version_is_the_same_whether_the_history_came_from_events_or_commands() {
            givenCommands(report(MAJOR), issue(ISSUED_ON, DEADLINE), reportTo(WORK_SAFETY_AUTHORITY, REPORTED_ON))
                    .when(evacuate(REPORTED_ON))
                    .expectResultMessagePayload(3L);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Deadlines firing
    // ------------------------------------------------------------------------------------------------

    @Nested
    class RectificationDeadline {

        @Test
        void an_unrectified_hazard_is_escalated_as_overdue_at_midnight_in_beijing_after_the_deadline() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), answer(ANSWERED_ON))
                    .whenTimeAdvancesTo(RECTIFICATION_END)
                    .expectEvents(overdue(false))
                    .expectTriggeredDeadlinesWithName(RECTIFICATION_DEADLINE)
                    .expectTriggeredDeadlinesMatching(onlyDeadlinesNamed(RECTIFICATION_DEADLINE))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void the_hazard_is_not_overdue_a_second_before_midnight() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), answer(ANSWERED_ON))
                    .whenTimeAdvancesTo(RECTIFICATION_END.minusSeconds(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName()
                    .expectScheduledDeadlineWithName(RECTIFICATION_END, RECTIFICATION_DEADLINE);
        }

        @Test
        void the_deadline_passes_when_the_last_hour_of_its_last_day_elapses() {
            fixture.givenCurrentTime(RECTIFICATION_END.minus(Duration.ofHours(1)))
                    .andGivenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), answer(ANSWERED_ON))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectEvents(overdue(false))
                    .expectTriggeredDeadlinesWithName(RECTIFICATION_DEADLINE);
        }

        @Test
        void a_submitted_but_unverified_rectification_is_escalated_too_and_says_so() {
            givenCommands(report(MAJOR), issue(ISSUED_ON, DEADLINE), submit(SUBMITTED_ON, PHOTO))
                    .whenTimeAdvancesTo(RECTIFICATION_END)
                    .expectEvents(new RectificationOverdueEvent(ID, CASE_NUMBER, 1, DEADLINE, MAJOR, DISTRICT, true));
        }

        @Test
        void a_passed_verification_is_never_overdue() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), submit(SUBMITTED_ON, PHOTO),
                    verifyPassed(VERIFIED_ON))
                    .whenTimeAdvancesTo(RECTIFICATION_END.plus(Duration.ofDays(30)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_reissued_notice_is_overdue_at_its_own_deadline_and_not_at_the_old_one() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), submit(SUBMITTED_ON, PHOTO),
                    verifyFailed(VERIFIED_ON, NEW_DEADLINE), answer(LocalDate.parse("2026-04-01")))
                    .whenTimeAdvancesTo(REISSUED_END)
                    .expectEvents(new RectificationOverdueEvent(ID, CASE_NUMBER, 2, NEW_DEADLINE, GENERAL, DISTRICT,
                            false))
                    .expectTriggeredDeadlinesMatching(onlyDeadlinesNamed(RECTIFICATION_DEADLINE));
        }

        @Test
        void a_notice_reissued_after_the_deadline_passed_gets_a_fresh_deadline() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), answer(ANSWERED_ON))
                    .andGiven(overdue(false))
                    .andGivenCommands(submit(DEADLINE.plusDays(2), PHOTO),
                            verifyFailed(DEADLINE.plusDays(3), NEW_DEADLINE), answer(LocalDate.parse("2026-04-06")))
                    .whenTimeAdvancesTo(REISSUED_END)
                    .expectEvents(new RectificationOverdueEvent(ID, CASE_NUMBER, 2, NEW_DEADLINE, GENERAL, DISTRICT,
                            false));
        }

        @Test
        void a_deadline_of_a_superseded_notice_does_nothing() {
            // the reissue arrives as events, so notice 1's deadline stays scheduled: the handler must re-check
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE))
                    .andGiven(submitted(), verified(VerificationOutcome.FAILED, FINDINGS_FAILED), reissued())
                    .whenTimeAdvancesTo(RECTIFICATION_END)
                    .expectTriggeredDeadlinesWithName(EMPLOYER_ANSWER_PERIOD, RECTIFICATION_DEADLINE)
                    .expectNoEvents();
        }

        @Test
        void the_hazard_is_escalated_only_once_per_notice() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), answer(ANSWERED_ON))
                    .andGiven(overdue(false))
                    .whenTimeAdvancesTo(RECTIFICATION_END)
                    .expectTriggeredDeadlinesWithName(RECTIFICATION_DEADLINE)
                    .expectNoEvents();
        }

        @Test
        void a_deadline_that_outlived_the_case_does_nothing() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), answer(ANSWERED_ON))
                    .andGiven(new HazardClosedEvent(ID, HazardClosureReason.EMPLOYER_CEASED_OPERATIONS, PROGRESS_ON,
                            "closed down", false))
                    .whenTimeAdvancesTo(RECTIFICATION_END)
                    .expectTriggeredDeadlinesWithName(RECTIFICATION_DEADLINE)
                    .expectNoEvents();
        }

        @Test
        void a_deadline_on_national_day_passes_at_midnight_after_the_next_working_day() {
            LocalDate nationalDay = LocalDate.parse("2026-10-01");
            LocalDate issuedOn = LocalDate.parse("2026-09-14");
            fixture.givenCurrentTime(Instant.parse("2026-09-14T02:00:00Z"))
                    .andGivenCommands(report(GENERAL), issue(issuedOn, nationalDay),
                            answer(LocalDate.parse("2026-09-15")))
                    .whenTimeAdvancesTo(Instant.parse("2026-10-08T16:00:00Z"))
                    .expectEvents(new RectificationOverdueEvent(ID, CASE_NUMBER, 1, LocalDate.parse("2026-10-08"),
                            GENERAL, DISTRICT, false));
        }
    }

    @Nested
    class EmployerAnswerDeadline {

        @Test
        void an_unanswered_notice_is_overdue_at_midnight_after_the_fifteenth_working_day() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE))
                    .whenTimeAdvancesTo(ANSWER_END)
                    .expectEvents(new EmployerAnswerOverdueEvent(ID, 1, ANSWER_DUE))
                    .expectTriggeredDeadlinesMatching(onlyDeadlinesNamed(EMPLOYER_ANSWER_PERIOD))
                    .expectScheduledDeadlineWithName(RECTIFICATION_END, RECTIFICATION_DEADLINE);
        }

        @Test
        void the_answer_is_not_overdue_a_second_before_midnight() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE))
                    .whenTimeAdvancesTo(ANSWER_END.minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(ANSWER_END, EMPLOYER_ANSWER_PERIOD);
        }

        @Test
        void an_answered_notice_is_never_overdue_for_its_answer() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), answer(ANSWER_DUE))
                    .whenTimeAdvancesTo(ANSWER_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_submitted_rectification_answers_the_notice_in_time() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), submit(LocalDate.parse("2026-03-20"), PHOTO))
                    .whenTimeAdvancesTo(ANSWER_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void an_answer_period_that_outlived_its_answer_does_nothing() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE))
                    .andGiven(new EmployerAnswerRecordedEvent(ID, 1, ANSWERED_ON, ANSWER, true))
                    .whenTimeAdvancesTo(ANSWER_END)
                    .expectTriggeredDeadlinesWithName(EMPLOYER_ANSWER_PERIOD)
                    .expectNoEvents();
        }

        @Test
        void the_answer_period_of_a_reissued_notice_counts_from_the_reissue() {
            givenCommands(report(GENERAL), issue(ISSUED_ON, DEADLINE), submit(SUBMITTED_ON, PHOTO),
                    verifyFailed(VERIFIED_ON, NEW_DEADLINE))
                    .whenTimeAdvancesTo(REISSUED_ANSWER_END)
                    .expectEvents(new EmployerAnswerOverdueEvent(ID, 2, REISSUED_ANSWER_DUE))
                    .expectScheduledDeadlineWithName(REISSUED_END, RECTIFICATION_DEADLINE);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The policy's calendar at work
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Calendar {

        @Test
        void a_notice_deadline_on_national_day_is_due_on_the_first_working_day_after_the_holiday() {
            LocalDate issuedOn = LocalDate.parse("2026-09-14");
            given(reported(GENERAL))
                    .when(issue(issuedOn, LocalDate.parse("2026-10-01")))
                    .expectEvents(new RectificationNoticeIssuedEvent(ID, 1, issuedOn, LocalDate.parse("2026-10-01"),
                            LocalDate.parse("2026-10-08"), LocalDate.parse("2026-10-10"), REQUIREMENTS))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-10-08T16:00:00Z"), RECTIFICATION_DEADLINE);
        }

        @Test
        void a_notice_deadline_on_a_plain_saturday_is_due_on_monday() {
            given(reported(GENERAL))
                    .when(issue(ISSUED_ON, LocalDate.parse("2026-03-28")))
                    .expectEvents(new RectificationNoticeIssuedEvent(ID, 1, ISSUED_ON, LocalDate.parse("2026-03-28"),
                            LocalDate.parse("2026-03-30"), ANSWER_DUE, REQUIREMENTS));
        }

        @Test
        void a_notice_deadline_on_an_adjusted_working_saturday_stays_on_that_saturday() {
            given(reported(GENERAL))
                    .when(issue(LocalDate.parse("2026-09-28"), LocalDate.parse("2026-10-10")))
                    .expectEvents(new RectificationNoticeIssuedEvent(ID, 1, LocalDate.parse("2026-09-28"),
                            LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-10"),
                            LocalDate.parse("2026-10-23"), REQUIREMENTS));
        }

        @Test
        void the_answer_period_does_not_count_the_day_the_notice_is_issued() {
            // Fri 03-06: the 15 working days are 03-09 to 03-27; counting the Friday would end on Thu 03-26
            LocalDate friday = LocalDate.parse("2026-03-06");
            given(reported(GENERAL))
                    .when(issue(friday, DEADLINE))
                    .expectEvents(new RectificationNoticeIssuedEvent(ID, 1, friday, DEADLINE, DEADLINE,
                            LocalDate.parse("2026-03-27"), REQUIREMENTS))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-03-27T16:00:00Z"), EMPLOYER_ANSWER_PERIOD);
        }

        @Test
        void the_answer_period_skips_the_spring_festival_and_counts_its_adjusted_working_saturdays() {
            // issued Thu 02-12: 02-13 (1), Sat 02-14 worked (2), 02-15..02-23 holiday, 02-24..02-27 (3-6),
            // Sat 02-28 worked (7), 03-02..03-06 (8-12), 03-09..03-11 (13-15)
            LocalDate issuedOn = LocalDate.parse("2026-02-12");
            given(reported(GENERAL, issuedOn))
                    .when(issue(issuedOn, DEADLINE))
                    .expectEvents(new RectificationNoticeIssuedEvent(ID, 1, issuedOn, DEADLINE, DEADLINE,
                            LocalDate.parse("2026-03-11"), REQUIREMENTS));
        }
    }

    // ================================================================================================
    // test data
    // ================================================================================================

    /** A report, valid unless changed. */
    private static final class Report {
        private CaseNumber caseNumber = CASE_NUMBER;
        private OrganisationId organisation = ORGANISATION;
        private District district = DISTRICT;
        private HazardSeverity severity = GENERAL;
        private Employer employer = EMPLOYER;
        private String location = LOCATION;
        private String description = DESCRIPTION;
        private LocalDate foundOn = FOUND_ON;
        private OfficerId inspector = INSPECTOR;

        Report severity(HazardSeverity value) {
            severity = value;
            return this;
        }

        Report employer(Employer value) {
            employer = value;
            return this;
        }

        Report location(String value) {
            location = value;
            return this;
        }

        Report description(String value) {
            description = value;
            return this;
        }

        Report without(String field) {
            switch (field) {
                case "caseNumber" -> caseNumber = null;
                case "organisation" -> organisation = null;
                case "district" -> district = null;
                case "severity" -> severity = null;
                case "employer" -> employer = null;
                case "employer.name" -> employer = new Employer(" ", EMPLOYER.creditCode());
                case "employer.creditCode" -> employer = new Employer(EMPLOYER.name(), null);
                case "location" -> location = null;
                case "description" -> description = null;
                case "foundOn" -> foundOn = null;
                case "inspector" -> inspector = null;
                default -> throw new IllegalArgumentException(field);
            }
            return this;
        }

        ReportHazardCommand command() {
            return new ReportHazardCommand(ID, caseNumber, organisation, district, severity, employer, location,
                    description, foundOn, inspector);
        }
    }

    private static ReportHazardCommand report(HazardSeverity severity) {
        return new Report().severity(severity).command();
    }

    private static HazardReportedEvent reported(HazardSeverity severity) {
        return reported(severity, FOUND_ON);
    }

    private static HazardReportedEvent reported(HazardSeverity severity, LocalDate foundOn) {
        return new HazardReportedEvent(ID, CASE_NUMBER, ORGANISATION, DISTRICT, severity, EMPLOYER, LOCATION,
                DESCRIPTION, foundOn, INSPECTOR);
    }

    private static RectificationNoticeIssuedEvent noticeIssued() {
        return new RectificationNoticeIssuedEvent(ID, 1, ISSUED_ON, DEADLINE, DEADLINE, ANSWER_DUE, REQUIREMENTS);
    }

    private static RectificationSubmittedEvent submitted() {
        return new RectificationSubmittedEvent(ID, 1, SUBMITTED_ON, SUBMISSION, List.of(PHOTO), true);
    }

    private static RectificationVerifiedEvent verified(VerificationOutcome outcome, String findings) {
        return new RectificationVerifiedEvent(ID, 1, VERIFIED_ON, outcome, findings, true);
    }

    private static RectificationNoticeReissuedEvent reissued() {
        return new RectificationNoticeReissuedEvent(ID, 2, VERIFIED_ON, NEW_DEADLINE, NEW_DEADLINE, REISSUED_ANSWER_DUE,
                NEW_REQUIREMENTS);
    }

    private static RectificationOverdueEvent overdue(boolean submitted) {
        return new RectificationOverdueEvent(ID, CASE_NUMBER, 1, DEADLINE, GENERAL, DISTRICT, submitted);
    }

    private static MajorHazardReportedEvent authorityReport() {
        return new MajorHazardReportedEvent(ID, WORK_SAFETY_AUTHORITY, AUTHORITY, REPORTED_ON, "姑工劳保〔2026〕3号");
    }

    private static MajorHazardReportedEvent congressReport() {
        return new MajorHazardReportedEvent(ID, WORKERS_CONGRESS, CONGRESS, REPORTED_ON, null);
    }

    private static HazardListedForSupervisionEvent listed() {
        return new HazardListedForSupervisionEvent(ID, REPORTED_ON.plusDays(2), AUTHORITY, "苏应急督〔2026〕12号");
    }

    private static List<Object> history(HazardStatus status) {
        return history(GENERAL, status);
    }

    /**
     * The events that bring the standard case of this severity into {@code status}. VERIFIED exists
     * only for a major hazard; CLOSED is a general hazard closed by its passed verification, or a
     * major one closed after its reports.
     */
    private static List<Object> history(HazardSeverity severity, HazardStatus status) {
        if (status == VERIFIED && severity != MAJOR) return history(MAJOR, VERIFIED);
        List<Object> events = new ArrayList<>();
        events.add(reported(severity));
        if (status == REPORTED) return events;
        events.add(noticeIssued());
        if (status == RECTIFYING) return events;
        events.add(submitted());
        if (status == RECTIFICATION_SUBMITTED) return events;
        events.add(verified(VerificationOutcome.PASSED, FINDINGS_PASSED));
        if (severity == MAJOR) {
            if (status == VERIFIED) return events;
            events.add(authorityReport());
            events.add(congressReport());
        }
        events.add(new HazardClosedEvent(ID, HazardClosureReason.RECTIFIED, VERIFIED_ON, null, false));
        return events;
    }

    private static IssueRectificationNoticeCommand issue(LocalDate issuedOn, LocalDate deadline) {
        return new IssueRectificationNoticeCommand(ID, null, issuedOn, deadline, REQUIREMENTS);
    }

    private static RecordEmployerAnswerCommand answer(LocalDate on) {
        return new RecordEmployerAnswerCommand(ID, null, on, ANSWER);
    }

    private static RecordRectificationProgressCommand progress(LocalDate on) {
        return new RecordRectificationProgressCommand(ID, null, on, PROGRESS);
    }

    private static SubmitRectificationCommand submit(LocalDate on, EvidenceAttachment... evidence) {
        return new SubmitRectificationCommand(ID, null, on, SUBMISSION, List.of(evidence));
    }

    private static VerifyRectificationCommand verifyPassed(LocalDate on) {
        return new VerifyRectificationCommand(ID, null, on, VerificationOutcome.PASSED, FINDINGS_PASSED, null, null);
    }

    private static VerifyRectificationCommand verifyFailed(LocalDate on, LocalDate newDeadline) {
        return new VerifyRectificationCommand(ID, null, on, VerificationOutcome.FAILED, FINDINGS_FAILED, newDeadline,
                NEW_REQUIREMENTS);
    }

    private static EscalateToMajorHazardCommand escalate(LocalDate on) {
        return new EscalateToMajorHazardCommand(ID, null, on, "a second press has no guard");
    }

    private static ReportMajorHazardCommand reportTo(ReportRecipient recipient, LocalDate on) {
        return new ReportMajorHazardCommand(ID, null, recipient,
                recipient == WORK_SAFETY_AUTHORITY ? AUTHORITY : CONGRESS, on, "姑工劳保〔2026〕3号");
    }

    private static PlaceUnderListedSupervisionCommand list(LocalDate on) {
        return new PlaceUnderListedSupervisionCommand(ID, null, on, AUTHORITY, "苏应急督〔2026〕12号");
    }

    private static RecommendEvacuationCommand evacuate(LocalDate on) {
        return new RecommendEvacuationCommand(ID, null, on, "press runs without guard");
    }

    private static CloseHazardCommand close(HazardClosureReason reason, LocalDate on, String note) {
        return new CloseHazardCommand(ID, null, reason, on, note);
    }

    // ================================================================================================
    // matchers
    // ================================================================================================



    /** A deadline of this name for this notice number. */
    private static Matcher<DeadlineMessage<?>> deadline(String name, int notice) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof DeadlineMessage<?> d && name.equals(d.getDeadlineName())
                        && Integer.valueOf(notice).equals(d.getPayload());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("deadline ").appendValue(name).appendText(" of notice ").appendValue(notice);
            }
        };
    }


    // ------------------------------------------------------------------------------------------------
    // Possible duplicates in other organisations
    // ------------------------------------------------------------------------------------------------

    /** Duplicates flagged elsewhere, as {@code Linking}: the shared rules, tested once for every kind. */
    @Nested
    class DuplicatesElsewhere {
        private static final String OTHER = "5a0e7c1d-2b3f-4e6a-9c8d-7f1e2d3c4b5a";
        private final DuplicateElsewhereFlaggedEvent flagged =
                new DuplicateElsewhereFlaggedEvent(ID.toString(), CaseKind.SAFETY_HAZARD, OTHER, CaseKind.SAFETY_HAZARD);

        @Test
        void a_possible_duplicate_in_another_organisation_is_flagged_on_the_case() {
            fixture.given(history(REPORTED))
                    .when(new FlagHazardDuplicateElsewhereCommand(ID, OTHER, CaseKind.SAFETY_HAZARD))
                    .expectEvents(flagged);
        }

        @Test
        void the_same_case_is_flagged_once() {
            fixture.given(history(REPORTED))
                    .andGiven(flagged)
                    .when(new FlagHazardDuplicateElsewhereCommand(ID, OTHER, CaseKind.SAFETY_HAZARD))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void the_other_case_and_its_kind_must_be_named() {
            fixture.given(history(REPORTED))
                    .when(new FlagHazardDuplicateElsewhereCommand(ID, null, CaseKind.SAFETY_HAZARD))
                    .expectException(invalid("hazard.missing-field", "otherCaseId"))
                    .expectNoEvents();
            fixture.given(history(REPORTED))
                    .when(new FlagHazardDuplicateElsewhereCommand(ID, OTHER, null))
                    .expectException(invalid("hazard.missing-field", "otherKind"))
                    .expectNoEvents();
        }
    }
}

package org.weiquan.command.petition;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.AnswerStage;
import org.weiquan.api.petition.FinalityBasis;
import org.weiquan.api.petition.Material;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionClosureReason;
import org.weiquan.api.petition.PetitionCommands.AcceptPetitionCommand;
import org.weiquan.api.petition.PetitionCommands.AddMaterialCommand;
import org.weiquan.api.petition.PetitionCommands.AnswerReexaminationCommand;
import org.weiquan.api.petition.PetitionCommands.AnswerReviewCommand;
import org.weiquan.api.petition.PetitionCommands.AssignPetitionCommand;
import org.weiquan.api.petition.PetitionCommands.ClosePetitionCommand;
import org.weiquan.api.petition.PetitionCommands.DeclinePetitionCommand;
import org.weiquan.api.petition.PetitionCommands.ExtendReplyPeriodCommand;
import org.weiquan.api.petition.PetitionCommands.FlagPetitionDuplicateElsewhereCommand;
import org.weiquan.api.petition.PetitionCommands.LinkPetitionCommand;
import org.weiquan.api.petition.PetitionCommands.MarkMaterialAsWhistleblowerCommand;
import org.weiquan.api.petition.PetitionCommands.ObjectToCompetenceCommand;
import org.weiquan.api.petition.PetitionCommands.ReceivePetitionCommand;
import org.weiquan.api.petition.PetitionCommands.RecordRatingCommand;
import org.weiquan.api.petition.PetitionCommands.RegisterPetitionCommand;
import org.weiquan.api.petition.PetitionCommands.ReplyToPetitionCommand;
import org.weiquan.api.petition.PetitionCommands.RequestReexaminationCommand;
import org.weiquan.api.petition.PetitionCommands.RequestReviewCommand;
import org.weiquan.api.petition.PetitionEvent.AcceptanceNoticeOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.AssignmentOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ClaimBecameFinalEvent;
import org.weiquan.api.petition.PetitionEvent.CollectiveVisitAlertRaisedEvent;
import org.weiquan.api.petition.PetitionEvent.CompetenceObjectedEvent;
import org.weiquan.api.petition.PetitionEvent.MaterialAddedEvent;
import org.weiquan.api.petition.PetitionEvent.MaterialMarkedAsWhistleblowerEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionAssignedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionClosedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionNotAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionReceivedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRegisteredEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRepliedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionerRatingRecordedEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationAnswerOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationAnsweredEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationRequestedEvent;
import org.weiquan.api.petition.PetitionEvent.ReplyOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReplyPeriodExtendedEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewAnswerOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewAnsweredEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewRequestedEvent;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.api.petition.PetitionRouting;
import org.weiquan.api.petition.PetitionStatus;
import org.weiquan.api.petition.PetitionSubject;
import org.weiquan.api.petition.ReviewDecision;
import org.weiquan.api.petition.SatisfactionRating;
import org.weiquan.command.common.OrganisationAreas;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.HolidayCalendar;
import org.weiquan.command.deadline.LegalPeriod;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.containsString;
import static org.weiquan.api.petition.PetitionStatus.ACCEPTED;
import static org.weiquan.api.petition.PetitionStatus.ASSIGNED;
import static org.weiquan.api.petition.PetitionStatus.CLOSED;
import static org.weiquan.api.petition.PetitionStatus.NOT_ACCEPTED;
import static org.weiquan.api.petition.PetitionStatus.RECEIVED;
import static org.weiquan.api.petition.PetitionStatus.REEXAMINATION_ANSWERED;
import static org.weiquan.api.petition.PetitionStatus.REEXAMINATION_REQUESTED;
import static org.weiquan.api.petition.PetitionStatus.REGISTERED;
import static org.weiquan.api.petition.PetitionStatus.REPLIED;
import static org.weiquan.api.petition.PetitionStatus.REVIEW_ANSWERED;
import static org.weiquan.api.petition.PetitionStatus.REVIEW_REQUESTED;
import static org.weiquan.command.common.CaseRuleMatchers.invalid;
import static org.weiquan.command.common.CaseRuleMatchers.onlyDeadlinesNamed;
import static org.weiquan.command.common.CaseRuleMatchers.refused;

/**
 * The petition aggregate against the statutory policy and China's 2025/2026 holiday calendar.
 *
 * <p>The standard case: a letter received on Mon 2026-03-02 (assignment due Tue 03-17, i.e. midnight
 * in Beijing = 2026-03-17T16:00Z), registered 03-03, assigned on Wed 03-04 (acceptance notice due Thu
 * 03-19; competence objection until Wed 03-11, the fifth working day after), accepted Mon 03-09 (reply
 * due Fri 05-08; with a 20-day extension Thu 05-28), replied Mon 04-20 (review may be asked until Wed
 * 05-20), review asked Wed 05-06 (opinion due Fri 06-05), answered Mon 06-01 (re-examination may be
 * asked until Wed 07-01), re-examination asked Mon 06-15 (opinion due Wed 07-15), answered Fri 07-10.
 */
class PetitionTest {

    // --- deadline names: literal on purpose, they are stored by the deadline scheduler ---
    private static final String ASSIGNMENT_PERIOD = "petition-assignment-period";
    private static final String ACCEPTANCE_NOTICE_PERIOD = "petition-acceptance-notice-period";
    private static final String REPLY_PERIOD = "petition-reply-period";
    private static final String REVIEW_REQUEST_WINDOW = "petition-review-request-window";
    private static final String REVIEW_ANSWER_PERIOD = "petition-review-answer-period";
    private static final String REEXAMINATION_REQUEST_WINDOW = "petition-reexamination-request-window";
    private static final String REEXAMINATION_ANSWER_PERIOD = "petition-reexamination-answer-period";

    private static final PetitionId ID = PetitionId.of("2b7c9d4e-5f60-4a1b-8c2d-3e4f5a6b7c8d");
    private static final CaseNumber CASE_NUMBER = new CaseNumber("PT-2026-000042");
    private static final OrganisationId ORGANISATION = new OrganisationId("szftu/gusu");
    private static final OrganisationId ACCUSED = new OrganisationId("szftu/gusu/pingjiang");
    private static final District DISTRICT = District.GUSU;
    private static final Employer EMPLOYER = new Employer("苏州平江精密电子有限公司", "91320508MA1W2X3Y4Z");
    private static final OfficerId OFFICER = new OfficerId("wang.fang");
    private static final OfficerId HANDLING_OFFICER = new OfficerId("li.jun");
    private static final String CLAIM = "公司拖欠三个月工资, 请求工会协调 (wages for three months unpaid)";
    private static final String HANDLING_UNIT = "姑苏区平江街道总工会";
    private static final String OTHER_UNIT = "苏州市姑苏区人力资源和社会保障局";
    private static final String ASSIGNMENT_NOTE = "请于十五日内告知信访人是否受理";

    private static final LocalDate RECEIVED_ON = LocalDate.parse("2026-03-02");
    private static final LocalDate ASSIGNMENT_DUE = LocalDate.parse("2026-03-17");
    private static final Instant ASSIGNMENT_END = Instant.parse("2026-03-17T16:00:00Z");
    private static final LocalDate REGISTERED_ON = LocalDate.parse("2026-03-03");
    private static final PetitionSubject SUBJECT = PetitionSubject.WAGE_ARREARS;
    private static final LocalDate ASSIGNED_ON = LocalDate.parse("2026-03-04");
    private static final LocalDate NOTICE_DUE = LocalDate.parse("2026-03-19");
    private static final Instant NOTICE_END = Instant.parse("2026-03-19T16:00:00Z");
    private static final LocalDate OBJECTION_DUE = LocalDate.parse("2026-03-11");
    private static final LocalDate OBJECTED_ON = LocalDate.parse("2026-03-10");
    private static final String OBJECTION_REASON = "欠薪事项属劳动监察职权, 不属本单位职权范围";
    private static final LocalDate REASSIGNMENT_DUE = LocalDate.parse("2026-03-25");
    private static final Instant REASSIGNMENT_END = Instant.parse("2026-03-25T16:00:00Z");
    private static final LocalDate ACCEPTED_ON = LocalDate.parse("2026-03-09");
    private static final LocalDate REPLY_DUE = LocalDate.parse("2026-05-08");
    private static final Instant REPLY_END = Instant.parse("2026-05-08T16:00:00Z");
    private static final String EXTENSION_REASON = "需向社保部门调取缴费记录";
    private static final LocalDate EXTENDED_REPLY_DUE = LocalDate.parse("2026-05-28");
    private static final Instant EXTENDED_REPLY_END = Instant.parse("2026-05-28T16:00:00Z");
    private static final String DECLINE_REASON = "已进入劳动仲裁程序, 依法不予受理";
    private static final LocalDate REPLIED_ON = LocalDate.parse("2026-04-20");
    private static final String REPLY = "经协调, 公司承诺于五月底前支付全部欠薪";
    private static final LocalDate REVIEW_REQUEST_DUE = LocalDate.parse("2026-05-20");
    private static final Instant REVIEW_REQUEST_END = Instant.parse("2026-05-20T16:00:00Z");
    private static final LocalDate REVIEW_REQUESTED_ON = LocalDate.parse("2026-05-06");
    private static final String REVIEWING_BODY = "苏州市总工会";
    private static final String REVIEW_GROUNDS = "公司至今未付款";
    private static final LocalDate REVIEW_ANSWER_DUE = LocalDate.parse("2026-06-05");
    private static final Instant REVIEW_ANSWER_END = Instant.parse("2026-06-05T16:00:00Z");
    private static final LocalDate REVIEW_ANSWERED_ON = LocalDate.parse("2026-06-01");
    private static final String REVIEW_OPINION = "维持原处理意见, 督促公司付款";
    private static final LocalDate REEXAMINATION_REQUEST_DUE = LocalDate.parse("2026-07-01");
    private static final Instant REEXAMINATION_REQUEST_END = Instant.parse("2026-07-01T16:00:00Z");
    private static final LocalDate REEXAMINATION_REQUESTED_ON = LocalDate.parse("2026-06-15");
    private static final String REEXAMINING_BODY = "江苏省总工会";
    private static final LocalDate REEXAMINATION_ANSWER_DUE = LocalDate.parse("2026-07-15");
    private static final Instant REEXAMINATION_ANSWER_END = Instant.parse("2026-07-15T16:00:00Z");
    private static final LocalDate REEXAMINATION_ANSWERED_ON = LocalDate.parse("2026-07-10");

    private static final Material SCAN = new Material("来信扫描件.pdf", "application/pdf", 482_113, sha('a'), false);
    private static final Material PAYSLIP = new Material("工资条.jpg", "image/jpeg", 95_004, sha('b'), false);
    private static final Material INSIDER_NOTE = new Material("内部说明.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 20_480, sha('c'), true);

    /** Ten in Beijing on the day of receipt: before every deadline of the standard case. */
    private static final Instant RECEIPT_TIME = Instant.parse("2026-03-02T02:00:00Z");

    private static final HolidayCalendar CALENDAR = loadCalendar();
    private static final PetitionPolicy POLICY = PetitionPolicy.statutory(new DeadlineCalculator(CALENDAR));

    private FixtureConfiguration<Petition> fixture;

    private static HolidayCalendar loadCalendar() {
        try (InputStream csv = PetitionTest.class.getResourceAsStream("/holidays/cn.csv")) {
            if (csv == null) throw new IllegalStateException("holidays/cn.csv is not on the classpath");
            return HolidayCalendar.parse(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The earlier petitions the event store holds, as the petition reads them (none unless a test adds one). */
    private final Map<PetitionId, EarlierPetition> earlierPetitions = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Petition.class);
        fixture.registerInjectableResource((EarlierPetitions) id -> Optional.ofNullable(earlierPetitions.get(id)));
        fixture.registerInjectableResource(OrganisationAreas.cityFederation());
        fixture.registerInjectableResource(POLICY);
    }

    // ------------------------------------------------------------------------------------------------
    // Receiving
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Receiving {

        @Test
        void receiving_a_letter_opens_the_petition_and_returns_its_id() {
            fixture.givenNoPriorActivity()
                    .when(new Intake().command())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(receivedEvent())
                    .expectResultMessagePayload(ID);
        }

        @Test
        void receiving_schedules_the_assignment_deadline_at_midnight_in_beijing_after_the_fifteenth_day() {
            fixture.givenNoPriorActivity()
                    .when(new Intake().command())
                    .expectScheduledDeadlineWithName(ASSIGNMENT_END, ASSIGNMENT_PERIOD)
                    .expectNoScheduledDeadlineWithName(ASSIGNMENT_END.minusSeconds(1), ASSIGNMENT_PERIOD)
                    .expectNoScheduledDeadlineWithName(ASSIGNMENT_END.minus(Duration.ofDays(1)), ASSIGNMENT_PERIOD);
        }

        @Test
        void the_day_of_receipt_is_not_counted_in_the_assignment_period() {
            // received Tue 2026-03-03: day 1 is 03-04, day 15 is Wed 03-18 (not 03-17)
            LocalDate receivedOn = LocalDate.parse("2026-03-03");
            fixture.givenNoPriorActivity()
                    .when(new Intake().receivedOn(receivedOn).command())
                    .expectEvents(new Intake().receivedOn(receivedOn).event(LocalDate.parse("2026-03-18")));
        }

        @Test
        void an_assignment_period_ending_on_national_day_is_due_on_the_next_working_day() {
            LocalDate receivedOn = LocalDate.parse("2026-09-16"); // + 15 days = Thu 2026-10-01
            fixture.givenNoPriorActivity()
                    .when(new Intake().receivedOn(receivedOn).command())
                    .expectEvents(new Intake().receivedOn(receivedOn).event(LocalDate.parse("2026-10-08")))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-10-08T16:00:00Z"), ASSIGNMENT_PERIOD);
        }

        @ParameterizedTest
        @EnumSource(value = PetitionChannel.class, names = {"HOTLINE_12351", "LETTER", "ONLINE"})
        void a_petition_by_hotline_letter_or_online_has_no_visitors(PetitionChannel channel) {
            Intake intake = new Intake().channel(channel);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.event());
        }

        @Test
        void a_visit_of_six_is_a_collective_visit_and_raises_the_alert() {
            Intake intake = new Intake().channel(PetitionChannel.VISIT).visitors(6);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.collective(true).event(),
                            new CollectiveVisitAlertRaisedEvent(ID, CASE_NUMBER, 6, DISTRICT));
        }

        @Test
        void a_visit_of_five_is_a_collective_visit_because_5人以上_includes_five() {
            Intake intake = new Intake().channel(PetitionChannel.VISIT).visitors(5);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.collective(true).event(),
                            new CollectiveVisitAlertRaisedEvent(ID, CASE_NUMBER, 5, DISTRICT));
        }

        @Test
        void a_visit_of_four_is_not_a_collective_visit() {
            Intake intake = new Intake().channel(PetitionChannel.VISIT).visitors(4);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.event());
        }

        @Test
        void a_visit_of_one_is_recorded_with_its_visitor() {
            Intake intake = new Intake().channel(PetitionChannel.VISIT).visitors(1);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.event());
        }

        @Test
        void the_collective_visit_minimum_comes_from_the_policy() {
            PetitionPolicy strict = new PetitionPolicy(POLICY.assignment(), POLICY.acceptanceNotice(),
                    POLICY.competenceObjection(), POLICY.reply(), POLICY.maxReplyExtensionDays(),
                    POLICY.reviewRequest(), POLICY.reviewAnswer(), POLICY.reexaminationRequest(),
                    POLICY.reexaminationAnswer(), 3, POLICY.calculator());
            FixtureConfiguration<Petition> strictFixture = new AggregateTestFixture<>(Petition.class);
            strictFixture.registerInjectableResource(OrganisationAreas.cityFederation());
            strictFixture.registerInjectableResource(strict);
            strictFixture.registerInjectableResource((EarlierPetitions) id -> Optional.empty());
            Intake intake = new Intake().channel(PetitionChannel.VISIT).visitors(3);
            strictFixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.collective(true).event(),
                            new CollectiveVisitAlertRaisedEvent(ID, CASE_NUMBER, 3, DISTRICT));
            Intake two = new Intake().channel(PetitionChannel.VISIT).visitors(2);
            strictFixture.givenNoPriorActivity()
                    .when(two.command())
                    .expectEvents(two.event());
        }

        @Test
        void a_collective_visit_still_schedules_the_assignment_deadline() {
            fixture.givenNoPriorActivity()
                    .when(new Intake().channel(PetitionChannel.VISIT).visitors(30).command())
                    .expectScheduledDeadlineWithName(ASSIGNMENT_END, ASSIGNMENT_PERIOD);
        }

        @Test
        void a_visit_needs_its_visitor_count() {
            fixture.givenNoPriorActivity()
                    .when(new Intake().channel(PetitionChannel.VISIT).visitors(null).command())
                    .expectException(invalid("petition.missing-field", "visitorCount"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void a_visit_of_nobody_is_refused(int visitors) {
            fixture.givenNoPriorActivity()
                    .when(new Intake().channel(PetitionChannel.VISIT).visitors(visitors).command())
                    .expectException(invalid("petition.visitor-count-invalid", "visitorCount"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @EnumSource(value = PetitionChannel.class, names = {"HOTLINE_12351", "LETTER", "ONLINE"})
        void visitors_are_counted_for_a_visit_only(PetitionChannel channel) {
            fixture.givenNoPriorActivity()
                    .when(new Intake().channel(channel).visitors(3).command())
                    .expectException(invalid("petition.visitors-only-for-a-visit", "visitorCount"))
                    .expectExceptionMessage("visitors are counted for a visit only, not for " + channel)
                    .expectNoEvents();
        }

        @Test
        void materials_handed_in_with_the_petition_are_numbered_in_order() {
            Intake intake = new Intake().materials(SCAN, PAYSLIP);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.event(), materialAdded(1, SCAN), materialAdded(2, PAYSLIP));
        }

        @Test
        void a_whistleblower_petition_against_a_union_unit_records_the_accused_and_its_marked_material() {
            Intake intake = new Intake().accused(ACCUSED).whistleblower(true).materials(INSIDER_NOTE);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.event(), materialAdded(1, INSIDER_NOTE));
        }

        @Test
        void a_petition_without_an_employer_is_received() {
            Intake intake = new Intake().employer(null);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.event());
        }

        @Test
        void a_petition_naming_the_same_petitioner_twice_is_refused() {
            List<Worker> petitioners = new ArrayList<>(petitioners(2));
            petitioners.add(new Worker("张小明", petitioners.get(1).idNumber(), null));
            fixture.givenNoPriorActivity()
                    .when(new Intake().petitioners(petitioners).command())
                    .expectException(invalid("petition.duplicate-petitioner", "petitioners"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_petition_without_petitioners_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Intake().petitioners(null).command())
                    .expectException(invalid("petition.no-petitioner", "petitioners"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @ValueSource(strings = {"caseNumber", "organisation", "district", "channel", "receivedOn",
                "officerInCharge", "claim"})
        void a_petition_missing_a_required_field_is_refused(String field) {
            fixture.givenNoPriorActivity()
                    .when(new Intake().without(field).command())
                    .expectException(invalid("petition.missing-field", field))
                    .expectExceptionMessage(field + " is required")
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_blank_claim_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Intake().claim(" \n ").command())
                    .expectException(invalid("petition.missing-field", "claim"))
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "materials[1].fileName  | petition.missing-field    | ' '      | application/pdf | 10 | aaaa",
                "materials[1].mediaType | petition.missing-field    | a.pdf    | ''              | 10 | aaaa",
                "materials[1].sizeBytes | petition.invalid-material | a.pdf    | application/pdf | -1 | aaaa",
                "materials[1].sha256    | petition.invalid-material | a.pdf    | application/pdf | 10 | AAAA",
                "materials[1].sha256    | petition.invalid-material | a.pdf    | application/pdf | 10 | short",
        })
        void a_material_with_bad_metadata_is_refused_naming_the_field(String field, String code, String fileName,
                                                                      String mediaType, long size, String hash) {
            String sha256 = switch (hash) {
                case "aaaa" -> sha('a');
                case "AAAA" -> sha('A');
                default -> "abc123";
            };
            Material bad = new Material(fileName, mediaType, size, sha256, false);
            fixture.givenNoPriorActivity()
                    .when(new Intake().materials(SCAN, bad).command())
                    .expectException(invalid(code, field))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void an_empty_material_of_zero_bytes_is_recorded() {
            Material empty = new Material("空白页.pdf", "application/pdf", 0, sha('e'), false);
            Intake intake = new Intake().materials(empty);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.event(), materialAdded(1, empty));
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The same claim again: refused once the earlier claim is final (§36)
    // ------------------------------------------------------------------------------------------------

    @Nested
    class SameClaimAgain {
        private final PetitionId earlierId = PetitionId.of("9a8b7c6d-5e4f-4321-8fed-cba987654321");
        private final CaseNumber earlierNumber = new CaseNumber("PT-2026-000007");

        @Test
        void the_same_petitioner_s_claim_concluded_by_an_earlier_petition_is_refused() {
            EarlierPetition earlier = new EarlierPetition(earlierId, earlierNumber,
                    List.of(petitioners(2).get(1).idNumber(), "320502198001011111"), true);
            earlierPetitions.put(earlierId, earlier);
            fixture.givenNoPriorActivity()
                    .when(new Intake().earlier(earlier).command())
                    .expectException(refused(IllegalTransitionException.class, "petition.claim-final"))
                    .expectExceptionMessage(containsString("concluded in PT-2026-000007"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_petition_on_an_earlier_claim_not_yet_final_is_received_as_a_repeat_petition() {
            EarlierPetition earlier = new EarlierPetition(earlierId, earlierNumber,
                    List.of(petitioners(2).get(0).idNumber()), false);
            earlierPetitions.put(earlierId, earlier);
            Intake intake = new Intake().earlier(earlier);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.event())
                    .expectScheduledDeadlineWithName(ASSIGNMENT_END, ASSIGNMENT_PERIOD);
        }

        @Test
        void a_final_earlier_petition_of_other_petitioners_does_not_bar_this_petitioner() {
            EarlierPetition earlier = new EarlierPetition(earlierId, earlierNumber, List.of("320502198001011111"), true);
            earlierPetitions.put(earlierId, earlier);
            Intake intake = new Intake().earlier(earlier);
            fixture.givenNoPriorActivity()
                    .when(intake.command())
                    .expectEvents(intake.event());
        }

        @Test
        void a_petition_cannot_be_its_own_earlier_petition() {
            EarlierPetition itself = new EarlierPetition(ID, CASE_NUMBER, List.of(), false);
            fixture.givenNoPriorActivity()
                    .when(new Intake().earlier(itself).command())
                    .expectException(invalid("petition.self-reference", "earlierPetitionId"))
                    .expectNoEvents();
        }

        @Test
        void an_earlier_petition_that_is_not_in_the_event_store_is_refused() {
            fixture.givenNoPriorActivity()
                    .when(new Intake().earlier(new EarlierPetition(earlierId, earlierNumber, List.of(), true)).command())
                    .expectException(invalid("petition.unknown-earlier-petition", "earlierPetitionId"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Registration and assignment
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Registration {

        @Test
        void a_received_petition_is_registered_with_its_subject() {
            fixture.given(history(RECEIVED))
                    .when(register(REGISTERED_ON))
                    .expectEvents(new PetitionRegisteredEvent(ID, REGISTERED_ON, SUBJECT))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void a_petition_may_be_registered_on_the_day_it_was_received() {
            fixture.given(history(RECEIVED))
                    .when(register(RECEIVED_ON))
                    .expectEvents(new PetitionRegisteredEvent(ID, RECEIVED_ON, SUBJECT));
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "RECEIVED")
        void only_a_received_petition_can_be_registered(PetitionStatus status) {
            fixture.given(history(status))
                    .when(register(REGISTERED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectExceptionMessage("cannot register: PT-2026-000042 is " + status)
                    .expectNoEvents();
        }

        @Test
        void registration_needs_a_date_and_a_subject() {
            fixture.given(history(RECEIVED))
                    .when(register(null))
                    .expectException(invalid("petition.missing-field", "registeredOn"))
                    .expectNoEvents();
            fixture.given(history(RECEIVED))
                    .when(new RegisterPetitionCommand(ID, null, REGISTERED_ON, null))
                    .expectException(invalid("petition.missing-field", "subject"))
                    .expectNoEvents();
        }

        @Test
        void registration_before_receipt_is_refused() {
            fixture.given(history(RECEIVED))
                    .when(register(RECEIVED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "registeredOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Assignment {

        @Test
        void a_registered_petition_is_assigned_with_its_notice_and_objection_deadlines() {
            fixture.given(history(REGISTERED))
                    .when(assign(ASSIGNED_ON))
                    .expectEvents(assignedEvent());
        }

        @Test
        void an_assignment_on_the_last_day_is_within_the_period() {
            LocalDate objectionDue = LocalDate.parse("2026-03-24"); // Tue 03-17 + 5 working days
            fixture.given(history(REGISTERED))
                    .when(assign(ASSIGNMENT_DUE))
                    .expectEvents(new PetitionAssignedEvent(ID, ASSIGNMENT_DUE, PetitionRouting.ASSIGNED, HANDLING_UNIT,
                            HANDLING_OFFICER, ASSIGNMENT_NOTE, true, LocalDate.parse("2026-04-01"), objectionDue));
        }

        @Test
        void an_assignment_after_the_last_day_is_flagged_as_outside_the_period() {
            LocalDate late = ASSIGNMENT_DUE.plusDays(1); // Wed 03-18
            fixture.given(history(REGISTERED))
                    .when(assign(late))
                    .expectEvents(new PetitionAssignedEvent(ID, late, PetitionRouting.ASSIGNED, HANDLING_UNIT,
                            HANDLING_OFFICER, ASSIGNMENT_NOTE, false, LocalDate.parse("2026-04-02"),
                            LocalDate.parse("2026-03-25")));
        }

        @Test
        void a_petition_handled_directly_needs_no_handling_officer() {
            fixture.given(history(REGISTERED))
                    .when(new AssignPetitionCommand(ID, null, ASSIGNED_ON, PetitionRouting.HANDLED_DIRECTLY,
                            "姑苏区总工会", null, null))
                    .expectEvents(new PetitionAssignedEvent(ID, ASSIGNED_ON, PetitionRouting.HANDLED_DIRECTLY,
                            "姑苏区总工会", null, null, true, NOTICE_DUE, OBJECTION_DUE));
        }

        @Test
        void assignment_replaces_the_assignment_deadline_with_the_acceptance_notice_deadline() {
            fixture.givenCommands(commandsUpTo(REGISTERED))
                    .when(assign(ASSIGNED_ON))
                    .expectNoScheduledDeadlineWithName(ASSIGNMENT_END, ASSIGNMENT_PERIOD)
                    .expectScheduledDeadlineWithName(NOTICE_END, ACCEPTANCE_NOTICE_PERIOD);
        }

        @Test
        void an_acceptance_notice_period_ending_on_national_day_is_due_on_the_next_working_day() {
            LocalDate assignedOn = LocalDate.parse("2026-09-16"); // + 15 = 10-01
            fixture.given(history(REGISTERED))
                    .when(assign(assignedOn))
                    .expectEvents(new PetitionAssignedEvent(ID, assignedOn, PetitionRouting.ASSIGNED, HANDLING_UNIT,
                            HANDLING_OFFICER, ASSIGNMENT_NOTE, false, LocalDate.parse("2026-10-08"),
                            LocalDate.parse("2026-09-22")));
        }

        @ParameterizedTest(name = "assigned {0}: objection until {1}")
        @CsvSource({
                // the day of assignment is not counted: Wed 03-04 -> Thu, Fri, Mon, Tue, Wed 03-11
                "2026-03-04, 2026-03-11",
                // Thu 02-12: Fri 02-13, adjusted working Sat 02-14, Spring Festival 02-15..23 skipped, 02-24..26
                "2026-02-12, 2026-02-26",
                // Wed 09-30: National Day 10-01..07 skipped, Thu 10-08, Fri 10-09, adjusted working Sat 10-10, 10-12, 10-13
                "2026-09-30, 2026-10-13",
                // Fri 2025-09-26: adjusted working Sun 09-28, 09-29, 09-30, holidays 10-01..08, Thu 10-09, Fri 10-10
                "2025-09-26, 2025-10-10",
        })
        void the_competence_objection_period_counts_five_working_days(LocalDate assignedOn, LocalDate objectionDue) {
            LocalDate noticeDue = POLICY.calculator().lastDay(assignedOn, LegalPeriod.calendarDays(15));
            List<Object> registered = List.of(new Intake().receivedOn(assignedOn.minusDays(2)).event(
                            POLICY.calculator().lastDay(assignedOn.minusDays(2), POLICY.assignment())),
                    new PetitionRegisteredEvent(ID, assignedOn.minusDays(1), SUBJECT));
            fixture.given(registered)
                    .when(assign(assignedOn))
                    .expectEvents(new PetitionAssignedEvent(ID, assignedOn, PetitionRouting.ASSIGNED, HANDLING_UNIT,
                            HANDLING_OFFICER, ASSIGNMENT_NOTE, true, noticeDue, objectionDue));
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "REGISTERED")
        void only_a_registered_petition_can_be_assigned(PetitionStatus status) {
            fixture.given(history(status))
                    .when(assign(ASSIGNED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectExceptionMessage(containsString("cannot assign"))
                    .expectNoEvents();
        }

        @Test
        void an_assignment_needs_a_date_a_routing_and_a_handling_unit() {
            fixture.given(history(REGISTERED))
                    .when(assign(null))
                    .expectException(invalid("petition.missing-field", "assignedOn"))
                    .expectNoEvents();
            fixture.given(history(REGISTERED))
                    .when(new AssignPetitionCommand(ID, null, ASSIGNED_ON, null, HANDLING_UNIT, null, null))
                    .expectException(invalid("petition.missing-field", "routing"))
                    .expectNoEvents();
            fixture.given(history(REGISTERED))
                    .when(new AssignPetitionCommand(ID, null, ASSIGNED_ON, PetitionRouting.FORWARDED, " ", null, null))
                    .expectException(invalid("petition.missing-field", "handlingUnit"))
                    .expectNoEvents();
        }

        @Test
        void an_assignment_before_the_registration_is_refused() {
            fixture.given(history(REGISTERED))
                    .when(assign(REGISTERED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "assignedOn"))
                    .expectExceptionMessage("assignedOn is before the registration date (2026-03-03)")
                    .expectNoEvents();
        }
    }

    @Nested
    class CompetenceObjection {

        @Test
        void an_objection_sends_the_petition_back_for_another_assignment_due_fifteen_days_later() {
            fixture.given(history(ASSIGNED))
                    .when(object(OBJECTED_ON))
                    .expectEvents(new CompetenceObjectedEvent(ID, OBJECTED_ON, HANDLING_UNIT, OBJECTION_REASON,
                            REASSIGNMENT_DUE));
        }

        @Test
        void an_objection_on_the_fifth_working_day_is_in_time() {
            fixture.given(history(ASSIGNED))
                    .when(object(OBJECTION_DUE))
                    .expectEvents(new CompetenceObjectedEvent(ID, OBJECTION_DUE, HANDLING_UNIT, OBJECTION_REASON,
                            LocalDate.parse("2026-03-26")));
        }

        @Test
        void an_objection_after_the_fifth_working_day_is_refused() {
            fixture.given(history(ASSIGNED))
                    .when(object(OBJECTION_DUE.plusDays(1)))
                    .expectException(refused(IllegalTransitionException.class, "petition.objection-period-over"))
                    .expectExceptionMessage("an objection to competence on PT-2026-000042 was due by 2026-03-11"
                            + " (5 working days)")
                    .expectNoEvents();
        }

        @ParameterizedTest(name = "assigned {0}: objection on {1} in time, on {2} too late")
        @CsvSource({
                "2026-09-30, 2026-10-13, 2026-10-14",
                "2026-02-12, 2026-02-26, 2026-02-27",
        })
        void across_holidays_and_adjusted_working_weekends_the_objection_window_is_five_working_days(
                LocalDate assignedOn, LocalDate lastDay, LocalDate dayAfter) {
            List<Object> assigned = assignedOnDay(assignedOn);
            fixture.given(assigned)
                    .when(object(lastDay))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(exactly(CompetenceObjectedEvent.class));
            fixture.given(assigned)
                    .when(object(dayAfter))
                    .expectException(refused(IllegalTransitionException.class, "petition.objection-period-over"))
                    .expectNoEvents();
        }

        @Test
        void an_objection_on_a_rest_day_inside_the_window_is_in_time() {
            // assigned Wed 09-30: Sun 10-04 is a holiday inside the window that ends Tue 10-13
            fixture.given(assignedOnDay(LocalDate.parse("2026-09-30")))
                    .when(object(LocalDate.parse("2026-10-04")))
                    .expectEventsMatching(exactly(CompetenceObjectedEvent.class));
        }

        @Test
        void an_objection_cancels_the_acceptance_notice_deadline_and_starts_a_new_assignment_period() {
            fixture.givenCommands(commandsUpTo(ASSIGNED))
                    .when(object(OBJECTED_ON))
                    .expectNoScheduledDeadlineWithName(NOTICE_END, ACCEPTANCE_NOTICE_PERIOD)
                    .expectNoScheduledDeadlineWithName(ASSIGNMENT_END, ASSIGNMENT_PERIOD)
                    .expectScheduledDeadlineWithName(REASSIGNMENT_END, ASSIGNMENT_PERIOD);
        }

        @Test
        void after_an_objection_the_petition_is_assigned_to_another_unit() {
            fixture.given(history(ASSIGNED))
                    .andGiven(objected())
                    .when(new AssignPetitionCommand(ID, null, LocalDate.parse("2026-03-12"), PetitionRouting.FORWARDED,
                            OTHER_UNIT, null, "转送劳动监察"))
                    .expectEvents(new PetitionAssignedEvent(ID, LocalDate.parse("2026-03-12"), PetitionRouting.FORWARDED,
                            OTHER_UNIT, null, "转送劳动监察", true, LocalDate.parse("2026-03-27"),
                            LocalDate.parse("2026-03-19")));
        }

        @Test
        void a_petition_handled_by_the_receiving_organisation_itself_has_no_unit_to_object() {
            fixture.given(history(REGISTERED))
                    .andGiven(new PetitionAssignedEvent(ID, ASSIGNED_ON, PetitionRouting.HANDLED_DIRECTLY, "姑苏区总工会",
                            null, null, true, NOTICE_DUE, OBJECTION_DUE))
                    .when(object(OBJECTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.handled-directly"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "ASSIGNED")
        void only_an_assigned_petition_can_be_objected_to(PetitionStatus status) {
            fixture.given(history(status))
                    .when(object(OBJECTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void an_objection_needs_a_date_and_a_reason() {
            fixture.given(history(ASSIGNED))
                    .when(object(null))
                    .expectException(invalid("petition.missing-field", "objectedOn"))
                    .expectNoEvents();
            fixture.given(history(ASSIGNED))
                    .when(new ObjectToCompetenceCommand(ID, null, OBJECTED_ON, ""))
                    .expectException(invalid("petition.missing-field", "reason"))
                    .expectNoEvents();
        }

        @Test
        void an_objection_before_the_assignment_is_refused() {
            fixture.given(history(ASSIGNED))
                    .when(object(ASSIGNED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "objectedOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Acceptance or not
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Acceptance {

        @Test
        void an_assigned_petition_is_accepted_and_the_reply_falls_due_sixty_days_later() {
            fixture.given(history(ASSIGNED))
                    .when(accept(ACCEPTED_ON))
                    .expectEvents(new PetitionAcceptedEvent(ID, ACCEPTED_ON, true, REPLY_DUE));
        }

        @Test
        void a_reply_period_ending_in_the_labour_day_holiday_is_due_on_the_next_working_day() {
            // Fri 03-06 + 60 days = Tue 05-05, a holiday: due Wed 05-06
            LocalDate acceptedOn = LocalDate.parse("2026-03-06");
            fixture.given(history(ASSIGNED))
                    .when(accept(acceptedOn))
                    .expectEvents(new PetitionAcceptedEvent(ID, acceptedOn, true, LocalDate.parse("2026-05-06")))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-05-06T16:00:00Z"), REPLY_PERIOD);
        }

        @Test
        void an_acceptance_told_after_the_notice_period_is_flagged() {
            LocalDate late = NOTICE_DUE.plusDays(1);
            fixture.given(history(ASSIGNED))
                    .when(accept(late))
                    .expectEvents(new PetitionAcceptedEvent(ID, late, false, LocalDate.parse("2026-05-19")));
        }

        @Test
        void an_acceptance_on_the_last_day_of_the_notice_period_is_in_time() {
            fixture.given(history(ASSIGNED))
                    .when(accept(NOTICE_DUE))
                    .expectEvents(new PetitionAcceptedEvent(ID, NOTICE_DUE, true, LocalDate.parse("2026-05-18")));
        }

        @Test
        void acceptance_replaces_the_notice_deadline_with_the_reply_deadline() {
            fixture.givenCommands(commandsUpTo(ASSIGNED))
                    .when(accept(ACCEPTED_ON))
                    .expectNoScheduledDeadlineWithName(NOTICE_END, ACCEPTANCE_NOTICE_PERIOD)
                    .expectScheduledDeadlineWithName(REPLY_END, REPLY_PERIOD);
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "ASSIGNED")
        void only_an_assigned_petition_can_be_accepted(PetitionStatus status) {
            fixture.given(history(status))
                    .when(accept(ACCEPTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void acceptance_needs_a_date_not_before_the_assignment() {
            fixture.given(history(ASSIGNED))
                    .when(accept(null))
                    .expectException(invalid("petition.missing-field", "acceptedOn"))
                    .expectNoEvents();
            fixture.given(history(ASSIGNED))
                    .when(accept(ASSIGNED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "acceptedOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class NonAcceptance {

        @Test
        void an_assigned_petition_is_not_accepted_with_a_reason_in_writing() {
            fixture.given(history(ASSIGNED))
                    .when(decline(ACCEPTED_ON))
                    .expectEvents(new PetitionNotAcceptedEvent(ID, ACCEPTED_ON, DECLINE_REASON, true));
        }

        @Test
        void a_refusal_told_after_the_notice_period_is_flagged() {
            fixture.given(history(ASSIGNED))
                    .when(decline(NOTICE_DUE.plusDays(1)))
                    .expectEvents(new PetitionNotAcceptedEvent(ID, NOTICE_DUE.plusDays(1), DECLINE_REASON, false));
        }

        @Test
        void a_refusal_cancels_the_notice_deadline() {
            fixture.givenCommands(commandsUpTo(ASSIGNED))
                    .when(decline(ACCEPTED_ON))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_refusal_needs_a_reason_and_a_date() {
            fixture.given(history(ASSIGNED))
                    .when(new DeclinePetitionCommand(ID, null, ACCEPTED_ON, "  "))
                    .expectException(invalid("petition.missing-field", "reason"))
                    .expectNoEvents();
            fixture.given(history(ASSIGNED))
                    .when(decline(null))
                    .expectException(invalid("petition.missing-field", "decidedOn"))
                    .expectNoEvents();
            fixture.given(history(ASSIGNED))
                    .when(decline(ASSIGNED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "decidedOn"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "ASSIGNED")
        void only_an_assigned_petition_can_be_refused(PetitionStatus status) {
            fixture.given(history(status))
                    .when(decline(ACCEPTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Reply
    // ------------------------------------------------------------------------------------------------

    @Nested
    class ReplyExtension {

        @Test
        void the_reply_period_is_extended_from_the_acceptance_date() {
            fixture.given(history(ACCEPTED))
                    .when(extend(20))
                    .expectEvents(new ReplyPeriodExtendedEvent(ID, 20, EXTENSION_REASON, EXTENDED_REPLY_DUE));
        }

        @Test
        void the_longest_extension_is_thirty_days_and_rolls_over_a_weekend() {
            // 03-09 + 90 days = Sun 06-07 -> Mon 06-08
            fixture.given(history(ACCEPTED))
                    .when(extend(30))
                    .expectEvents(new ReplyPeriodExtendedEvent(ID, 30, EXTENSION_REASON, LocalDate.parse("2026-06-08")));
        }

        @Test
        void the_shortest_extension_is_one_day_and_may_end_on_an_adjusted_working_saturday() {
            // 03-09 + 61 days = Sat 05-09, a working day in exchange for Labour Day
            fixture.given(history(ACCEPTED))
                    .when(extend(1))
                    .expectEvents(new ReplyPeriodExtendedEvent(ID, 1, EXTENSION_REASON, LocalDate.parse("2026-05-09")));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 31, 60})
        void an_extension_outside_1_to_30_days_is_refused(int days) {
            fixture.given(history(ACCEPTED))
                    .when(extend(days))
                    .expectException(invalid("petition.extension-out-of-range", "days"))
                    .expectExceptionMessage("an extension is 1 to 30 days")
                    .expectNoEvents();
        }

        @Test
        void the_reply_period_is_extended_only_once() {
            fixture.given(history(ACCEPTED))
                    .andGiven(extended())
                    .when(extend(5))
                    .expectException(refused(IllegalTransitionException.class, "petition.reply-already-extended"))
                    .expectNoEvents();
        }

        @Test
        void an_extension_needs_its_reason() {
            fixture.given(history(ACCEPTED))
                    .when(new ExtendReplyPeriodCommand(ID, null, 20, null))
                    .expectException(invalid("petition.missing-field", "reason"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "ACCEPTED")
        void only_an_accepted_petition_can_have_its_reply_period_extended(PetitionStatus status) {
            fixture.given(history(status))
                    .when(extend(20))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void an_extension_reschedules_the_reply_deadline() {
            fixture.givenCommands(commandsUpTo(ACCEPTED))
                    .when(extend(20))
                    .expectNoScheduledDeadlineWithName(REPLY_END, REPLY_PERIOD)
                    .expectScheduledDeadlineWithName(EXTENDED_REPLY_END, REPLY_PERIOD);
        }
    }

    @Nested
    class Replying {

        @Test
        void a_reply_opens_the_thirty_days_in_which_review_may_be_asked() {
            fixture.given(history(ACCEPTED))
                    .when(reply(REPLIED_ON))
                    .expectEvents(new PetitionRepliedEvent(ID, REPLIED_ON, REPLY, true, REVIEW_REQUEST_DUE));
        }

        @Test
        void a_reply_on_the_last_day_is_within_the_period_and_the_day_after_is_not() {
            fixture.given(history(ACCEPTED))
                    .when(reply(REPLY_DUE))
                    .expectEvents(new PetitionRepliedEvent(ID, REPLY_DUE, REPLY, true, LocalDate.parse("2026-06-08")));
            fixture.given(history(ACCEPTED))
                    .when(reply(REPLY_DUE.plusDays(1)))
                    .expectEvents(new PetitionRepliedEvent(ID, REPLY_DUE.plusDays(1), REPLY, false,
                            LocalDate.parse("2026-06-08")));
        }

        @Test
        void after_an_extension_a_reply_by_the_extended_day_is_within_the_period() {
            fixture.given(history(ACCEPTED))
                    .andGiven(extended())
                    .when(reply(EXTENDED_REPLY_DUE))
                    .expectEvents(new PetitionRepliedEvent(ID, EXTENDED_REPLY_DUE, REPLY, true,
                            LocalDate.parse("2026-06-29")));
        }

        @Test
        void a_review_window_ending_on_national_day_runs_to_the_next_working_day() {
            LocalDate repliedOn = LocalDate.parse("2026-09-01"); // + 30 = 10-01
            fixture.given(history(ACCEPTED))
                    .when(reply(repliedOn))
                    .expectEvents(new PetitionRepliedEvent(ID, repliedOn, REPLY, false, LocalDate.parse("2026-10-08")))
                    .expectScheduledDeadlineWithName(Instant.parse("2026-10-08T16:00:00Z"), REVIEW_REQUEST_WINDOW);
        }

        @Test
        void the_reply_replaces_the_reply_deadline_with_the_review_window() {
            fixture.givenCommands(commandsUpTo(ACCEPTED))
                    .when(reply(REPLIED_ON))
                    .expectNoScheduledDeadlineWithName(REPLY_END, REPLY_PERIOD)
                    .expectScheduledDeadlineWithName(REVIEW_REQUEST_END, REVIEW_REQUEST_WINDOW);
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "ACCEPTED")
        void only_an_accepted_petition_is_replied_to(PetitionStatus status) {
            fixture.given(history(status))
                    .when(reply(REPLIED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_reply_needs_a_date_and_its_text() {
            fixture.given(history(ACCEPTED))
                    .when(reply(null))
                    .expectException(invalid("petition.missing-field", "repliedOn"))
                    .expectNoEvents();
            fixture.given(history(ACCEPTED))
                    .when(new ReplyToPetitionCommand(ID, null, REPLIED_ON, ""))
                    .expectException(invalid("petition.missing-field", "reply"))
                    .expectNoEvents();
        }

        @Test
        void a_reply_before_the_acceptance_is_refused() {
            fixture.given(history(ACCEPTED))
                    .when(reply(ACCEPTED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "repliedOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Rating {

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, names = {"REPLIED", "REVIEW_REQUESTED", "CLOSED"})
        void the_petitioner_rates_the_reply_also_after_closing_or_asking_for_review(PetitionStatus status) {
            fixture.given(history(status))
                    .when(rate(SatisfactionRating.BASICALLY_SATISFIED, REPLIED_ON.plusDays(2)))
                    .expectEvents(new PetitionerRatingRecordedEvent(ID, AnswerStage.REPLY,
                            SatisfactionRating.BASICALLY_SATISFIED, REPLIED_ON.plusDays(2), "基本满意"));
        }

        @Test
        void after_the_review_opinion_the_rating_is_of_the_review() {
            fixture.given(history(REVIEW_ANSWERED))
                    .andGiven(new PetitionerRatingRecordedEvent(ID, AnswerStage.REPLY, SatisfactionRating.DISSATISFIED,
                            REPLIED_ON, null))
                    .when(rate(SatisfactionRating.SATISFIED, REVIEW_ANSWERED_ON))
                    .expectEvents(new PetitionerRatingRecordedEvent(ID, AnswerStage.REVIEW, SatisfactionRating.SATISFIED,
                            REVIEW_ANSWERED_ON, "基本满意"));
        }

        @Test
        void after_the_re_examination_the_rating_is_of_the_re_examination() {
            fixture.given(history(REEXAMINATION_ANSWERED))
                    .when(rate(SatisfactionRating.DISSATISFIED, REEXAMINATION_ANSWERED_ON))
                    .expectEvents(new PetitionerRatingRecordedEvent(ID, AnswerStage.REEXAMINATION,
                            SatisfactionRating.DISSATISFIED, REEXAMINATION_ANSWERED_ON, "基本满意"));
        }

        @Test
        void an_answer_is_rated_once() {
            fixture.given(history(REPLIED))
                    .andGiven(new PetitionerRatingRecordedEvent(ID, AnswerStage.REPLY, SatisfactionRating.SATISFIED,
                            REPLIED_ON, null))
                    .when(rate(SatisfactionRating.DISSATISFIED, REPLIED_ON.plusDays(3)))
                    .expectException(refused(IllegalTransitionException.class, "petition.already-rated"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, names = {"RECEIVED", "REGISTERED", "ASSIGNED", "ACCEPTED",
                "NOT_ACCEPTED"})
        void there_is_nothing_to_rate_before_a_reply(PetitionStatus status) {
            fixture.given(history(status))
                    .when(rate(SatisfactionRating.SATISFIED, REPLIED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.nothing-to-rate"))
                    .expectNoEvents();
        }

        @Test
        void a_rating_needs_the_rating_and_a_date_not_before_the_answer() {
            fixture.given(history(REPLIED))
                    .when(rate(null, REPLIED_ON))
                    .expectException(invalid("petition.missing-field", "rating"))
                    .expectNoEvents();
            fixture.given(history(REPLIED))
                    .when(rate(SatisfactionRating.SATISFIED, null))
                    .expectException(invalid("petition.missing-field", "ratedOn"))
                    .expectNoEvents();
            fixture.given(history(REPLIED))
                    .when(rate(SatisfactionRating.SATISFIED, REPLIED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "ratedOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Closing
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Closing {

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, names = {"REPLIED", "REVIEW_ANSWERED", "REEXAMINATION_ANSWERED"})
        void an_answered_petition_closes_as_resolved(PetitionStatus status) {
            fixture.given(history(status))
                    .when(close(PetitionClosureReason.RESOLVED))
                    .expectEvents(new PetitionClosedEvent(ID, PetitionClosureReason.RESOLVED, "办结"));
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE,
                names = {"REPLIED", "REVIEW_ANSWERED", "REEXAMINATION_ANSWERED", "CLOSED"})
        void an_unanswered_petition_cannot_close_as_resolved(PetitionStatus status) {
            fixture.given(history(status))
                    .when(close(PetitionClosureReason.RESOLVED))
                    .expectException(refused(IllegalTransitionException.class, "petition.cannot-close"))
                    .expectExceptionMessage("PT-2026-000042 is " + status + " and cannot be closed as RESOLVED")
                    .expectNoEvents();
        }

        @Test
        void a_petition_not_accepted_closes_as_not_accepted() {
            fixture.given(history(NOT_ACCEPTED))
                    .when(close(PetitionClosureReason.NOT_ACCEPTED))
                    .expectEvents(new PetitionClosedEvent(ID, PetitionClosureReason.NOT_ACCEPTED, "办结"));
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"NOT_ACCEPTED", "CLOSED"})
        void only_a_petition_not_accepted_closes_as_not_accepted(PetitionStatus status) {
            fixture.given(history(status))
                    .when(close(PetitionClosureReason.NOT_ACCEPTED))
                    .expectException(refused(IllegalTransitionException.class, "petition.cannot-close"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, names = {"RECEIVED", "REGISTERED", "ASSIGNED", "ACCEPTED"})
        void a_petition_is_withdrawn_before_its_reply(PetitionStatus status) {
            fixture.given(history(status))
                    .when(new ClosePetitionCommand(ID, null, PetitionClosureReason.WITHDRAWN, null))
                    .expectEvents(new PetitionClosedEvent(ID, PetitionClosureReason.WITHDRAWN, null));
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, names = {"NOT_ACCEPTED", "REPLIED", "REVIEW_REQUESTED",
                "REVIEW_ANSWERED", "REEXAMINATION_REQUESTED", "REEXAMINATION_ANSWERED"})
        void a_petition_past_its_acceptance_decision_and_reply_cannot_be_withdrawn(PetitionStatus status) {
            fixture.given(history(status))
                    .when(close(PetitionClosureReason.WITHDRAWN))
                    .expectException(refused(IllegalTransitionException.class, "petition.cannot-close"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(PetitionClosureReason.class)
        void a_closed_petition_cannot_be_closed_again(PetitionClosureReason reason) {
            fixture.given(history(CLOSED))
                    .when(close(reason))
                    .expectException(refused(IllegalTransitionException.class, "petition.already-closed"))
                    .expectExceptionMessage("PT-2026-000042 is already closed")
                    .expectNoEvents();
        }

        @Test
        void closing_needs_a_reason() {
            fixture.given(history(REPLIED))
                    .when(close(null))
                    .expectException(invalid("petition.missing-field", "reason"))
                    .expectNoEvents();
        }

        @Test
        void withdrawing_ends_the_deadlines_that_run_against_the_union() {
            fixture.givenCommands(commandsUpTo(ACCEPTED))
                    .when(close(PetitionClosureReason.WITHDRAWN))
                    .expectNoScheduledDeadlines();
            fixture.givenCommands(commandsUpTo(RECEIVED))
                    .when(close(PetitionClosureReason.WITHDRAWN))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void closing_after_the_reply_leaves_the_petitioner_s_review_window_open() {
            fixture.givenCommands(commandsUpTo(REPLIED))
                    .when(close(PetitionClosureReason.RESOLVED))
                    .expectScheduledDeadlineWithName(REVIEW_REQUEST_END, REVIEW_REQUEST_WINDOW);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Review (复查) and re-examination (复核)
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Review {

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, names = {"REPLIED", "CLOSED"})
        void review_is_asked_after_the_reply_also_when_the_petition_was_closed(PetitionStatus status) {
            fixture.given(history(status))
                    .when(requestReview(REVIEW_REQUESTED_ON))
                    .expectEvents(reviewRequested());
        }

        @Test
        void review_asked_on_the_last_day_of_the_window_is_in_time() {
            fixture.given(history(REPLIED))
                    .when(requestReview(REVIEW_REQUEST_DUE))
                    .expectEvents(new ReviewRequestedEvent(ID, REVIEW_REQUEST_DUE, REVIEWING_BODY, REVIEW_GROUNDS,
                            LocalDate.parse("2026-06-22"))); // + 30 = Fri 06-19, Dragon Boat Festival
        }

        @Test
        void review_asked_after_the_window_is_refused() {
            fixture.given(history(REPLIED))
                    .when(requestReview(REVIEW_REQUEST_DUE.plusDays(1)))
                    .expectException(refused(IllegalTransitionException.class, "petition.review-period-over"))
                    .expectExceptionMessage("a review of PT-2026-000042 had to be requested by 2026-05-20 (§35)")
                    .expectNoEvents();
        }

        @Test
        void once_the_window_passed_unused_the_claim_is_final_and_review_is_refused() {
            fixture.given(history(REPLIED))
                    .andGiven(new ClaimBecameFinalEvent(ID, FinalityBasis.REVIEW_NOT_REQUESTED,
                            REVIEW_REQUEST_DUE.plusDays(1)))
                    .when(requestReview(REVIEW_REQUEST_DUE))
                    .expectException(refused(IllegalTransitionException.class, "petition.claim-final"))
                    .expectNoEvents();
        }

        @Test
        void a_review_request_replaces_the_window_with_the_answer_deadline() {
            fixture.givenCommands(commandsUpTo(REPLIED))
                    .when(requestReview(REVIEW_REQUESTED_ON))
                    .expectNoScheduledDeadlineWithName(REVIEW_REQUEST_END, REVIEW_REQUEST_WINDOW)
                    .expectScheduledDeadlineWithName(REVIEW_ANSWER_END, REVIEW_ANSWER_PERIOD);
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = {"REPLIED", "CLOSED"})
        void review_is_asked_only_of_a_reply(PetitionStatus status) {
            fixture.given(history(status))
                    .when(requestReview(REVIEW_REQUESTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_petition_closed_as_not_accepted_has_no_reply_to_review() {
            fixture.given(history(NOT_ACCEPTED))
                    .andGiven(new PetitionClosedEvent(ID, PetitionClosureReason.NOT_ACCEPTED, null))
                    .when(requestReview(REVIEW_REQUESTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectExceptionMessage("cannot ask for review: PT-2026-000042 is CLOSED")
                    .expectNoEvents();
        }

        @Test
        void a_review_request_needs_its_date_body_and_grounds() {
            fixture.given(history(REPLIED))
                    .when(requestReview(null))
                    .expectException(invalid("petition.missing-field", "requestedOn"))
                    .expectNoEvents();
            fixture.given(history(REPLIED))
                    .when(new RequestReviewCommand(ID, null, REVIEW_REQUESTED_ON, "", REVIEW_GROUNDS))
                    .expectException(invalid("petition.missing-field", "reviewingBody"))
                    .expectNoEvents();
            fixture.given(history(REPLIED))
                    .when(new RequestReviewCommand(ID, null, REVIEW_REQUESTED_ON, REVIEWING_BODY, null))
                    .expectException(invalid("petition.missing-field", "grounds"))
                    .expectNoEvents();
        }

        @Test
        void a_review_asked_before_the_reply_is_refused() {
            fixture.given(history(REPLIED))
                    .when(requestReview(REPLIED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "requestedOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReviewAnswer {

        @Test
        void the_review_opinion_opens_the_thirty_days_for_re_examination() {
            fixture.given(history(REVIEW_REQUESTED))
                    .when(answerReview(REVIEW_ANSWERED_ON))
                    .expectEvents(reviewAnswered());
        }

        @Test
        void a_review_opinion_after_its_due_day_is_flagged() {
            LocalDate late = REVIEW_ANSWER_DUE.plusDays(1); // Sat 06-06
            fixture.given(history(REVIEW_REQUESTED))
                    .when(answerReview(late))
                    .expectEvents(new ReviewAnsweredEvent(ID, late, ReviewDecision.UPHELD, REVIEW_OPINION, false,
                            LocalDate.parse("2026-07-06")));
        }

        @Test
        void the_opinion_replaces_the_answer_deadline_with_the_re_examination_window() {
            fixture.givenCommands(commandsUpTo(REVIEW_REQUESTED))
                    .when(answerReview(REVIEW_ANSWERED_ON))
                    .expectNoScheduledDeadlineWithName(REVIEW_ANSWER_END, REVIEW_ANSWER_PERIOD)
                    .expectScheduledDeadlineWithName(REEXAMINATION_REQUEST_END, REEXAMINATION_REQUEST_WINDOW);
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "REVIEW_REQUESTED")
        void only_a_requested_review_is_answered(PetitionStatus status) {
            fixture.given(history(status))
                    .when(answerReview(REVIEW_ANSWERED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_review_opinion_needs_its_date_decision_and_text() {
            fixture.given(history(REVIEW_REQUESTED))
                    .when(answerReview(null))
                    .expectException(invalid("petition.missing-field", "answeredOn"))
                    .expectNoEvents();
            fixture.given(history(REVIEW_REQUESTED))
                    .when(new AnswerReviewCommand(ID, null, REVIEW_ANSWERED_ON, null, REVIEW_OPINION))
                    .expectException(invalid("petition.missing-field", "decision"))
                    .expectNoEvents();
            fixture.given(history(REVIEW_REQUESTED))
                    .when(new AnswerReviewCommand(ID, null, REVIEW_ANSWERED_ON, ReviewDecision.VARIED, " "))
                    .expectException(invalid("petition.missing-field", "opinion"))
                    .expectNoEvents();
            fixture.given(history(REVIEW_REQUESTED))
                    .when(answerReview(REVIEW_REQUESTED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "answeredOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Reexamination {

        @Test
        void re_examination_is_asked_after_the_review_opinion() {
            fixture.given(history(REVIEW_ANSWERED))
                    .when(requestReexamination(REEXAMINATION_REQUESTED_ON))
                    .expectEvents(reexaminationRequested());
        }

        @Test
        void re_examination_may_be_asked_after_the_petition_was_closed_on_the_review_opinion() {
            fixture.given(history(REVIEW_ANSWERED))
                    .andGiven(new PetitionClosedEvent(ID, PetitionClosureReason.RESOLVED, null))
                    .when(requestReexamination(REEXAMINATION_REQUESTED_ON))
                    .expectEvents(reexaminationRequested());
        }

        @Test
        void re_examination_asked_after_the_window_is_refused_and_on_its_last_day_is_not() {
            fixture.given(history(REVIEW_ANSWERED))
                    .when(requestReexamination(REEXAMINATION_REQUEST_DUE.plusDays(1)))
                    .expectException(refused(IllegalTransitionException.class, "petition.reexamination-period-over"))
                    .expectNoEvents();
            fixture.given(history(REVIEW_ANSWERED))
                    .when(requestReexamination(REEXAMINATION_REQUEST_DUE))
                    .expectEvents(new ReexaminationRequestedEvent(ID, REEXAMINATION_REQUEST_DUE, REEXAMINING_BODY,
                            REVIEW_GROUNDS, LocalDate.parse("2026-07-31")));
        }

        @Test
        void once_the_re_examination_window_passed_unused_the_claim_is_final() {
            fixture.given(history(REVIEW_ANSWERED))
                    .andGiven(new ClaimBecameFinalEvent(ID, FinalityBasis.REEXAMINATION_NOT_REQUESTED,
                            REEXAMINATION_REQUEST_DUE.plusDays(1)))
                    .when(requestReexamination(REEXAMINATION_REQUESTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.claim-final"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "REVIEW_ANSWERED")
        void re_examination_is_asked_only_of_a_review_opinion(PetitionStatus status) {
            // history(CLOSED) is closed on the reply: there is no review opinion to re-examine
            fixture.given(history(status))
                    .when(requestReexamination(REEXAMINATION_REQUESTED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_re_examination_request_replaces_the_window_with_the_answer_deadline() {
            fixture.givenCommands(commandsUpTo(REVIEW_ANSWERED))
                    .when(requestReexamination(REEXAMINATION_REQUESTED_ON))
                    .expectNoScheduledDeadlineWithName(REEXAMINATION_REQUEST_END, REEXAMINATION_REQUEST_WINDOW)
                    .expectScheduledDeadlineWithName(REEXAMINATION_ANSWER_END, REEXAMINATION_ANSWER_PERIOD);
        }

        @Test
        void a_re_examination_request_needs_its_date_body_and_grounds() {
            fixture.given(history(REVIEW_ANSWERED))
                    .when(new RequestReexaminationCommand(ID, null, null, REEXAMINING_BODY, REVIEW_GROUNDS))
                    .expectException(invalid("petition.missing-field", "requestedOn"))
                    .expectNoEvents();
            fixture.given(history(REVIEW_ANSWERED))
                    .when(new RequestReexaminationCommand(ID, null, REEXAMINATION_REQUESTED_ON, null, REVIEW_GROUNDS))
                    .expectException(invalid("petition.missing-field", "reexaminingBody"))
                    .expectNoEvents();
            fixture.given(history(REVIEW_ANSWERED))
                    .when(new RequestReexaminationCommand(ID, null, REEXAMINATION_REQUESTED_ON, REEXAMINING_BODY, ""))
                    .expectException(invalid("petition.missing-field", "grounds"))
                    .expectNoEvents();
            fixture.given(history(REVIEW_ANSWERED))
                    .when(requestReexamination(REVIEW_ANSWERED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "requestedOn"))
                    .expectNoEvents();
        }
    }

    @Nested
    class ReexaminationAnswer {

        @Test
        void the_re_examination_opinion_makes_the_claim_final() {
            fixture.given(history(REEXAMINATION_REQUESTED))
                    .when(answerReexamination(REEXAMINATION_ANSWERED_ON))
                    .expectEvents(new ReexaminationAnsweredEvent(ID, REEXAMINATION_ANSWERED_ON, ReviewDecision.UPHELD,
                                    REVIEW_OPINION, true),
                            new ClaimBecameFinalEvent(ID, FinalityBasis.REEXAMINED, REEXAMINATION_ANSWERED_ON));
        }

        @Test
        void a_re_examination_opinion_after_its_due_day_is_flagged() {
            LocalDate late = REEXAMINATION_ANSWER_DUE.plusDays(1);
            fixture.given(history(REEXAMINATION_REQUESTED))
                    .when(answerReexamination(late))
                    .expectEvents(new ReexaminationAnsweredEvent(ID, late, ReviewDecision.UPHELD, REVIEW_OPINION, false),
                            new ClaimBecameFinalEvent(ID, FinalityBasis.REEXAMINED, late));
        }

        @Test
        void the_opinion_ends_every_deadline() {
            fixture.givenCommands(commandsUpTo(REEXAMINATION_REQUESTED))
                    .when(answerReexamination(REEXAMINATION_ANSWERED_ON))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void after_re_examination_there_is_no_further_review_but_the_case_closes_as_resolved() {
            fixture.given(history(REEXAMINATION_ANSWERED))
                    .when(requestReexamination(REEXAMINATION_ANSWERED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
            fixture.given(history(REEXAMINATION_ANSWERED))
                    .andGiven(new PetitionClosedEvent(ID, PetitionClosureReason.RESOLVED, null))
                    .when(requestReview(REEXAMINATION_ANSWERED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = PetitionStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "REEXAMINATION_REQUESTED")
        void only_a_requested_re_examination_is_answered(PetitionStatus status) {
            fixture.given(history(status))
                    .when(answerReexamination(REEXAMINATION_ANSWERED_ON))
                    .expectException(refused(IllegalTransitionException.class, "petition.illegal-transition"))
                    .expectNoEvents();
        }

        @Test
        void a_re_examination_opinion_needs_its_date_decision_and_text() {
            fixture.given(history(REEXAMINATION_REQUESTED))
                    .when(answerReexamination(null))
                    .expectException(invalid("petition.missing-field", "answeredOn"))
                    .expectNoEvents();
            fixture.given(history(REEXAMINATION_REQUESTED))
                    .when(new AnswerReexaminationCommand(ID, null, REEXAMINATION_ANSWERED_ON, null, REVIEW_OPINION))
                    .expectException(invalid("petition.missing-field", "decision"))
                    .expectNoEvents();
            fixture.given(history(REEXAMINATION_REQUESTED))
                    .when(new AnswerReexaminationCommand(ID, null, REEXAMINATION_ANSWERED_ON, ReviewDecision.REVOKED, null))
                    .expectException(invalid("petition.missing-field", "opinion"))
                    .expectNoEvents();
            fixture.given(history(REEXAMINATION_REQUESTED))
                    .when(answerReexamination(REEXAMINATION_REQUESTED_ON.minusDays(1)))
                    .expectException(invalid("petition.date-too-early", "answeredOn"))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Materials and links
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Materials {

        @ParameterizedTest
        @EnumSource(PetitionStatus.class)
        void a_material_is_added_in_any_state_numbered_after_the_earlier_ones(PetitionStatus status) {
            fixture.given(history(status))
                    .andGiven(materialAdded(1, SCAN))
                    .when(new AddMaterialCommand(ID, null, PAYSLIP))
                    .expectEvents(materialAdded(2, PAYSLIP));
        }

        @Test
        void whistleblower_material_keeps_its_mark() {
            fixture.given(history(RECEIVED))
                    .when(new AddMaterialCommand(ID, null, INSIDER_NOTE))
                    .expectEvents(materialAdded(1, INSIDER_NOTE));
        }

        @Test
        void a_material_with_a_bad_hash_or_without_metadata_is_refused() {
            fixture.given(history(RECEIVED))
                    .when(new AddMaterialCommand(ID, null, new Material("x.pdf", "application/pdf", 1, "0".repeat(63),
                            false)))
                    .expectException(invalid("petition.invalid-material", "material.sha256"))
                    .expectNoEvents();
            fixture.given(history(RECEIVED))
                    .when(new AddMaterialCommand(ID, null, null))
                    .expectException(invalid("petition.missing-field", "material"))
                    .expectNoEvents();
        }

        @Test
        void a_material_is_marked_as_whistleblower_material() {
            fixture.given(history(ASSIGNED))
                    .andGiven(materialAdded(1, SCAN), materialAdded(2, PAYSLIP))
                    .when(new MarkMaterialAsWhistleblowerCommand(ID, null, 2))
                    .expectEvents(new MaterialMarkedAsWhistleblowerEvent(ID, 2));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 3})
        void marking_a_material_the_petition_does_not_have_is_refused(int number) {
            fixture.given(history(ASSIGNED))
                    .andGiven(materialAdded(1, SCAN), materialAdded(2, PAYSLIP))
                    .when(new MarkMaterialAsWhistleblowerCommand(ID, null, number))
                    .expectException(invalid("petition.unknown-material", "materialNumber"))
                    .expectNoEvents();
        }

        @Test
        void a_material_is_marked_once_whether_marked_on_receipt_or_later() {
            fixture.given(history(ASSIGNED))
                    .andGiven(materialAdded(1, INSIDER_NOTE))
                    .when(new MarkMaterialAsWhistleblowerCommand(ID, null, 1))
                    .expectException(refused(IllegalTransitionException.class, "petition.material-already-marked"))
                    .expectNoEvents();
            fixture.given(history(ASSIGNED))
                    .andGiven(materialAdded(1, SCAN), new MaterialMarkedAsWhistleblowerEvent(ID, 1))
                    .when(new MarkMaterialAsWhistleblowerCommand(ID, null, 1))
                    .expectException(refused(IllegalTransitionException.class, "petition.material-already-marked"))
                    .expectNoEvents();
        }

        @Test
        void materials_received_with_the_petition_count_for_the_numbering() {
            Intake intake = new Intake().materials(SCAN, PAYSLIP);
            fixture.givenCommands(intake.command())
                    .when(new AddMaterialCommand(ID, null, INSIDER_NOTE))
                    .expectEvents(materialAdded(3, INSIDER_NOTE));
        }
    }

    @Nested
    class Links {
        // the rules behind it are CaseAggregate's, tested once in SafetyHazardTest; here: that it is wired
        private final String legalAidCase = UUID.nameUUIDFromBytes("legal-aid".getBytes()).toString();

        @Test
        void a_link_to_another_case_is_recorded_as_a_petition_link() {
            fixture.given(history(ACCEPTED))
                    .when(link(legalAidCase))
                    .expectEvents(new CaseLinkedEvent(ID.toString(), CaseKind.PETITION, legalAidCase, CaseKind.LEGAL_AID,
                            "LA-2026-000003", LinkRelation.LED_TO, "转法律援助"))
                    .expectResultMessagePayload(4L);
        }

        private LinkPetitionCommand link(String other) {
            return new LinkPetitionCommand(ID, other, CaseKind.LEGAL_AID, "LA-2026-000003", LinkRelation.LED_TO,
                    "转法律援助");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Versions returned to the client (the next ETag)
    // ------------------------------------------------------------------------------------------------

    @Nested
    class Versions {

        @Test
        void registering_a_collective_visit_counts_the_alert_and_the_materials() {
            Intake intake = new Intake().channel(PetitionChannel.VISIT).visitors(8).materials(SCAN);
            fixture.givenCommands(intake.command())
                    .when(register(REGISTERED_ON))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void the_version_counts_every_earlier_event() {
            // received, registered, assigned, accepted, replied, review asked, answered, re-examination asked: 0..7
            fixture.given(history(REEXAMINATION_REQUESTED))
                    .when(answerReexamination(REEXAMINATION_ANSWERED_ON))
                    .expectResultMessagePayload(9L);
        }

        @Test
        void the_version_is_the_same_whether_the_history_came_from_events_or_commands() {
            fixture.givenCommands(commandsUpTo(ASSIGNED))
                    .when(accept(ACCEPTED_ON))
                    .expectResultMessagePayload(3L);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Deadlines firing
    // ------------------------------------------------------------------------------------------------

    @Nested
    class AssignmentDeadline {

        @Test
        void an_unassigned_petition_is_overdue_at_midnight_in_beijing_after_the_fifteenth_day() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(RECEIVED))
                    .whenTimeAdvancesTo(ASSIGNMENT_END)
                    .expectEvents(new AssignmentOverdueEvent(ID, ASSIGNMENT_DUE))
                    .expectTriggeredDeadlinesWithName(ASSIGNMENT_PERIOD)
                    .expectTriggeredDeadlinesMatching(onlyDeadlinesNamed(ASSIGNMENT_PERIOD))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void a_registered_but_unassigned_petition_is_overdue_too() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REGISTERED))
                    .whenTimeAdvancesTo(ASSIGNMENT_END)
                    .expectEvents(new AssignmentOverdueEvent(ID, ASSIGNMENT_DUE));
        }

        @Test
        void the_petition_is_not_overdue_a_second_before_midnight() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REGISTERED))
                    .whenTimeAdvancesTo(ASSIGNMENT_END.minusSeconds(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName()
                    .expectScheduledDeadlineWithName(ASSIGNMENT_END, ASSIGNMENT_PERIOD);
        }

        @Test
        void the_assignment_period_ends_when_the_last_hour_of_its_last_day_elapses() {
            fixture.givenCurrentTime(ASSIGNMENT_END.minus(Duration.ofHours(1)))
                    .andGivenCommands(commandsUpTo(RECEIVED))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectEvents(new AssignmentOverdueEvent(ID, ASSIGNMENT_DUE));
        }

        @Test
        void an_assigned_petition_is_never_overdue_for_assignment() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ASSIGNED))
                    .whenTimeAdvancesTo(ASSIGNMENT_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void an_assignment_deadline_that_outlived_the_assignment_does_nothing() {
            // the assignment arrives as an event, so the deadline stays scheduled: the handler must re-check
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REGISTERED))
                    .andGiven(assignedEvent())
                    .whenTimeAdvancesTo(ASSIGNMENT_END)
                    .expectTriggeredDeadlinesWithName(ASSIGNMENT_PERIOD)
                    .expectNoEvents();
        }

        @Test
        void the_same_assignment_period_is_overdue_only_once() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(RECEIVED))
                    .andGiven(new AssignmentOverdueEvent(ID, ASSIGNMENT_DUE))
                    .whenTimeAdvancesTo(ASSIGNMENT_END)
                    .expectTriggeredDeadlinesWithName(ASSIGNMENT_PERIOD)
                    .expectNoEvents();
        }

        @Test
        void after_an_objection_the_new_assignment_period_runs_out_on_its_own_day() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ASSIGNED))
                    .andGivenCommands(object(OBJECTED_ON))
                    .whenTimeAdvancesTo(REASSIGNMENT_END)
                    .expectEvents(new AssignmentOverdueEvent(ID, REASSIGNMENT_DUE))
                    .expectTriggeredDeadlinesWithName(ASSIGNMENT_PERIOD);
        }

        @Test
        void a_withdrawn_petition_is_never_overdue() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(RECEIVED))
                    .andGivenCommands(close(PetitionClosureReason.WITHDRAWN))
                    .whenTimeAdvancesTo(ASSIGNMENT_END.plus(Duration.ofDays(60)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }
    }

    @Nested
    class AcceptanceNoticeDeadline {

        @Test
        void the_petitioner_not_told_within_fifteen_days_of_the_assignment_makes_the_notice_overdue() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ASSIGNED))
                    .whenTimeAdvancesTo(NOTICE_END)
                    .expectEvents(new AcceptanceNoticeOverdueEvent(ID, NOTICE_DUE))
                    .expectTriggeredDeadlinesWithName(ACCEPTANCE_NOTICE_PERIOD);
        }

        @Test
        void the_notice_is_not_overdue_before_midnight() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ASSIGNED))
                    .whenTimeAdvancesTo(NOTICE_END.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void an_accepted_petition_is_never_overdue_for_its_notice() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ACCEPTED))
                    .whenTimeAdvancesTo(NOTICE_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_petition_not_accepted_is_never_overdue_for_its_notice() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ASSIGNED))
                    .andGivenCommands(decline(ACCEPTED_ON))
                    .whenTimeAdvancesTo(NOTICE_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_notice_deadline_that_outlived_the_decision_does_nothing() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ASSIGNED))
                    .andGiven(new PetitionNotAcceptedEvent(ID, ACCEPTED_ON, DECLINE_REASON, true))
                    .whenTimeAdvancesTo(NOTICE_END)
                    .expectTriggeredDeadlinesWithName(ACCEPTANCE_NOTICE_PERIOD)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReplyDeadline {

        @Test
        void no_reply_within_sixty_days_of_acceptance_makes_the_reply_overdue() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ACCEPTED))
                    .whenTimeAdvancesTo(REPLY_END)
                    .expectEvents(new ReplyOverdueEvent(ID, REPLY_DUE))
                    .expectTriggeredDeadlinesWithName(REPLY_PERIOD);
        }

        @Test
        void after_an_extension_the_reply_is_not_overdue_on_the_original_day() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ACCEPTED))
                    .andGivenCommands(extend(20))
                    .whenTimeAdvancesTo(REPLY_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(EXTENDED_REPLY_END, REPLY_PERIOD);
        }

        @Test
        void after_an_extension_the_reply_is_overdue_sixty_plus_n_days_after_acceptance() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ACCEPTED))
                    .andGivenCommands(extend(20))
                    .whenTimeAdvancesTo(EXTENDED_REPLY_END)
                    .expectEvents(new ReplyOverdueEvent(ID, EXTENDED_REPLY_DUE));
        }

        @Test
        void an_extension_granted_after_the_reply_became_overdue_gives_a_new_due_day_that_can_be_missed_too() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(ACCEPTED))
                    .andGiven(new ReplyOverdueEvent(ID, REPLY_DUE))
                    .andGivenCommands(extend(20))
                    .whenTimeAdvancesTo(EXTENDED_REPLY_END)
                    .expectEvents(new ReplyOverdueEvent(ID, EXTENDED_REPLY_DUE));
        }

        @Test
        void a_replied_petition_is_never_overdue_for_its_reply() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REPLIED))
                    .whenTimeAdvancesTo(REPLY_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }
    }

    @Nested
    class ReviewWindow {

        @Test
        void when_no_review_is_asked_within_thirty_days_of_the_reply_the_claim_becomes_final() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REPLIED))
                    .whenTimeAdvancesTo(REVIEW_REQUEST_END)
                    .expectEvents(new ClaimBecameFinalEvent(ID, FinalityBasis.REVIEW_NOT_REQUESTED,
                            REVIEW_REQUEST_DUE.plusDays(1)))
                    .expectTriggeredDeadlinesWithName(REVIEW_REQUEST_WINDOW)
                    .expectNoScheduledDeadlines();
        }

        @Test
        void the_window_runs_on_after_the_petition_is_closed() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REPLIED))
                    .andGivenCommands(close(PetitionClosureReason.RESOLVED))
                    .whenTimeAdvancesTo(REVIEW_REQUEST_END)
                    .expectEvents(new ClaimBecameFinalEvent(ID, FinalityBasis.REVIEW_NOT_REQUESTED,
                            REVIEW_REQUEST_DUE.plusDays(1)));
        }

        @Test
        void the_claim_is_not_final_a_second_before_the_window_closes() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REPLIED))
                    .whenTimeAdvancesTo(REVIEW_REQUEST_END.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void a_review_request_keeps_the_claim_open() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REVIEW_REQUESTED))
                    .whenTimeAdvancesTo(REVIEW_REQUEST_END)
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_window_deadline_that_outlived_the_review_request_does_nothing() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REPLIED))
                    .andGiven(reviewRequested())
                    .whenTimeAdvancesTo(REVIEW_REQUEST_END)
                    .expectTriggeredDeadlinesWithName(REVIEW_REQUEST_WINDOW)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReviewAnswerDeadline {

        @Test
        void no_review_opinion_within_thirty_days_makes_it_overdue() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REVIEW_REQUESTED))
                    .whenTimeAdvancesTo(REVIEW_ANSWER_END)
                    .expectEvents(new ReviewAnswerOverdueEvent(ID, REVIEW_ANSWER_DUE))
                    .expectTriggeredDeadlinesWithName(REVIEW_ANSWER_PERIOD);
        }

        @Test
        void an_answered_review_is_never_overdue() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REVIEW_ANSWERED))
                    .whenTimeAdvancesTo(REVIEW_ANSWER_END.plus(Duration.ofDays(1)))
                    .expectNoEvents()
                    .expectTriggeredDeadlinesWithName();
        }

        @Test
        void a_review_answer_deadline_that_outlived_the_opinion_does_nothing() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REVIEW_REQUESTED))
                    .andGiven(reviewAnswered())
                    .whenTimeAdvancesTo(REVIEW_ANSWER_END)
                    .expectTriggeredDeadlinesWithName(REVIEW_ANSWER_PERIOD)
                    .expectNoEvents();
        }
    }

    @Nested
    class ReexaminationDeadlines {

        @Test
        void when_no_re_examination_is_asked_within_thirty_days_of_the_review_opinion_the_claim_becomes_final() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REVIEW_ANSWERED))
                    .whenTimeAdvancesTo(REEXAMINATION_REQUEST_END)
                    .expectEvents(new ClaimBecameFinalEvent(ID, FinalityBasis.REEXAMINATION_NOT_REQUESTED,
                            REEXAMINATION_REQUEST_DUE.plusDays(1)))
                    .expectTriggeredDeadlinesWithName(REEXAMINATION_REQUEST_WINDOW);
        }

        @Test
        void a_re_examination_request_keeps_the_claim_open_until_its_opinion() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REEXAMINATION_REQUESTED))
                    .whenTimeAdvancesTo(REEXAMINATION_REQUEST_END)
                    .expectNoEvents();
        }

        @Test
        void no_re_examination_opinion_within_thirty_days_makes_it_overdue() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REEXAMINATION_REQUESTED))
                    .whenTimeAdvancesTo(REEXAMINATION_ANSWER_END)
                    .expectEvents(new ReexaminationAnswerOverdueEvent(ID, REEXAMINATION_ANSWER_DUE))
                    .expectTriggeredDeadlinesWithName(REEXAMINATION_ANSWER_PERIOD);
        }

        @Test
        void a_re_examination_answer_deadline_that_outlived_the_opinion_does_nothing() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REEXAMINATION_REQUESTED))
                    .andGiven(new ReexaminationAnsweredEvent(ID, REEXAMINATION_ANSWERED_ON, ReviewDecision.UPHELD,
                            REVIEW_OPINION, true))
                    .whenTimeAdvancesTo(REEXAMINATION_ANSWER_END)
                    .expectTriggeredDeadlinesWithName(REEXAMINATION_ANSWER_PERIOD)
                    .expectNoEvents();
        }

        @Test
        void the_overdue_opinion_is_overdue_only_once() {
            fixture.givenCurrentTime(RECEIPT_TIME)
                    .andGivenCommands(commandsUpTo(REEXAMINATION_REQUESTED))
                    .andGiven(new ReexaminationAnswerOverdueEvent(ID, REEXAMINATION_ANSWER_DUE))
                    .whenTimeAdvancesTo(REEXAMINATION_ANSWER_END)
                    .expectNoEvents();
        }
    }

    // ================================================================================================
    // test data
    // ================================================================================================

    private static List<Worker> petitioners(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new Worker("信访人" + i, String.format("32050219850101%04d", i),
                        String.format("137%08d", i)))
                .toList();
    }

    /** A SHA-256 in hexadecimal: 64 times the character. */
    private static String sha(char c) {
        return String.valueOf(c).repeat(64);
    }

    /** A received petition, valid unless changed. */
    private static final class Intake {
        private CaseNumber caseNumber = CASE_NUMBER;
        private OrganisationId organisation = ORGANISATION;
        private District district = DISTRICT;
        private PetitionChannel channel = PetitionChannel.LETTER;
        private LocalDate receivedOn = RECEIVED_ON;
        private List<Worker> petitioners = PetitionTest.petitioners(2);
        private Integer visitors;
        private boolean collective;
        private Employer employer = EMPLOYER;
        private OrganisationId accused;
        private boolean whistleblower;
        private String claim = CLAIM;
        private List<Material> materials = List.of();
        private OfficerId officer = OFFICER;
        private EarlierPetition earlier;

        Intake channel(PetitionChannel value) {
            channel = value;
            return this;
        }

        Intake visitors(Integer value) {
            visitors = value;
            return this;
        }

        Intake collective(boolean value) {
            collective = value;
            return this;
        }

        Intake receivedOn(LocalDate value) {
            receivedOn = value;
            return this;
        }

        Intake petitioners(List<Worker> value) {
            petitioners = value;
            return this;
        }

        Intake employer(Employer value) {
            employer = value;
            return this;
        }

        Intake accused(OrganisationId value) {
            accused = value;
            return this;
        }

        Intake whistleblower(boolean value) {
            whistleblower = value;
            return this;
        }

        Intake claim(String value) {
            claim = value;
            return this;
        }

        Intake materials(Material... value) {
            materials = List.of(value);
            return this;
        }

        Intake earlier(EarlierPetition value) {
            earlier = value;
            return this;
        }

        Intake without(String field) {
            switch (field) {
                case "caseNumber" -> caseNumber = null;
                case "organisation" -> organisation = null;
                case "district" -> district = null;
                case "channel" -> channel = null;
                case "receivedOn" -> receivedOn = null;
                case "officerInCharge" -> officer = null;
                case "claim" -> claim = null;
                default -> throw new IllegalArgumentException(field);
            }
            return this;
        }

        ReceivePetitionCommand command() {
            return new ReceivePetitionCommand(ID, caseNumber, organisation, district, channel, receivedOn, petitioners,
                    visitors, employer, accused, whistleblower, claim, materials, officer,
                    earlier == null ? null : earlier.petitionId());
        }

        /** The event of the standard receipt: assignment due 15 days after it. */
        PetitionReceivedEvent event() {
            return event(POLICY.calculator().lastDay(receivedOn, LegalPeriod.calendarDays(15)));
        }

        PetitionReceivedEvent event(LocalDate assignmentDueOn) {
            return new PetitionReceivedEvent(ID, caseNumber, organisation, district, channel, receivedOn, petitioners,
                    visitors, collective, employer, accused, whistleblower, claim, officer, assignmentDueOn,
                    earlier == null ? null : earlier.petitionId(), earlier == null ? null : earlier.caseNumber());
        }
    }

    private static PetitionReceivedEvent receivedEvent() {
        return new Intake().event(ASSIGNMENT_DUE);
    }

    private static MaterialAddedEvent materialAdded(int number, Material material) {
        return new MaterialAddedEvent(ID, number, material.fileName(), material.mediaType(), material.sizeBytes(),
                material.sha256(), material.whistleblower());
    }

    private static PetitionAssignedEvent assignedEvent() {
        return new PetitionAssignedEvent(ID, ASSIGNED_ON, PetitionRouting.ASSIGNED, HANDLING_UNIT, HANDLING_OFFICER,
                ASSIGNMENT_NOTE, true, NOTICE_DUE, OBJECTION_DUE);
    }

    private static CompetenceObjectedEvent objected() {
        return new CompetenceObjectedEvent(ID, OBJECTED_ON, HANDLING_UNIT, OBJECTION_REASON, REASSIGNMENT_DUE);
    }

    private static ReplyPeriodExtendedEvent extended() {
        return new ReplyPeriodExtendedEvent(ID, 20, EXTENSION_REASON, EXTENDED_REPLY_DUE);
    }

    private static ReviewRequestedEvent reviewRequested() {
        return new ReviewRequestedEvent(ID, REVIEW_REQUESTED_ON, REVIEWING_BODY, REVIEW_GROUNDS, REVIEW_ANSWER_DUE);
    }

    private static ReviewAnsweredEvent reviewAnswered() {
        return new ReviewAnsweredEvent(ID, REVIEW_ANSWERED_ON, ReviewDecision.UPHELD, REVIEW_OPINION, true,
                REEXAMINATION_REQUEST_DUE);
    }

    private static ReexaminationRequestedEvent reexaminationRequested() {
        return new ReexaminationRequestedEvent(ID, REEXAMINATION_REQUESTED_ON, REEXAMINING_BODY, REVIEW_GROUNDS,
                REEXAMINATION_ANSWER_DUE);
    }

    /** A petition received two days and registered one day before {@code assignedOn}, then assigned that day. */
    private static List<Object> assignedOnDay(LocalDate assignedOn) {
        LocalDate receivedOn = assignedOn.minusDays(2);
        return List.of(new Intake().receivedOn(receivedOn).event(),
                new PetitionRegisteredEvent(ID, assignedOn.minusDays(1), SUBJECT),
                new PetitionAssignedEvent(ID, assignedOn, PetitionRouting.ASSIGNED, HANDLING_UNIT, HANDLING_OFFICER,
                        ASSIGNMENT_NOTE, true, POLICY.calculator().lastDay(assignedOn, POLICY.acceptanceNotice()),
                        POLICY.calculator().lastDay(assignedOn, POLICY.competenceObjection())));
    }

    /** The events that bring the standard case into {@code status}. */
    private static List<Object> history(PetitionStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(receivedEvent());
        if (status == RECEIVED) return events;
        events.add(new PetitionRegisteredEvent(ID, REGISTERED_ON, SUBJECT));
        if (status == REGISTERED) return events;
        events.add(assignedEvent());
        if (status == ASSIGNED) return events;
        if (status == NOT_ACCEPTED) {
            events.add(new PetitionNotAcceptedEvent(ID, ACCEPTED_ON, DECLINE_REASON, true));
            return events;
        }
        events.add(new PetitionAcceptedEvent(ID, ACCEPTED_ON, true, REPLY_DUE));
        if (status == ACCEPTED) return events;
        events.add(new PetitionRepliedEvent(ID, REPLIED_ON, REPLY, true, REVIEW_REQUEST_DUE));
        if (status == REPLIED) return events;
        if (status == CLOSED) {
            events.add(new PetitionClosedEvent(ID, PetitionClosureReason.RESOLVED, "答复已送达"));
            return events;
        }
        events.add(reviewRequested());
        if (status == REVIEW_REQUESTED) return events;
        events.add(reviewAnswered());
        if (status == REVIEW_ANSWERED) return events;
        events.add(reexaminationRequested());
        if (status == REEXAMINATION_REQUESTED) return events;
        events.add(new ReexaminationAnsweredEvent(ID, REEXAMINATION_ANSWERED_ON, ReviewDecision.UPHELD, REVIEW_OPINION,
                true));
        events.add(new ClaimBecameFinalEvent(ID, FinalityBasis.REEXAMINED, REEXAMINATION_ANSWERED_ON));
        if (status == REEXAMINATION_ANSWERED) return events;
        throw new IllegalArgumentException(status.name());
    }

    /** The commands that bring the standard case into {@code status}, scheduling its deadlines on the way. */
    private static List<Object> commandsUpTo(PetitionStatus status) {
        List<Object> commands = new ArrayList<>(List.of(new Intake().command()));
        if (status == RECEIVED) return commands;
        commands.add(register(REGISTERED_ON));
        if (status == REGISTERED) return commands;
        commands.add(assign(ASSIGNED_ON));
        if (status == ASSIGNED) return commands;
        commands.add(accept(ACCEPTED_ON));
        if (status == ACCEPTED) return commands;
        commands.add(reply(REPLIED_ON));
        if (status == REPLIED) return commands;
        commands.add(requestReview(REVIEW_REQUESTED_ON));
        if (status == REVIEW_REQUESTED) return commands;
        commands.add(answerReview(REVIEW_ANSWERED_ON));
        if (status == REVIEW_ANSWERED) return commands;
        commands.add(requestReexamination(REEXAMINATION_REQUESTED_ON));
        if (status == REEXAMINATION_REQUESTED) return commands;
        throw new IllegalArgumentException(status.name());
    }

    private static RegisterPetitionCommand register(LocalDate on) {
        return new RegisterPetitionCommand(ID, null, on, SUBJECT);
    }

    private static AssignPetitionCommand assign(LocalDate on) {
        return new AssignPetitionCommand(ID, null, on, PetitionRouting.ASSIGNED, HANDLING_UNIT, HANDLING_OFFICER,
                ASSIGNMENT_NOTE);
    }

    private static ObjectToCompetenceCommand object(LocalDate on) {
        return new ObjectToCompetenceCommand(ID, null, on, OBJECTION_REASON);
    }

    private static AcceptPetitionCommand accept(LocalDate on) {
        return new AcceptPetitionCommand(ID, null, on);
    }

    private static DeclinePetitionCommand decline(LocalDate on) {
        return new DeclinePetitionCommand(ID, null, on, DECLINE_REASON);
    }

    private static ExtendReplyPeriodCommand extend(int days) {
        return new ExtendReplyPeriodCommand(ID, null, days, EXTENSION_REASON);
    }

    private static ReplyToPetitionCommand reply(LocalDate on) {
        return new ReplyToPetitionCommand(ID, null, on, REPLY);
    }

    private static RecordRatingCommand rate(SatisfactionRating rating, LocalDate on) {
        return new RecordRatingCommand(ID, null, rating, on, "基本满意");
    }

    private static ClosePetitionCommand close(PetitionClosureReason reason) {
        return new ClosePetitionCommand(ID, null, reason, "办结");
    }

    private static RequestReviewCommand requestReview(LocalDate on) {
        return new RequestReviewCommand(ID, null, on, REVIEWING_BODY, REVIEW_GROUNDS);
    }

    private static AnswerReviewCommand answerReview(LocalDate on) {
        return new AnswerReviewCommand(ID, null, on, ReviewDecision.UPHELD, REVIEW_OPINION);
    }

    private static RequestReexaminationCommand requestReexamination(LocalDate on) {
        return new RequestReexaminationCommand(ID, null, on, REEXAMINING_BODY, REVIEW_GROUNDS);
    }

    private static AnswerReexaminationCommand answerReexamination(LocalDate on) {
        return new AnswerReexaminationCommand(ID, null, on, ReviewDecision.UPHELD, REVIEW_OPINION);
    }

    // ================================================================================================
    // matchers
    // ================================================================================================


    /** Exactly one event, of the given type. */
    private static Matcher<List<org.axonframework.messaging.Message<?>>> exactly(Class<?> type) {
        return org.axonframework.test.matchers.Matchers.<org.axonframework.messaging.Message<?>>exactSequenceOf(
                org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.instanceOf(type)),
                org.axonframework.test.matchers.Matchers.andNoMore());
    }


    // ------------------------------------------------------------------------------------------------
    // Possible duplicates in other organisations
    // ------------------------------------------------------------------------------------------------

    @Nested
    class DuplicatesElsewhere {
        // the rules behind it are CaseAggregate's, tested once in SafetyHazardTest; here: that it is wired
        private static final String OTHER = "5a0e7c1d-2b3f-4e6a-9c8d-7f1e2d3c4b5a";
        private final DuplicateElsewhereFlaggedEvent flagged =
                new DuplicateElsewhereFlaggedEvent(ID.toString(), CaseKind.PETITION, OTHER, CaseKind.PETITION);

        @Test
        void a_possible_duplicate_in_another_organisation_is_flagged_on_the_case() {
            fixture.given(history(RECEIVED))
                    .when(new FlagPetitionDuplicateElsewhereCommand(ID, OTHER, CaseKind.PETITION))
                    .expectEvents(flagged);
        }
    }
}

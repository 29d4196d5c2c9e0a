package org.weiquan.query.petition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.FinalityBasis;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionClosureReason;
import org.weiquan.api.petition.PetitionEvent;
import org.weiquan.api.petition.PetitionEvent.ClaimBecameFinalEvent;
import org.weiquan.api.petition.PetitionEvent.CollectiveVisitAlertRaisedEvent;
import org.weiquan.api.petition.PetitionEvent.CompetenceObjectedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionClosedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionNotAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationAnswerOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationAnsweredEvent;
import org.weiquan.api.petition.PetitionEvent.ReexaminationRequestedEvent;
import org.weiquan.api.petition.PetitionEvent.ReplyOverdueEvent;
import org.weiquan.api.petition.PetitionEvent.ReplyPeriodExtendedEvent;
import org.weiquan.api.petition.PetitionEvent.ReviewAnswerOverdueEvent;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.api.petition.PetitionPage;
import org.weiquan.api.petition.PetitionQueries.ListPetitionsQuery;
import org.weiquan.api.petition.PetitionStatus;
import org.weiquan.api.petition.PetitionSubject;
import org.weiquan.api.petition.PetitionSummary;
import org.weiquan.api.petition.ReviewDecision;
import org.weiquan.query.petition.PetitionLog.Receipt;
import org.weiquan.query.petition.PetitionLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.query.petition.PetitionEvents.accepted;
import static org.weiquan.query.petition.PetitionEvents.assigned;
import static org.weiquan.query.petition.PetitionEvents.assignmentOverdue;
import static org.weiquan.query.petition.PetitionEvents.finalAfterReview;
import static org.weiquan.query.petition.PetitionEvents.noticeOverdue;
import static org.weiquan.query.petition.PetitionEvents.registered;
import static org.weiquan.query.petition.PetitionEvents.replied;
import static org.weiquan.query.petition.PetitionEvents.reviewAnswered;
import static org.weiquan.query.petition.PetitionEvents.reviewRequested;
import static org.weiquan.query.petition.PetitionLog.newId;
import static org.weiquan.query.petition.PetitionLog.receipt;

class PetitionListProjectionTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00Z");
    private static final OrganisationId CITY = new OrganisationId("szftu");

    private ReadModelDatabase database;
    private PetitionListProjection projection;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        projection = new PetitionListProjection(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private void deliver(Recorded recorded) {
        projection.on(recorded.payload(), recorded.sequence(), recorded.at());
    }

    private PetitionLog receive(Receipt receipt) {
        PetitionLog log = PetitionLog.of(receipt.build().petitionId(), START).append(receipt.build());
        log.deliverTo(this::deliver);
        return log;
    }

    /** Appends the events to the log and delivers just those. */
    private void happen(PetitionLog log, PetitionEvent... events) {
        int before = log.events().size();
        log.append(events);
        log.events().subList(before, log.events().size()).forEach(this::deliver);
    }

    private PetitionPage list(OrganisationId viewer, PetitionStatus status, District district, String officer,
                              Boolean overdue, PetitionChannel channel, int page, int size) {
        return projection.handle(new ListPetitionsQuery(viewer, status, district,
                officer == null ? null : new OfficerId(officer), overdue, channel, page, size));
    }

    private PetitionPage all() {
        return list(CITY, null, null, null, null, null, 0, 200);
    }

    private List<String> caseNumbers(PetitionPage page) {
        return page.items().stream().map(PetitionSummary::caseNumber).toList();
    }

    private PetitionSummary summary(PetitionId id) {
        return all().items().stream().filter(s -> s.petitionId().equals(id.toString())).findFirst().orElseThrow();
    }

    private Map<String, Object> row() {
        return database.jdbc().queryForList("SELECT * FROM petition_list").get(0);
    }

    @Test
    void a_received_petition_appears_with_the_lead_petitioner_s_name_masked() {
        PetitionId id = newId();
        Receipt receipt = receipt(id);
        receive(receipt);

        PetitionSummary summary = summary(id);
        assertThat(summary.petitionId()).isEqualTo(id.toString());
        assertThat(summary.caseNumber()).isEqualTo("PT-2026-000001");
        assertThat(summary.status()).isEqualTo(PetitionStatus.RECEIVED);
        assertThat(summary.district()).isEqualTo("GUSU");
        assertThat(summary.organisation()).isEqualTo("szftu/gusu");
        assertThat(summary.channel()).isEqualTo(PetitionChannel.LETTER);
        assertThat(summary.subject()).isNull();
        assertThat(summary.officerInCharge()).isEqualTo("officer.li");
        assertThat(summary.handlingOfficer()).isNull();
        assertThat(summary.leadPetitionerMasked()).isEqualTo("张**");
        assertThat(summary.petitionerCount()).isEqualTo(2);
        assertThat(summary.visitorCount()).isNull();
        assertThat(summary.collective()).isFalse();
        assertThat(summary.whistleblower()).isFalse();
        assertThat(summary.employerName()).isEqualTo("苏州某某电子有限公司");
        assertThat(summary.overdue()).isFalse();
        assertThat(summary.nextDeadline()).isEqualTo(receipt.assignmentDueOn());
        assertThat(summary.receivedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(summary.claimFinal()).isFalse();

        Map<String, Object> row = row();
        assertThat(row.get("PARTY_MASKED")).isEqualTo("张**");
        assertThat(row.get("IS_OPEN")).isEqualTo(true);
        assertThat(row.get("OPENED_ON")).isEqualTo(Date.valueOf(LocalDate.of(2026, 3, 2)));
        assertThat(row.get("NEXT_DEADLINE")).isEqualTo(Date.valueOf(receipt.assignmentDueOn()));
        assertThat(row.get("CREDIT_CODE")).isEqualTo("91320500MA1XXXXX0X");
        assertThat(row.get("CHANNEL")).isEqualTo("LETTER");
        assertThat(row.get("PETITIONER_COUNT")).isEqualTo(2);
        assertThat(row.get("LAST_SEQUENCE")).isEqualTo(0L);
        assertThat((String) row.get("SEARCH_TEXT")).contains("pt-2026-000001").contains("张小明").contains("李四")
                .contains("苏州某某电子有限公司").contains("91320500ma1xxxxx0x").contains("拖欠三个月工资");
        assertThat(((OffsetDateTime) row.get("LAST_CHANGED_AT")).toInstant()).isEqualTo(START);
    }

    @Test
    void a_whistleblower_petition_shows_no_petitioner_and_cannot_be_found_by_the_petitioner_s_name() {
        PetitionId id = newId();
        receive(receipt(id).whistleblowerAgainst("szftu/gusu/pingjiang"));

        PetitionSummary summary = summary(id);
        assertThat(summary.whistleblower()).isTrue();
        assertThat(summary.leadPetitionerMasked()).isNull();
        assertThat(summary.petitionerCount()).isEqualTo(2);
        Map<String, Object> row = row();
        assertThat(row.get("PARTY_MASKED")).isNull();
        assertThat(row.get("WHISTLEBLOWER")).isEqualTo(true);
        assertThat(row.get("ACCUSED_ORGANISATION")).as("for the audit search to leave out").isEqualTo("szftu/gusu/pingjiang");
        assertThat(database.jdbc().queryForObject("SELECT accused_organisation FROM case_list WHERE case_id = ?",
                String.class, id.toString())).isEqualTo("szftu/gusu/pingjiang");
        assertThat((String) row.get("SEARCH_TEXT")).contains("pt-2026-000001").contains("苏州某某电子有限公司")
                .doesNotContain("张小明").doesNotContain("李四");
    }

    @Test
    void a_collective_visit_is_marked_with_its_visitors() {
        PetitionId id = newId();
        PetitionLog log = receive(receipt(id).visit(12, true));
        happen(log, new CollectiveVisitAlertRaisedEvent(id, new CaseNumber("PT-2026-000001"), 12, District.GUSU));

        PetitionSummary summary = summary(id);
        assertThat(summary.channel()).isEqualTo(PetitionChannel.VISIT);
        assertThat(summary.visitorCount()).isEqualTo(12);
        assertThat(summary.collective()).isTrue();
        assertThat(row().get("COLLECTIVE")).isEqualTo(true);
    }

    @Test
    void status_overdue_and_next_deadline_follow_each_stage_of_the_union_s_work() {
        PetitionId id = newId();
        Receipt receipt = receipt(id);
        PetitionLog log = receive(receipt);

        happen(log, registered(id), assignmentOverdue(id));
        assertThat(summary(id).status()).isEqualTo(PetitionStatus.REGISTERED);
        assertThat(summary(id).subject()).isEqualTo(PetitionSubject.WAGE_ARREARS);
        assertThat(summary(id).overdue()).isTrue();
        assertThat(summary(id).nextDeadline()).isEqualTo(PetitionEvents.ASSIGNMENT_DUE);

        happen(log, assigned(id, "officer.zhou"));
        assertThat(summary(id).status()).isEqualTo(PetitionStatus.ASSIGNED);
        assertThat(summary(id).overdue()).as("the late assignment is done").isFalse();
        assertThat(summary(id).nextDeadline()).isEqualTo(PetitionEvents.NOTICE_DUE);
        assertThat(summary(id).handlingUnit()).isEqualTo(PetitionEvents.HANDLING_UNIT);
        assertThat(summary(id).handlingOfficer()).isEqualTo("officer.zhou");

        happen(log, noticeOverdue(id));
        assertThat(summary(id).overdue()).isTrue();

        happen(log, accepted(id));
        assertThat(summary(id).status()).isEqualTo(PetitionStatus.ACCEPTED);
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isEqualTo(PetitionEvents.REPLY_DUE);

        happen(log, new ReplyOverdueEvent(id, PetitionEvents.REPLY_DUE));
        assertThat(summary(id).overdue()).isTrue();
        LocalDate extended = LocalDate.of(2026, 5, 28);
        happen(log, new ReplyPeriodExtendedEvent(id, 20, "调取社保记录", extended));
        assertThat(summary(id).overdue()).as("the extension gives a new due day").isFalse();
        assertThat(summary(id).nextDeadline()).isEqualTo(extended);

        happen(log, replied(id));
        assertThat(summary(id).status()).isEqualTo(PetitionStatus.REPLIED);
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).as("the review window is the petitioner's, not the union's").isNull();

        happen(log, new PetitionClosedEvent(id, PetitionClosureReason.RESOLVED, "答复已送达"));
        assertThat(summary(id).status()).isEqualTo(PetitionStatus.CLOSED);
        assertThat(row().get("IS_OPEN")).isEqualTo(false);

        happen(log, reviewRequested(id));
        assertThat(summary(id).status()).as("a review reopens the case").isEqualTo(PetitionStatus.REVIEW_REQUESTED);
        assertThat(row().get("IS_OPEN")).isEqualTo(true);
        assertThat(summary(id).nextDeadline()).isEqualTo(PetitionEvents.REVIEW_ANSWER_DUE);
        happen(log, new ReviewAnswerOverdueEvent(id, PetitionEvents.REVIEW_ANSWER_DUE));
        assertThat(summary(id).overdue()).isTrue();

        happen(log, reviewAnswered(id));
        assertThat(summary(id).status()).isEqualTo(PetitionStatus.REVIEW_ANSWERED);
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isNull();

        LocalDate reexaminationDue = LocalDate.of(2026, 7, 15);
        happen(log, new ReexaminationRequestedEvent(id, LocalDate.of(2026, 6, 15), "江苏省总工会", "仍未付款",
                reexaminationDue));
        assertThat(summary(id).nextDeadline()).isEqualTo(reexaminationDue);
        happen(log, new ReexaminationAnswerOverdueEvent(id, reexaminationDue));
        assertThat(summary(id).overdue()).isTrue();
        happen(log, new ReexaminationAnsweredEvent(id, LocalDate.of(2026, 7, 16), ReviewDecision.UPHELD, "维持",
                false), new ClaimBecameFinalEvent(id, FinalityBasis.REEXAMINED, LocalDate.of(2026, 7, 16)));
        PetitionSummary answered = summary(id);
        assertThat(answered.status()).isEqualTo(PetitionStatus.REEXAMINATION_ANSWERED);
        assertThat(answered.overdue()).isFalse();
        assertThat(answered.nextDeadline()).isNull();
        assertThat(answered.claimFinal()).isTrue();
        assertThat(row().get("CLAIM_FINAL")).isEqualTo(true);
        assertThat(row().get("LAST_SEQUENCE")).isEqualTo(log.last().sequence());
    }

    @Test
    void a_competence_objection_puts_the_petition_back_in_the_assignment_queue_with_its_new_due_day() {
        PetitionId id = newId();
        PetitionLog log = receive(receipt(id));
        LocalDate reassignmentDue = LocalDate.of(2026, 3, 25);
        happen(log, registered(id), assigned(id, "officer.zhou"),
                new CompetenceObjectedEvent(id, LocalDate.of(2026, 3, 10), PetitionEvents.HANDLING_UNIT, "不属本单位职权",
                        reassignmentDue));

        PetitionSummary summary = summary(id);
        assertThat(summary.status()).isEqualTo(PetitionStatus.REGISTERED);
        assertThat(summary.nextDeadline()).isEqualTo(reassignmentDue);
        assertThat(summary.handlingUnit()).isNull();
        assertThat(summary.handlingOfficer()).isNull();
        assertThat(list(CITY, null, null, "officer.zhou", null, null, 0, 20).items())
                .as("no longer the handling officer's").isEmpty();
    }

    @Test
    void a_petition_not_accepted_has_no_deadline_left() {
        PetitionId id = newId();
        PetitionLog log = receive(receipt(id));
        happen(log, registered(id), assigned(id, null), noticeOverdue(id),
                new PetitionNotAcceptedEvent(id, LocalDate.of(2026, 3, 20), "已进入仲裁程序", false));

        assertThat(summary(id).status()).isEqualTo(PetitionStatus.NOT_ACCEPTED);
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isNull();
    }

    @Nested
    class Filters {

        @BeforeEach
        void fourPetitions() {
            receive(receipt(newId()).caseNumber("PT-2026-000001").organisation("szftu/gusu").officer("officer.li"));

            PetitionId assignedToLi = newId();
            PetitionLog assignedLog = receive(receipt(assignedToLi).caseNumber("PT-2026-000002")
                    .organisation("szftu/gusu/pingjiang").officer("officer.zhou").visit(3, false));
            happen(assignedLog, registered(assignedToLi), assigned(assignedToLi, "officer.li"));

            PetitionId kunshanOverdue = newId();
            PetitionLog overdueLog = receive(receipt(kunshanOverdue).caseNumber("PT-2026-000003")
                    .organisation("szftu/kunshan").district(District.KUNSHAN).officer("officer.chen")
                    .channel(PetitionChannel.HOTLINE_12351));
            happen(overdueLog, assignmentOverdue(kunshanOverdue));

            PetitionId wujiangClosed = newId();
            PetitionLog closedLog = receive(receipt(wujiangClosed).caseNumber("PT-2026-000004")
                    .organisation("szftu/wujiang").district(District.WUJIANG).officer("officer.li")
                    .channel(PetitionChannel.ONLINE));
            happen(closedLog, new PetitionClosedEvent(wujiangClosed, PetitionClosureReason.WITHDRAWN, "撤回"));
        }

        @Test
        void no_filter_lists_every_petition_the_viewer_may_see() {
            assertThat(caseNumbers(all()))
                    .containsExactly("PT-2026-000004", "PT-2026-000003", "PT-2026-000002", "PT-2026-000001");
        }

        @Test
        void the_status_filter_lists_only_petitions_in_that_status() {
            assertThat(caseNumbers(list(CITY, PetitionStatus.ASSIGNED, null, null, null, null, 0, 20)))
                    .containsExactly("PT-2026-000002");
            assertThat(caseNumbers(list(CITY, PetitionStatus.RECEIVED, null, null, null, null, 0, 20)))
                    .containsExactly("PT-2026-000003", "PT-2026-000001");
            assertThat(caseNumbers(list(CITY, PetitionStatus.CLOSED, null, null, null, null, 0, 20)))
                    .containsExactly("PT-2026-000004");
            assertThat(list(CITY, PetitionStatus.REPLIED, null, null, null, null, 0, 20).totalItems()).isZero();
        }

        @Test
        void the_district_filter_lists_only_petitions_of_that_district() {
            assertThat(caseNumbers(list(CITY, null, District.GUSU, null, null, null, 0, 20)))
                    .containsExactly("PT-2026-000002", "PT-2026-000001");
            assertThat(caseNumbers(list(CITY, null, District.KUNSHAN, null, null, null, 0, 20)))
                    .containsExactly("PT-2026-000003");
            assertThat(list(CITY, null, District.TAICANG, null, null, null, 0, 20).items()).isEmpty();
        }

        @Test
        void the_officer_filter_matches_the_officer_in_charge_or_the_handling_officer() {
            assertThat(caseNumbers(list(CITY, null, null, "officer.li", null, null, 0, 20)))
                    .containsExactly("PT-2026-000004", "PT-2026-000002", "PT-2026-000001");
            assertThat(caseNumbers(list(CITY, null, null, "officer.zhou", null, null, 0, 20)))
                    .containsExactly("PT-2026-000002");
            assertThat(list(CITY, null, null, "officer.nobody", null, null, 0, 20).items()).isEmpty();
        }

        @Test
        void the_overdue_filter_separates_overdue_petitions_from_the_others() {
            assertThat(caseNumbers(list(CITY, null, null, null, true, null, 0, 20))).containsExactly("PT-2026-000003");
            assertThat(caseNumbers(list(CITY, null, null, null, false, null, 0, 20)))
                    .containsExactly("PT-2026-000004", "PT-2026-000002", "PT-2026-000001");
        }

        @Test
        void the_channel_filter_lists_only_petitions_received_by_that_channel() {
            assertThat(caseNumbers(list(CITY, null, null, null, null, PetitionChannel.VISIT, 0, 20)))
                    .containsExactly("PT-2026-000002");
            assertThat(caseNumbers(list(CITY, null, null, null, null, PetitionChannel.HOTLINE_12351, 0, 20)))
                    .containsExactly("PT-2026-000003");
            assertThat(caseNumbers(list(CITY, null, null, null, null, PetitionChannel.LETTER, 0, 20)))
                    .containsExactly("PT-2026-000001");
        }

        @Test
        void filters_combine() {
            assertThat(caseNumbers(list(CITY, PetitionStatus.RECEIVED, District.GUSU, "officer.li", false, null, 0, 20)))
                    .containsExactly("PT-2026-000001");
            assertThat(list(CITY, PetitionStatus.RECEIVED, District.GUSU, null, true, null, 0, 20).totalItems())
                    .isZero();
            assertThat(caseNumbers(list(new OrganisationId("szftu/gusu"), null, null, "officer.li", null, null, 0, 20)))
                    .containsExactly("PT-2026-000002", "PT-2026-000001");
        }
    }

    @Nested
    class OrganisationVisibility {
        @BeforeEach
        void petitionsAcrossTheFederation() {
            receive(receipt(newId()).caseNumber("PT-2026-000001").organisation("szftu"));
            receive(receipt(newId()).caseNumber("PT-2026-000002").organisation("szftu/gusu"));
            receive(receipt(newId()).caseNumber("PT-2026-000003").organisation("szftu/gusu/pingjiang"));
            receive(receipt(newId()).caseNumber("PT-2026-000004").organisation("szftu/kunshan"));
            receive(receipt(newId()).caseNumber("PT-2026-000005").organisation("szftu-other/gusu"));
        }

        @ParameterizedTest(name = "viewer {0} sees {1}")
        @CsvSource(delimiter = '|', value = {
                "szftu                | PT-2026-000004,PT-2026-000003,PT-2026-000002,PT-2026-000001",
                "szftu/gusu           | PT-2026-000003,PT-2026-000002",
                "szftu/gusu/pingjiang | PT-2026-000003",
                "szftu/kunshan        | PT-2026-000004",
                "szftu/gu             | ''",
                "szftu/gusu/ping      | ''",
                "szftu-other          | PT-2026-000005",
                "szft                 | ''",
        })
        void a_viewer_sees_its_own_organisation_and_those_below_it_by_whole_path_segments(String viewer,
                                                                                        String expected) {
            List<String> expectedCases = expected.isEmpty() ? List.of() : List.of(expected.split(","));
            PetitionPage page = list(new OrganisationId(viewer), null, null, null, null, null, 0, 20);
            assertThat(caseNumbers(page)).containsExactlyElementsOf(expectedCases);
            assertThat(page.totalItems()).isEqualTo(expectedCases.size());
        }
    }

    @Nested
    class Paging {
        @BeforeEach
        void fivePetitions() {
            receive(receipt(newId()).caseNumber("PT-2026-000001").receivedOn(LocalDate.of(2026, 3, 1)));
            receive(receipt(newId()).caseNumber("PT-2026-000002").receivedOn(LocalDate.of(2026, 3, 5)));
            receive(receipt(newId()).caseNumber("PT-2026-000003").receivedOn(LocalDate.of(2026, 3, 5)));
            receive(receipt(newId()).caseNumber("PT-2026-000004").receivedOn(LocalDate.of(2026, 3, 2)));
            receive(receipt(newId()).caseNumber("PT-2026-000005").receivedOn(LocalDate.of(2026, 2, 27)));
        }

        @Test
        void petitions_are_ordered_by_receipt_newest_first_then_by_case_number_descending() {
            assertThat(caseNumbers(all())).containsExactly(
                    "PT-2026-000003", "PT-2026-000002", "PT-2026-000004", "PT-2026-000001", "PT-2026-000005");
        }

        @Test
        void pages_split_the_ordered_list_and_report_the_total() {
            PetitionPage first = list(CITY, null, null, null, null, null, 0, 2);
            assertThat(caseNumbers(first)).containsExactly("PT-2026-000003", "PT-2026-000002");
            assertThat(first.totalItems()).isEqualTo(5);
            assertThat(first.totalPages()).isEqualTo(3);

            assertThat(caseNumbers(list(CITY, null, null, null, null, null, 1, 2)))
                    .containsExactly("PT-2026-000004", "PT-2026-000001");
            PetitionPage last = list(CITY, null, null, null, null, null, 2, 2);
            assertThat(caseNumbers(last)).containsExactly("PT-2026-000005");
            assertThat(last.totalItems()).isEqualTo(5);
        }

        @Test
        void a_page_beyond_the_end_is_empty_but_still_reports_the_total() {
            PetitionPage beyond = list(CITY, null, null, null, null, null, 3, 2);
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.totalItems()).isEqualTo(5);
        }
    }

    @Nested
    class Idempotency {
        @Test
        void delivering_every_event_again_changes_no_row() {
            PetitionId id = newId();
            PetitionLog log = receive(receipt(id));
            happen(log, registered(id), assigned(id, "officer.zhou"), accepted(id), replied(id), reviewRequested(id),
                    reviewAnswered(id), finalAfterReview(id));
            List<Map<String, Object>> before = database.jdbc().queryForList("SELECT * FROM petition_list");

            log.deliverTo(PetitionListProjectionTest.this::deliver);

            assertThat(database.jdbc().queryForList("SELECT * FROM petition_list")).isEqualTo(before);
        }

        @Test
        void a_late_redelivery_of_an_event_already_applied_does_not_roll_the_petition_back() {
            PetitionId id = newId();
            PetitionLog log = receive(receipt(id));
            happen(log, registered(id), assigned(id, "officer.zhou"));
            List<Map<String, Object>> before = database.jdbc().queryForList("SELECT * FROM petition_list");

            Recorded registration = log.event(1);
            projection.on(registration.payload(), registration.sequence(), registration.at().plusSeconds(3600));
            Recorded receipt = log.event(0);
            projection.on(receipt.payload(), receipt.sequence(), receipt.at());

            assertThat(database.jdbc().queryForList("SELECT * FROM petition_list")).isEqualTo(before);
            assertThat(summary(id).status()).isEqualTo(PetitionStatus.ASSIGNED);
        }
    }

    @Test
    void a_petition_of_one_petitioner_with_a_one_character_given_name_is_masked_to_one_star() {
        PetitionId id = newId();
        receive(receipt(id).petitioners(new Worker("王五", "320502199001011234", null)));
        assertThat(summary(id).leadPetitionerMasked()).isEqualTo("王*");
        assertThat(summary(id).petitionerCount()).isEqualTo(1);
    }
}

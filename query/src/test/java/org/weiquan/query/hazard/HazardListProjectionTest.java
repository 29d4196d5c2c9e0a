package org.weiquan.query.hazard;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.District;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.hazard.HazardClosureReason;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.api.hazard.HazardPage;
import org.weiquan.api.hazard.HazardQueries.ListHazardsQuery;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.HazardStatus;
import org.weiquan.api.hazard.HazardSummary;
import org.weiquan.api.hazard.SafetyHazardEvent;
import org.weiquan.api.hazard.VerificationOutcome;
import org.weiquan.query.support.HazardLog;
import org.weiquan.query.support.HazardLog.Recorded;
import org.weiquan.query.support.HazardLog.Report;
import org.weiquan.query.support.ReadModelDatabase;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.api.hazard.ReportRecipient.WORKERS_CONGRESS;
import static org.weiquan.api.hazard.ReportRecipient.WORK_SAFETY_AUTHORITY;
import static org.weiquan.query.hazard.HazardEvents.ANSWER_DUE_ON;
import static org.weiquan.query.hazard.HazardEvents.DUE_ON;
import static org.weiquan.query.hazard.HazardEvents.REISSUED_ANSWER_DUE_ON;
import static org.weiquan.query.hazard.HazardEvents.REISSUED_DUE_ON;
import static org.weiquan.query.hazard.HazardEvents.VERIFIED_ON;
import static org.weiquan.query.support.HazardLog.newId;
import static org.weiquan.query.support.HazardLog.report;

class HazardListProjectionTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00Z");
    private static final OrganisationId CITY = new OrganisationId("szftu");

    private ReadModelDatabase database;
    private HazardListProjection projection;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        projection = new HazardListProjection(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private void deliver(Recorded recorded) {
        // the list has no handler for links: the dispatcher would not call it
        if (recorded.payload() instanceof SafetyHazardEvent event) {
            projection.on(event, recorded.sequence(), recorded.at());
        }
    }

    private HazardLog reported(Report report) {
        HazardLog log = HazardLog.of(report.build().hazardId(), START).append(report.build());
        log.deliverTo(this::deliver);
        return log;
    }

    /** Appends the events to the log and delivers just those. */
    private void happen(HazardLog log, Object... events) {
        int before = log.events().size();
        log.append(events);
        log.events().subList(before, log.events().size()).forEach(this::deliver);
    }

    private HazardPage list(OrganisationId viewer, HazardStatus status, HazardSeverity severity, District district,
                            String officer, Boolean overdue, int page, int size) {
        return projection.handle(new ListHazardsQuery(viewer, status, severity, district,
                officer == null ? null : new OfficerId(officer), overdue, page, size));
    }

    private HazardPage overdueList(Boolean overdue) {
        return list(CITY, null, null, null, null, overdue, 0, 50);
    }

    private static List<String> caseNumbers(HazardPage page) {
        return page.items().stream().map(HazardSummary::caseNumber).toList();
    }

    private HazardSummary summary(HazardId id) {
        return list(CITY, null, null, null, null, null, 0, 200).items().stream()
                .filter(s -> s.hazardId().equals(id.toString())).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> rows() {
        return database.jdbc().queryForList("SELECT * FROM hazard_list ORDER BY hazard_id");
    }

    private Map<String, Object> row(HazardId id) {
        return database.jdbc().queryForMap("SELECT * FROM hazard_list WHERE hazard_id = ?", id.toString());
    }

    @Test
    void a_reported_hazard_appears_with_the_columns_every_kind_shares() {
        HazardId id = newId();
        reported(report(id).employer("苏州恒通机械有限公司", "91320508MA1ABCDE0X").location("三号车间冲压线"));

        HazardSummary summary = summary(id);
        assertThat(summary.caseNumber()).isEqualTo("SH-2026-000001");
        assertThat(summary.status()).isEqualTo(HazardStatus.REPORTED);
        assertThat(summary.severity()).isEqualTo(HazardSeverity.GENERAL);
        assertThat(summary.district()).isEqualTo("GUSU");
        assertThat(summary.organisation()).isEqualTo("szftu/gusu");
        assertThat(summary.inspector()).isEqualTo("officer.li");
        assertThat(summary.employerName()).isEqualTo("苏州恒通机械有限公司");
        assertThat(summary.creditCode()).isEqualTo("91320508MA1ABCDE0X");
        assertThat(summary.location()).isEqualTo("三号车间冲压线");
        assertThat(summary.noticeNumber()).isZero();
        assertThat(summary.overdue()).isFalse();
        assertThat(summary.nextDeadline()).isNull();
        assertThat(summary.foundOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(summary.reportsPending()).isFalse();
        assertThat(summary.listedForSupervision()).isFalse();
        assertThat(summary.evacuationRecommended()).isFalse();

        Map<String, Object> row = row(id);
        assertThat(row.get("IS_OPEN")).isEqualTo(true);
        assertThat(row.get("OFFICER_IN_CHARGE")).isEqualTo("officer.li");
        assertThat(row.get("OPENED_ON")).isEqualTo(Date.valueOf("2026-03-02"));
        assertThat(row.get("PARTY_MASKED")).as("a hazard names no worker").isNull();
        assertThat(row.get("SEVERITY")).isEqualTo("GENERAL");
        assertThat(row.get("SEARCH_TEXT")).isEqualTo(
                "sh-2026-000001 苏州恒通机械有限公司 91320508ma1abcde0x 三号车间冲压线 冲床光电保护装置失效");
        assertThat(row.get("LAST_SEQUENCE")).isEqualTo(0L);
        assertThat(((OffsetDateTime) row.get("LAST_CHANGED_AT")).toInstant()).isEqualTo(START);
    }

    @Test
    void the_list_has_every_column_of_the_cross_kind_case_list_in_its_shape() {
        HazardId id = newId();
        reported(report(id));

        // the SELECT the cross-kind case_list view will union in for this kind
        Map<String, Object> shared = database.jdbc().queryForMap("SELECT hazard_id AS case_id,"
                + " 'SAFETY_HAZARD' AS kind, case_number, status, is_open, district, organisation, officer_in_charge,"
                + " overdue, next_deadline, opened_on, party_masked, employer_name, credit_code, search_text,"
                + " last_changed_at FROM hazard_list WHERE hazard_id = ?", id.toString());

        assertThat(shared).containsEntry("CASE_ID", id.toString()).containsEntry("STATUS", "REPORTED")
                .containsEntry("OPENED_ON", Date.valueOf("2026-03-02")).containsEntry("OVERDUE", false);
        assertThat(CaseKind.valueOf((String) shared.get("KIND"))).isEqualTo(CaseKind.SAFETY_HAZARD);
    }

    @Test
    void status_and_next_deadline_follow_a_general_hazard_from_notice_to_closure() {
        HazardId id = newId();
        HazardLog log = reported(report(id));

        happen(log, HazardEvents.notice(id));
        assertThat(summary(id).status()).isEqualTo(HazardStatus.RECTIFYING);
        assertThat(summary(id).noticeNumber()).isEqualTo(1);
        assertThat(summary(id).nextDeadline()).as("the answer falls due first").isEqualTo(ANSWER_DUE_ON);

        happen(log, HazardEvents.answer(id, 1, LocalDate.of(2026, 3, 10), true));
        assertThat(summary(id).nextDeadline()).as("answered: the rectification deadline").isEqualTo(DUE_ON);

        happen(log, HazardEvents.progress(id, 1));
        assertThat(summary(id).status()).isEqualTo(HazardStatus.RECTIFYING);

        happen(log, HazardEvents.submitted(id, 1, LocalDate.of(2026, 3, 25), true));
        assertThat(summary(id).status()).isEqualTo(HazardStatus.RECTIFICATION_SUBMITTED);
        assertThat(summary(id).nextDeadline()).isEqualTo(DUE_ON);

        happen(log, HazardEvents.verified(id, 1, VerificationOutcome.PASSED),
                HazardEvents.closed(id, HazardClosureReason.RECTIFIED, VERIFIED_ON, false));
        HazardSummary closed = summary(id);
        assertThat(closed.status()).isEqualTo(HazardStatus.CLOSED);
        assertThat(closed.overdue()).isFalse();
        assertThat(closed.nextDeadline()).isNull();
        assertThat(row(id)).containsEntry("IS_OPEN", false).containsEntry("LAST_SEQUENCE", log.last().sequence())
                .containsEntry("NEXT_DEADLINE", null);
    }

    @Test
    void a_submission_before_the_answer_period_ends_answers_the_notice() {
        HazardId id = newId();
        HazardLog log = reported(report(id));
        happen(log, HazardEvents.notice(id), HazardEvents.submitted(id, 1, LocalDate.of(2026, 3, 10), true));

        assertThat(summary(id).nextDeadline()).isEqualTo(DUE_ON);
        assertThat(summary(id).overdue()).isFalse();
    }

    @Test
    void an_overdue_rectification_is_listed_as_overdue_until_a_reissued_notice_starts_afresh() {
        HazardId id = newId();
        HazardLog log = reported(report(id));
        happen(log, HazardEvents.notice(id), HazardEvents.answer(id, 1, LocalDate.of(2026, 3, 10), true));
        assertThat(caseNumbers(overdueList(true))).isEmpty();

        happen(log, HazardEvents.overdue(id, "SH-2026-000001", 1, DUE_ON, false));
        assertThat(summary(id).overdue()).isTrue();
        assertThat(summary(id).nextDeadline()).isEqualTo(DUE_ON);
        assertThat(caseNumbers(overdueList(true))).containsExactly("SH-2026-000001");
        assertThat(caseNumbers(overdueList(false))).isEmpty();

        happen(log, HazardEvents.submitted(id, 1, LocalDate.of(2026, 4, 2), false));
        assertThat(summary(id).overdue()).as("submitted late, still not verified").isTrue();

        happen(log, HazardEvents.verified(id, 1, VerificationOutcome.FAILED), HazardEvents.reissued(id));
        HazardSummary reissued = summary(id);
        assertThat(reissued.status()).isEqualTo(HazardStatus.RECTIFYING);
        assertThat(reissued.noticeNumber()).isEqualTo(2);
        assertThat(reissued.overdue()).isFalse();
        assertThat(reissued.nextDeadline()).isEqualTo(REISSUED_ANSWER_DUE_ON);
        assertThat(caseNumbers(overdueList(false))).containsExactly("SH-2026-000001");
        assertThat(row(id)).containsEntry("NEXT_DEADLINE", Date.valueOf(REISSUED_ANSWER_DUE_ON));
    }

    @Test
    void an_unanswered_notice_is_overdue_until_the_employer_answers() {
        HazardId id = newId();
        HazardLog log = reported(report(id));
        happen(log, HazardEvents.notice(id), HazardEvents.answerOverdue(id));
        assertThat(summary(id).overdue()).isTrue();
        assertThat(summary(id).nextDeadline()).isEqualTo(ANSWER_DUE_ON);

        happen(log, HazardEvents.answer(id, 1, LocalDate.of(2026, 3, 26), false));
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isEqualTo(DUE_ON);
    }

    @Test
    void a_passed_verification_ends_the_overdue_of_a_major_hazard_awaiting_its_closure() {
        HazardId id = newId();
        HazardLog log = reported(report(id).severity(HazardSeverity.MAJOR));
        happen(log, HazardEvents.notice(id), HazardEvents.submitted(id, 1, LocalDate.of(2026, 3, 25), true),
                HazardEvents.overdue(id, "SH-2026-000001", 1, DUE_ON, true));
        assertThat(summary(id).overdue()).isTrue();

        happen(log, HazardEvents.verified(id, 1, VerificationOutcome.PASSED));
        assertThat(summary(id).status()).isEqualTo(HazardStatus.VERIFIED);
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isNull();
        assertThat(row(id)).containsEntry("IS_OPEN", true);
    }

    @Test
    void a_major_hazard_has_reports_pending_until_both_are_made_and_its_listing_is_lifted_on_closure() {
        HazardId id = newId();
        HazardLog log = reported(report(id).severity(HazardSeverity.MAJOR));
        assertThat(summary(id).reportsPending()).isTrue();
        assertThat(row(id)).containsEntry("REPORTS_PENDING", true).containsEntry("SEVERITY", "MAJOR");

        happen(log, HazardEvents.reportedTo(id, WORK_SAFETY_AUTHORITY));
        assertThat(summary(id).reportsPending()).isTrue();
        happen(log, HazardEvents.reportedTo(id, WORKERS_CONGRESS), HazardEvents.listed(id),
                HazardEvents.evacuation(id, 1));
        assertThat(summary(id).reportsPending()).isFalse();
        assertThat(summary(id).listedForSupervision()).isTrue();
        assertThat(summary(id).evacuationRecommended()).isTrue();
        assertThat(row(id)).containsEntry("REPORTS_PENDING", false).containsEntry("LISTED_FOR_SUPERVISION", true);

        happen(log, HazardEvents.closed(id, HazardClosureReason.EMPLOYER_CEASED_OPERATIONS, VERIFIED_ON, true));
        assertThat(summary(id).listedForSupervision()).isFalse();
        assertThat(row(id)).containsEntry("LISTED_FOR_SUPERVISION", false);
    }

    @Test
    void a_general_hazard_escalated_to_major_is_listed_as_major_with_its_reports_pending() {
        HazardId id = newId();
        HazardLog log = reported(report(id));
        assertThat(summary(id).reportsPending()).isFalse();

        happen(log, HazardEvents.escalated(id));

        assertThat(summary(id).severity()).isEqualTo(HazardSeverity.MAJOR);
        assertThat(summary(id).reportsPending()).isTrue();
        assertThat(caseNumbers(list(CITY, null, HazardSeverity.MAJOR, null, null, null, 0, 20)))
                .containsExactly("SH-2026-000001");
    }

    @Test
    void a_closed_major_hazard_has_no_reports_pending() {
        HazardId id = newId();
        HazardLog log = reported(report(id).severity(HazardSeverity.MAJOR));
        happen(log, HazardEvents.closed(id, HazardClosureReason.WITHDRAWN_AS_MISTAKEN, LocalDate.of(2026, 3, 3), false));
        assertThat(summary(id).reportsPending()).isFalse();
    }

    @Nested
    class Filters {
        @BeforeEach
        void fourHazards() {
            reported(report(newId()).caseNumber("SH-2026-000001").organisation("szftu/gusu").district(District.GUSU)
                    .inspector("officer.li"));

            HazardId major = newId();
            HazardLog rectifying = reported(report(major).caseNumber("SH-2026-000002")
                    .organisation("szftu/gusu/pingjiang").district(District.GUSU).inspector("officer.zhou")
                    .severity(HazardSeverity.MAJOR));
            happen(rectifying, HazardEvents.notice(major));

            HazardId late = newId();
            HazardLog overdue = reported(report(late).caseNumber("SH-2026-000003").organisation("szftu/kunshan")
                    .district(District.KUNSHAN).inspector("officer.chen"));
            happen(overdue, HazardEvents.notice(late), HazardEvents.answer(late, 1, LocalDate.of(2026, 3, 4), true),
                    HazardEvents.overdue(late, "SH-2026-000003", 1, DUE_ON, false));

            HazardId gone = newId();
            HazardLog closed = reported(report(gone).caseNumber("SH-2026-000004").organisation("szftu/wujiang")
                    .district(District.WUJIANG).inspector("officer.li"));
            happen(closed, HazardEvents.closed(gone, HazardClosureReason.WITHDRAWN_AS_MISTAKEN,
                    LocalDate.of(2026, 3, 3), false));
        }

        @Test
        void no_filter_lists_every_hazard_the_viewer_may_see() {
            assertThat(caseNumbers(list(CITY, null, null, null, null, null, 0, 20)))
                    .containsExactly("SH-2026-000004", "SH-2026-000003", "SH-2026-000002", "SH-2026-000001");
        }

        @Test
        void the_status_filter_lists_only_hazards_in_that_status() {
            assertThat(caseNumbers(list(CITY, HazardStatus.RECTIFYING, null, null, null, null, 0, 20)))
                    .containsExactly("SH-2026-000003", "SH-2026-000002");
            assertThat(caseNumbers(list(CITY, HazardStatus.CLOSED, null, null, null, null, 0, 20)))
                    .containsExactly("SH-2026-000004");
            assertThat(list(CITY, HazardStatus.VERIFIED, null, null, null, null, 0, 20).totalItems()).isZero();
        }

        @Test
        void the_severity_filter_lists_only_major_or_only_general_hazards() {
            assertThat(caseNumbers(list(CITY, null, HazardSeverity.MAJOR, null, null, null, 0, 20)))
                    .containsExactly("SH-2026-000002");
            assertThat(caseNumbers(list(CITY, null, HazardSeverity.GENERAL, null, null, null, 0, 20)))
                    .containsExactly("SH-2026-000004", "SH-2026-000003", "SH-2026-000001");
        }

        @Test
        void the_district_filter_lists_only_hazards_of_that_district() {
            assertThat(caseNumbers(list(CITY, null, null, District.GUSU, null, null, 0, 20)))
                    .containsExactly("SH-2026-000002", "SH-2026-000001");
            assertThat(list(CITY, null, null, District.TAICANG, null, null, 0, 20).items()).isEmpty();
        }

        @Test
        void the_officer_filter_matches_the_reporting_inspector() {
            assertThat(caseNumbers(list(CITY, null, null, null, "officer.li", null, 0, 20)))
                    .containsExactly("SH-2026-000004", "SH-2026-000001");
            assertThat(caseNumbers(list(CITY, null, null, null, "officer.zhou", null, 0, 20)))
                    .containsExactly("SH-2026-000002");
            assertThat(list(CITY, null, null, null, "officer.nobody", null, 0, 20).items()).isEmpty();
        }

        @Test
        void the_overdue_filter_separates_the_escalated_hazards_from_the_others() {
            assertThat(caseNumbers(overdueList(true))).containsExactly("SH-2026-000003");
            assertThat(caseNumbers(overdueList(false)))
                    .containsExactly("SH-2026-000004", "SH-2026-000002", "SH-2026-000001");
        }

        @Test
        void filters_combine() {
            assertThat(caseNumbers(list(CITY, HazardStatus.RECTIFYING, HazardSeverity.GENERAL, District.KUNSHAN,
                    "officer.chen", true, 0, 20))).containsExactly("SH-2026-000003");
            assertThat(list(CITY, HazardStatus.RECTIFYING, HazardSeverity.MAJOR, null, null, true, 0, 20)
                    .totalItems()).isZero();
            assertThat(caseNumbers(list(new OrganisationId("szftu/gusu"), null, null, null, "officer.li", null, 0,
                    20))).containsExactly("SH-2026-000001");
        }
    }

    @Nested
    class OrganisationVisibility {
        @BeforeEach
        void hazardsAcrossTheFederation() {
            reported(report(newId()).caseNumber("SH-2026-000001").organisation("szftu"));
            reported(report(newId()).caseNumber("SH-2026-000002").organisation("szftu/gusu"));
            reported(report(newId()).caseNumber("SH-2026-000003").organisation("szftu/gusu/pingjiang"));
            reported(report(newId()).caseNumber("SH-2026-000004").organisation("szftu/kunshan"));
            reported(report(newId()).caseNumber("SH-2026-000005").organisation("szftu-other/gusu"));
        }

        @ParameterizedTest(name = "viewer {0} sees {1}")
        @CsvSource(delimiter = '|', value = {
                "szftu                | SH-2026-000004,SH-2026-000003,SH-2026-000002,SH-2026-000001",
                "szftu/gusu           | SH-2026-000003,SH-2026-000002",
                "szftu/gusu/pingjiang | SH-2026-000003",
                "szftu/kunshan        | SH-2026-000004",
                "szftu/gu             | ''",
                "szftu/gusu/ping      | ''",
                "szftu-other          | SH-2026-000005",
                "szft                 | ''",
        })
        void a_viewer_sees_its_own_organisation_and_those_below_it_by_whole_path_segments(String viewer,
                                                                                        String expected) {
            List<String> expectedCases = expected.isEmpty() ? List.of() : List.of(expected.split(","));
            HazardPage page = list(new OrganisationId(viewer), null, null, null, null, null, 0, 20);
            assertThat(caseNumbers(page)).containsExactlyElementsOf(expectedCases);
            assertThat(page.totalItems()).isEqualTo(expectedCases.size());
        }
    }

    @Nested
    class Paging {
        @BeforeEach
        void fiveHazards() {
            reported(report(newId()).caseNumber("SH-2026-000001").foundOn(LocalDate.of(2026, 3, 1)));
            reported(report(newId()).caseNumber("SH-2026-000002").foundOn(LocalDate.of(2026, 3, 5)));
            reported(report(newId()).caseNumber("SH-2026-000003").foundOn(LocalDate.of(2026, 3, 5)));
            reported(report(newId()).caseNumber("SH-2026-000004").foundOn(LocalDate.of(2026, 3, 2)));
            reported(report(newId()).caseNumber("SH-2026-000005").foundOn(LocalDate.of(2026, 2, 27)));
        }

        @Test
        void hazards_are_ordered_by_the_day_found_newest_first_then_by_case_number_descending() {
            assertThat(caseNumbers(list(CITY, null, null, null, null, null, 0, 200))).containsExactly(
                    "SH-2026-000003", "SH-2026-000002", "SH-2026-000004", "SH-2026-000001", "SH-2026-000005");
        }

        @Test
        void pages_split_the_ordered_list_and_report_the_total() {
            HazardPage first = list(CITY, null, null, null, null, null, 0, 2);
            assertThat(caseNumbers(first)).containsExactly("SH-2026-000003", "SH-2026-000002");
            assertThat(first.totalItems()).isEqualTo(5);
            assertThat(first.totalPages()).isEqualTo(3);

            assertThat(caseNumbers(list(CITY, null, null, null, null, null, 1, 2)))
                    .containsExactly("SH-2026-000004", "SH-2026-000001");
            HazardPage last = list(CITY, null, null, null, null, null, 2, 2);
            assertThat(caseNumbers(last)).containsExactly("SH-2026-000005");
            assertThat(last.totalItems()).isEqualTo(5);
        }

        @Test
        void a_page_beyond_the_end_is_empty_but_still_reports_the_total() {
            HazardPage beyond = list(CITY, null, null, null, null, null, 3, 2);
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.totalItems()).isEqualTo(5);
        }

        @Test
        void the_total_counts_only_the_filtered_hazards() {
            HazardPage page = list(new OrganisationId("szftu/kunshan"), null, null, null, null, null, 0, 2);
            assertThat(page.items()).isEmpty();
            assertThat(page.totalItems()).isZero();
        }
    }

    @Nested
    class Idempotency {
        @Test
        void delivering_every_event_again_changes_no_row() {
            HazardId id = newId();
            HazardLog log = reported(report(id));
            happen(log, HazardEvents.notice(id), HazardEvents.answerOverdue(id),
                    HazardEvents.overdue(id, "SH-2026-000001", 1, DUE_ON, false));
            List<Map<String, Object>> before = rows();

            log.deliverTo(HazardListProjectionTest.this::deliver);

            assertThat(rows()).isEqualTo(before);
        }

        @Test
        void a_late_redelivery_of_an_event_already_applied_does_not_roll_the_hazard_back() {
            HazardId id = newId();
            HazardLog log = reported(report(id));
            happen(log, HazardEvents.notice(id), HazardEvents.submitted(id, 1, LocalDate.of(2026, 3, 25), true));
            List<Map<String, Object>> before = rows();

            Recorded notice = log.event(1);
            projection.on((SafetyHazardEvent) notice.payload(), notice.sequence(), notice.at().plusSeconds(3600));
            Recorded reported = log.event(0);
            projection.on((SafetyHazardEvent) reported.payload(), reported.sequence(), reported.at());

            assertThat(rows()).isEqualTo(before);
            assertThat(summary(id).status()).isEqualTo(HazardStatus.RECTIFICATION_SUBMITTED);
        }

        @Test
        void a_link_in_the_stream_leaves_a_gap_in_the_sequence_the_list_passes_over() {
            HazardId id = newId();
            HazardLog log = reported(report(id));
            happen(log, log.link("0b7e9c3d-5a1f-4c2e-9d8b-6f4a2e1c7b90", CaseKind.PETITION, "PT-2026-000031",
                    LinkRelation.AROSE_FROM), HazardEvents.notice(id));

            assertThat(summary(id).status()).isEqualTo(HazardStatus.RECTIFYING);
            assertThat(row(id)).containsEntry("LAST_SEQUENCE", 2L);
        }
    }
}

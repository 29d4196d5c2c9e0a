package org.weiquan.query.legalaid;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
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
import org.weiquan.api.legalaid.LegalAidCasePage;
import org.weiquan.api.legalaid.LegalAidCaseSummary;
import org.weiquan.api.legalaid.LegalAidClosureReason;
import org.weiquan.api.legalaid.LegalAidQueries.ListLegalAidCasesQuery;
import org.weiquan.api.legalaid.LegalAidStatus;
import org.weiquan.api.legalaid.MatterCategory;
import org.weiquan.api.legalaid.MeansTestResult;
import org.weiquan.query.support.LegalAidLog;
import org.weiquan.query.support.LegalAidLog.Application;
import org.weiquan.query.support.LegalAidLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.query.support.LegalAidLog.application;
import static org.weiquan.query.support.LegalAidLog.newId;

class LegalAidListProjectionTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00Z");
    private static final OrganisationId CITY = new OrganisationId("szftu");
    private static final LocalDate D0302 = LocalDate.of(2026, 3, 2);

    private ReadModelDatabase database;
    private LegalAidListProjection projection;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        projection = new LegalAidListProjection(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private void deliver(Recorded recorded) {
        projection.on((org.weiquan.api.legalaid.LegalAidCaseEvent) recorded.payload(), recorded.sequence(),
                recorded.at());
    }

    private LegalAidLog apply(Application application) {
        LegalAidLog log = LegalAidLog.of(application.build().legalAidCaseId(), START).append(application.build());
        log.deliverTo(this::deliver);
        return log;
    }

    /** Appends the events to the log and delivers just those. */
    private void happen(LegalAidLog log, Object... events) {
        int before = log.events().size();
        log.append(events);
        log.events().subList(before, log.events().size()).forEach(this::deliver);
    }

    private LegalAidCasePage list(OrganisationId viewer, LegalAidStatus status, District district, String officer,
                                  Boolean overdue, int page, int size) {
        return projection.handle(new ListLegalAidCasesQuery(viewer, status, district,
                officer == null ? null : new OfficerId(officer), overdue, page, size));
    }

    private static List<String> caseNumbers(LegalAidCasePage page) {
        return page.items().stream().map(LegalAidCaseSummary::caseNumber).toList();
    }

    private LegalAidCaseSummary summary(LegalAidCaseId id) {
        return list(CITY, null, null, null, null, 0, 200).items().stream()
                .filter(s -> s.legalAidCaseId().equals(id.toString())).findFirst().orElseThrow();
    }

    private Map<String, Object> row(LegalAidCaseId id) {
        return database.jdbc().queryForMap("SELECT * FROM legal_aid_list WHERE legal_aid_case_id = ?", id.toString());
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void an_application_appears_with_the_applicant_masked_and_the_columns_the_case_list_reads() {
        LegalAidCaseId id = newId();
        Application application = application(id);
        apply(application);

        LegalAidCaseSummary summary = summary(id);
        assertThat(summary.legalAidCaseId()).isEqualTo(id.toString());
        assertThat(summary.caseNumber()).isEqualTo("LA-2026-000001");
        assertThat(summary.status()).isEqualTo(LegalAidStatus.APPLIED);
        assertThat(summary.district()).isEqualTo("GUSU");
        assertThat(summary.organisation()).isEqualTo("szftu/gusu");
        assertThat(summary.matterCategory()).isEqualTo(MatterCategory.WAGES);
        assertThat(summary.officerInCharge()).isEqualTo("officer.li");
        assertThat(summary.lawyerId()).isNull();
        assertThat(summary.applicantMasked()).isEqualTo("张**");
        assertThat(summary.migrantWorker()).isTrue();
        assertThat(summary.meansTestExempt()).isTrue();
        assertThat(summary.urgentAid()).isFalse();
        assertThat(summary.employerName()).isEqualTo("苏州某某电子有限公司");
        assertThat(summary.overdue()).isFalse();
        assertThat(summary.nextDeadline()).isEqualTo(application.decisionDueOn());
        assertThat(summary.appliedOn()).isEqualTo(D0302);

        Map<String, Object> row = row(id);
        assertThat(row.get("PARTY_MASKED")).isEqualTo("张**");
        assertThat(row.get("IS_OPEN")).isEqualTo(true);
        assertThat(row.get("OPENED_ON")).isEqualTo(java.sql.Date.valueOf(D0302));
        assertThat(row.get("NEXT_DEADLINE")).isEqualTo(java.sql.Date.valueOf(application.decisionDueOn()));
        assertThat(row.get("CREDIT_CODE")).isEqualTo("91320500MA1XXXXX0X");
        assertThat(row.get("MATTER_CATEGORY")).isEqualTo("WAGES");
        assertThat(row.get("MIGRANT_WORKER")).isEqualTo(true);
        assertThat(row.get("MEANS_TEST_EXEMPT")).isEqualTo(true);
        assertThat(row.get("URGENT_AID")).isEqualTo(false);
        assertThat(row.get("LAST_SEQUENCE")).isEqualTo(0L);
    }

    @Test
    void the_search_text_holds_the_names_and_credit_code_but_never_the_id_number_or_phone() {
        LegalAidCaseId id = newId();
        apply(application(id));
        String searchText = (String) row(id).get("SEARCH_TEXT");
        assertThat(searchText).contains("la-2026-000001", "张小明", "苏州某某电子有限公司", "91320500ma1xxxxx0x", "追索")
                .doesNotContain("320502199001011234").doesNotContain("13912345678");
        assertThat((String) row(id).get("STATE")).as("the state is the detail's: the list query masks it")
                .contains("320502199001011234");
        assertThat(summary(id).toString()).doesNotContain("张小明").doesNotContain("320502199001011234");
    }

    @Test
    void the_list_table_appears_in_the_cross_kind_case_list_with_every_column() {
        LegalAidCaseId id = newId();
        apply(application(id));

        List<Map<String, Object>> unioned = database.jdbc().queryForList(
                "SELECT * FROM case_list WHERE case_id = ?", id.toString());
        assertThat(unioned).singleElement().satisfies(row -> {
            assertThat(row).hasSize(17);
            assertThat(row.get("CASE_ID")).isEqualTo(id.toString());
            assertThat(row.get("ACCUSED_ORGANISATION")).as("only a petition accuses").isNull();
            assertThat(row.get("KIND")).isEqualTo("LEGAL_AID");
            assertThat(row.get("OPENED_ON")).isEqualTo(java.sql.Date.valueOf(D0302));
            assertThat(row.get("PARTY_MASKED")).isEqualTo("张**");
            assertThat(row.get("LAST_CHANGED_AT")).isInstanceOf(OffsetDateTime.class);
        });
    }

    @Test
    void a_case_that_is_not_exempt_and_has_no_employer_is_listed_as_such() {
        LegalAidCaseId id = newId();
        apply(application(id).migrantWorker(false).category(MatterCategory.LABOUR_CONTRACT).employer(null)
                .applicant(new Worker("王五", "320502199001011234", null)));

        LegalAidCaseSummary summary = summary(id);
        assertThat(summary.meansTestExempt()).isFalse();
        assertThat(summary.migrantWorker()).isFalse();
        assertThat(summary.employerName()).isNull();
        assertThat(summary.applicantMasked()).isEqualTo("王*");
        assertThat(row(id).get("CREDIT_CODE")).isNull();
    }

    @Test
    void status_and_next_deadline_follow_the_approved_path_to_closure() {
        LegalAidCaseId id = newId();
        LegalAidLog log = apply(application(id));

        happen(log, new LegalAidApprovedEvent(id, day(3, 3), true, null, true, day(3, 6)));
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.APPROVED);
        assertThat(summary(id).nextDeadline()).isEqualTo(day(3, 6));

        happen(log, new LawyerAssignedEvent(id, "lawyer.zhou", "周律师", day(3, 4), null, true));
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.LAWYER_ASSIGNED);
        assertThat(summary(id).lawyerId()).isEqualTo("lawyer.zhou");
        assertThat(summary(id).nextDeadline()).isNull();

        happen(log, new ActivityRecordedEvent(id, 1, ActivityType.CONSULTATION, day(3, 10), "首次咨询"),
                new OutcomeRecordedEvent(id, AidOutcome.SETTLED, day(4, 20), new BigDecimal("15000.00"), null));
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.OUTCOME_RECORDED);

        happen(log, new ClosingReportSubmittedEvent(id, day(4, 25), "调解结案"));
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.REPORTED);

        happen(log, new LegalAidCaseClosedEvent(id, LegalAidClosureReason.COMPLETED, null));
        LegalAidCaseSummary closed = summary(id);
        assertThat(closed.status()).isEqualTo(LegalAidStatus.CLOSED);
        assertThat(closed.overdue()).isFalse();
        assertThat(closed.nextDeadline()).isNull();
        assertThat(row(id)).containsEntry("STATUS", "CLOSED").containsEntry("IS_OPEN", false)
                .containsEntry("LAST_SEQUENCE", log.last().sequence());
        assertThat(row(id).get("NEXT_DEADLINE")).isNull();
    }

    @Test
    void awaiting_materials_runs_against_the_date_the_notice_set_and_is_overdue_once_it_passed() {
        LegalAidCaseId id = newId();
        LegalAidLog log = apply(application(id));
        happen(log, new MissingMaterialsRequestedEvent(id, day(3, 4), List.of("工资条"), day(3, 13), 2));
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.AWAITING_MATERIALS);
        assertThat(summary(id).nextDeadline()).isEqualTo(day(3, 13));
        assertThat(summary(id).overdue()).isFalse();

        happen(log, new MaterialsSupplyPeriodExpiredEvent(id, day(3, 13)));
        assertThat(summary(id).overdue()).isTrue();
        assertThat(caseNumbers(list(CITY, null, null, null, true, 0, 20))).containsExactly("LA-2026-000001");

        happen(log, new MissingMaterialsReceivedEvent(id, day(3, 16), null, true, day(3, 23)));
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.APPLIED);
        assertThat(summary(id).overdue()).as("the decision period runs again").isFalse();
        assertThat(summary(id).nextDeadline()).isEqualTo(day(3, 23));
    }

    @Test
    void a_decision_overdue_until_the_approval_then_a_lawyer_overdue_until_the_assignment() {
        LegalAidCaseId id = newId();
        Application application = application(id);
        LegalAidLog log = apply(application);
        happen(log, new DecisionOverdueEvent(id, application.decisionDueOn()));
        assertThat(summary(id).overdue()).isTrue();
        assertThat(row(id).get("OVERDUE")).isEqualTo(true);

        happen(log, new LegalAidApprovedEvent(id, day(3, 10), true, null, false, day(3, 13)));
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isEqualTo(day(3, 13));

        happen(log, new LawyerAssignmentOverdueEvent(id, day(3, 13)));
        assertThat(summary(id).overdue()).isTrue();

        happen(log, new LawyerAssignedEvent(id, "lawyer.wu", "吴律师", day(3, 16), null, false));
        assertThat(summary(id).overdue()).isFalse();
        assertThat(list(CITY, null, null, null, true, 0, 20).items()).isEmpty();
    }

    @Test
    void urgent_aid_is_flagged_and_its_lawyer_deadline_counts_until_a_lawyer_acts() {
        LegalAidCaseId id = newId();
        Application application = application(id);
        LegalAidLog log = apply(application);
        happen(log, new UrgentAidGrantedEvent(id, day(3, 3), day(3, 8), "仲裁时效届满", 5, day(3, 6)));
        assertThat(summary(id).urgentAid()).isTrue();
        assertThat(row(id).get("URGENT_AID")).isEqualTo(true);
        assertThat(summary(id).nextDeadline()).as("earlier than the decision on 03-09").isEqualTo(day(3, 6));

        happen(log, new LawyerAssignmentOverdueEvent(id, day(3, 6)));
        assertThat(summary(id).overdue()).isTrue();
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.APPLIED);

        happen(log, new LawyerAssignedEvent(id, "lawyer.zhou", "周律师", day(3, 7), null, false));
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isEqualTo(application.decisionDueOn());
        assertThat(summary(id).lawyerId()).isEqualTo("lawyer.zhou");

        happen(log, new LegalAidRejectedEvent(id, day(3, 8), "不符合经济困难标准", true, true));
        assertThat(summary(id).urgentAid()).as("ended by the rejection").isFalse();
        assertThat(summary(id).lawyerId()).isNull();
        assertThat(row(id).get("URGENT_AID")).isEqualTo(false);
    }

    @Test
    void an_objection_is_due_for_review_and_upheld_it_waits_for_a_lawyer() {
        LegalAidCaseId id = newId();
        LegalAidLog log = apply(application(id));
        happen(log, new LegalAidRejectedEvent(id, day(3, 6), "不符合条件", true, false));
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.REJECTED);
        assertThat(summary(id).nextDeadline()).isNull();
        assertThat(row(id).get("IS_OPEN")).isEqualTo(true);

        happen(log, new ObjectionLodgedEvent(id, day(3, 11), "收入计算有误", day(3, 16)),
                new ObjectionReviewOverdueEvent(id, day(3, 16)));
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.OBJECTION_UNDER_REVIEW);
        assertThat(summary(id).nextDeadline()).isEqualTo(day(3, 16));
        assertThat(summary(id).overdue()).isTrue();

        happen(log, new ObjectionUpheldEvent(id, day(3, 17), "扣除赡养支出后符合标准", false, day(3, 20)));
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.APPROVED);
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isEqualTo(day(3, 20));
    }

    @Test
    void a_dismissed_objection_closes_the_case() {
        LegalAidCaseId id = newId();
        LegalAidLog log = apply(application(id));
        happen(log, new LegalAidRejectedEvent(id, day(3, 6), "不符合条件", true, false),
                new ObjectionLodgedEvent(id, day(3, 11), "收入计算有误", day(3, 16)),
                new ObjectionDismissedEvent(id, day(3, 13), "维持原决定", true),
                new LegalAidCaseClosedEvent(id, LegalAidClosureReason.REJECTED, null));
        assertThat(summary(id).status()).isEqualTo(LegalAidStatus.CLOSED);
        assertThat(row(id).get("IS_OPEN")).isEqualTo(false);
        assertThat(row(id).get("LAST_SEQUENCE")).isEqualTo(4L);
    }

    @Nested
    class Filters {
        private LegalAidCaseId kunshan;

        @BeforeEach
        void casesAcrossDistrictsAndStages() {
            apply(application(newId()).caseNumber("LA-2026-000001"));
            LegalAidCaseId second = newId();
            LegalAidLog withLawyer = apply(application(second).caseNumber("LA-2026-000002").officer("officer.zhou"));
            happen(withLawyer, new LegalAidApprovedEvent(second, day(3, 3), true, null, true, day(3, 6)),
                    new LawyerAssignedEvent(second, "lawyer.wu", "吴律师", day(3, 4), null, true));
            kunshan = newId();
            LegalAidLog overdue = apply(application(kunshan).caseNumber("LA-2026-000003").district(District.KUNSHAN)
                    .organisation("szftu/kunshan").officer("officer.chen"));
            happen(overdue, new DecisionOverdueEvent(kunshan, day(3, 9)));
        }

        @Test
        void the_status_filter_lists_only_cases_in_that_status() {
            assertThat(caseNumbers(list(CITY, LegalAidStatus.APPLIED, null, null, null, 0, 20)))
                    .containsExactly("LA-2026-000003", "LA-2026-000001");
            assertThat(caseNumbers(list(CITY, LegalAidStatus.LAWYER_ASSIGNED, null, null, null, 0, 20)))
                    .containsExactly("LA-2026-000002");
            assertThat(list(CITY, LegalAidStatus.CLOSED, null, null, null, 0, 20).totalItems()).isZero();
        }

        @Test
        void the_district_filter_lists_only_cases_of_that_district() {
            assertThat(caseNumbers(list(CITY, null, District.KUNSHAN, null, null, 0, 20)))
                    .containsExactly("LA-2026-000003");
            assertThat(list(CITY, null, District.TAICANG, null, null, 0, 20).items()).isEmpty();
        }

        @Test
        void the_officer_filter_matches_the_officer_in_charge_or_the_lawyer() {
            assertThat(caseNumbers(list(CITY, null, null, "officer.li", null, 0, 20))).containsExactly("LA-2026-000001");
            assertThat(caseNumbers(list(CITY, null, null, "lawyer.wu", null, 0, 20))).containsExactly("LA-2026-000002");
            assertThat(caseNumbers(list(CITY, null, null, "officer.zhou", null, 0, 20)))
                    .containsExactly("LA-2026-000002");
            assertThat(list(CITY, null, null, "nobody", null, 0, 20).items()).isEmpty();
        }

        @Test
        void the_overdue_filter_separates_overdue_cases_from_the_others() {
            assertThat(caseNumbers(list(CITY, null, null, null, true, 0, 20))).containsExactly("LA-2026-000003");
            assertThat(caseNumbers(list(CITY, null, null, null, false, 0, 20)))
                    .containsExactly("LA-2026-000002", "LA-2026-000001");
        }

        @Test
        void filters_combine() {
            assertThat(caseNumbers(list(CITY, LegalAidStatus.APPLIED, District.GUSU, "officer.li", false, 0, 20)))
                    .containsExactly("LA-2026-000001");
            assertThat(list(CITY, LegalAidStatus.APPLIED, District.GUSU, null, true, 0, 20).totalItems()).isZero();
            assertThat(list(new OrganisationId("szftu/gusu"), null, null, "officer.chen", null, 0, 20).totalItems())
                    .as("officer.chen's case is Kunshan's").isZero();
        }
    }

    @Nested
    class OrganisationVisibility {
        @BeforeEach
        void casesAcrossTheFederation() {
            apply(application(newId()).caseNumber("LA-2026-000001").organisation("szftu"));
            apply(application(newId()).caseNumber("LA-2026-000002").organisation("szftu/gusu"));
            apply(application(newId()).caseNumber("LA-2026-000003").organisation("szftu/gusu/pingjiang"));
            apply(application(newId()).caseNumber("LA-2026-000004").organisation("szftu/kunshan"));
            apply(application(newId()).caseNumber("LA-2026-000005").organisation("szftu-other/gusu"));
        }

        @ParameterizedTest(name = "viewer {0} sees {1}")
        @CsvSource(delimiter = '|', value = {
                "szftu                | LA-2026-000004,LA-2026-000003,LA-2026-000002,LA-2026-000001",
                "szftu/gusu           | LA-2026-000003,LA-2026-000002",
                "szftu/gusu/pingjiang | LA-2026-000003",
                "szftu/kunshan        | LA-2026-000004",
                "szftu/gu             | ''",
                "szftu-other          | LA-2026-000005",
                "szft                 | ''",
        })
        void a_viewer_sees_its_own_organisation_and_those_below_it_by_whole_path_segments(String viewer,
                                                                                        String expected) {
            List<String> expectedCases = expected.isEmpty() ? List.of() : List.of(expected.split(","));
            LegalAidCasePage page = list(new OrganisationId(viewer), null, null, null, null, 0, 20);
            assertThat(caseNumbers(page)).containsExactlyElementsOf(expectedCases);
            assertThat(page.totalItems()).isEqualTo(expectedCases.size());
        }
    }

    @Nested
    class Paging {
        @BeforeEach
        void fiveCases() {
            apply(application(newId()).caseNumber("LA-2026-000001").appliedOn(day(3, 1)));
            apply(application(newId()).caseNumber("LA-2026-000002").appliedOn(day(3, 5)));
            apply(application(newId()).caseNumber("LA-2026-000003").appliedOn(day(3, 5)));
            apply(application(newId()).caseNumber("LA-2026-000004").appliedOn(day(3, 2)));
            apply(application(newId()).caseNumber("LA-2026-000005").appliedOn(day(2, 27)));
        }

        @Test
        void cases_are_ordered_by_application_date_newest_first_then_by_case_number_descending() {
            assertThat(caseNumbers(list(CITY, null, null, null, null, 0, 200))).containsExactly(
                    "LA-2026-000003", "LA-2026-000002", "LA-2026-000004", "LA-2026-000001", "LA-2026-000005");
        }

        @Test
        void pages_split_the_ordered_list_and_report_the_total() {
            LegalAidCasePage first = list(CITY, null, null, null, null, 0, 2);
            assertThat(caseNumbers(first)).containsExactly("LA-2026-000003", "LA-2026-000002");
            assertThat(first.totalItems()).isEqualTo(5);
            assertThat(first.totalPages()).isEqualTo(3);
            assertThat(caseNumbers(list(CITY, null, null, null, null, 1, 2)))
                    .containsExactly("LA-2026-000004", "LA-2026-000001");
            LegalAidCasePage last = list(CITY, null, null, null, null, 2, 2);
            assertThat(caseNumbers(last)).containsExactly("LA-2026-000005");
            assertThat(last.page()).isEqualTo(2);
        }

        @Test
        void a_page_beyond_the_end_is_empty_but_still_reports_the_total() {
            LegalAidCasePage beyond = list(CITY, null, null, null, null, 3, 2);
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.totalItems()).isEqualTo(5);
        }
    }

    @Nested
    class Idempotency {
        @Test
        void delivering_every_event_again_changes_no_row() {
            LegalAidCaseId id = newId();
            LegalAidLog log = apply(application(id));
            happen(log, new MissingMaterialsRequestedEvent(id, day(3, 4), List.of("工资条"), day(3, 13), 2),
                    new MissingMaterialsReceivedEvent(id, day(3, 12), null, true, day(3, 17)),
                    new LegalAidApprovedEvent(id, day(3, 13), false, new MeansTestResult(true, "低保证"), true,
                            day(3, 16)));
            List<Map<String, Object>> before = database.jdbc().queryForList("SELECT * FROM legal_aid_list");

            log.deliverTo(LegalAidListProjectionTest.this::deliver);

            assertThat(database.jdbc().queryForList("SELECT * FROM legal_aid_list")).isEqualTo(before);
        }

        @Test
        void a_late_redelivery_of_an_event_already_applied_does_not_roll_the_case_back() {
            LegalAidCaseId id = newId();
            LegalAidLog log = apply(application(id));
            happen(log, new LegalAidApprovedEvent(id, day(3, 3), true, null, true, day(3, 6)),
                    new LawyerAssignedEvent(id, "lawyer.zhou", "周律师", day(3, 4), null, true));
            Map<String, Object> before = row(id);

            Recorded approved = log.event(1);
            projection.on((LegalAidApprovedEvent) approved.payload(), approved.sequence(),
                    approved.at().plusSeconds(3600));
            deliver(log.event(0));

            assertThat(row(id)).isEqualTo(before);
            assertThat(summary(id).status()).isEqualTo(LegalAidStatus.LAWYER_ASSIGNED);
        }
    }

    @Test
    void the_last_change_is_stored_as_the_exact_instant_whatever_the_database_time_zone() {
        ReadModelDatabase newYork = ReadModelDatabase.create("America/New_York");
        try {
            LegalAidListProjection projection = new LegalAidListProjection(newYork.jdbc());
            LegalAidCaseId id = newId();
            // 06:30Z is the second 01:30 local time on the day New York's clocks go back.
            Instant at = Instant.parse("2026-11-01T06:30:00Z");
            projection.on(application(id).employer(new Employer("某厂", null)).build(), 0, at);
            OffsetDateTime stored = newYork.jdbc().queryForObject(
                    "SELECT last_changed_at FROM legal_aid_list", OffsetDateTime.class);
            assertThat(stored.toInstant()).isEqualTo(at);
        } finally {
            newYork.shutdown();
        }
    }
}

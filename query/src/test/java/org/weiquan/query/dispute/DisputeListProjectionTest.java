package org.weiquan.query.dispute;

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
import org.weiquan.api.dispute.AwardOutcome;
import org.weiquan.api.dispute.ClosureReason;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.DisputePage;
import org.weiquan.api.dispute.DisputeQueries.ListDisputesQuery;
import org.weiquan.api.dispute.DisputeStatus;
import org.weiquan.api.dispute.DisputeSummary;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAcceptanceOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationPeriodExtendedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.CollectiveDisputeAlertRaisedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeClosedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeReferredToArbitrationEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationFailedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationPeriodExpiredEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediationSessionRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.MediatorAssignedEvent;
import org.weiquan.api.dispute.Mediator;
import org.weiquan.api.dispute.LabourDisputeEvent.PaymentRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementPaymentOverdueEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.SettlementReachedEvent;
import org.weiquan.query.support.DisputeLog;
import org.weiquan.query.support.DisputeLog.Filing;
import org.weiquan.query.support.DisputeLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.query.support.DisputeLog.filing;
import static org.weiquan.query.support.DisputeLog.newId;

class DisputeListProjectionTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00Z");
    private static final OrganisationId CITY = new OrganisationId("szftu");

    private ReadModelDatabase database;
    private DisputeListProjection projection;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        projection = new DisputeListProjection(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private void deliver(Recorded recorded) {
        projection.on(recorded.payload(), recorded.sequence(), recorded.at());
    }

    private DisputeLog file(Filing filing) {
        DisputeLog log = DisputeLog.of(filing.build().disputeId(), START).append(filing.build());
        log.deliverTo(this::deliver);
        return log;
    }

    /** Appends the events to the log and delivers just those. */
    private void happen(DisputeLog log, LabourDisputeEvent... events) {
        int before = log.events().size();
        log.append(events);
        log.events().subList(before, log.events().size()).forEach(this::deliver);
    }

    private DisputePage list(OrganisationId viewer, DisputeStatus status, District district, String officer,
                             Boolean overdue, int page, int size) {
        return projection.handle(new ListDisputesQuery(viewer, status, district,
                officer == null ? null : new OfficerId(officer), overdue, page, size));
    }

    private List<String> caseNumbers(DisputePage page) {
        return page.items().stream().map(DisputeSummary::caseNumber).toList();
    }

    private DisputeSummary summary(DisputeId id) {
        return list(CITY, null, null, null, null, 0, 200).items().stream()
                .filter(s -> s.disputeId().equals(id.toString())).findFirst().orElseThrow();
    }

    @Test
    void a_filed_dispute_appears_with_the_lead_worker_name_masked() {
        DisputeId id = newId();
        Filing filing = filing(id).workers(new Worker("张小明", "320502199001011234", "13912345678"),
                new Worker("李四", "320502199202022345", null));
        file(filing);

        DisputeSummary summary = summary(id);
        assertThat(summary.disputeId()).isEqualTo(id.toString());
        assertThat(summary.caseNumber()).isEqualTo("LD-2026-000001");
        assertThat(summary.status()).isEqualTo(DisputeStatus.FILED);
        assertThat(summary.district()).isEqualTo("GUSU");
        assertThat(summary.organisation()).isEqualTo("szftu/gusu");
        assertThat(summary.category()).isEqualTo("WAGE_ARREARS");
        assertThat(summary.officerInCharge()).isEqualTo("officer.li");
        assertThat(summary.mediator()).isNull();
        assertThat(summary.leadWorkerMasked()).isEqualTo("张**");
        assertThat(summary.workerCount()).isEqualTo(2);
        assertThat(summary.employerName()).isEqualTo("苏州某某电子有限公司");
        assertThat(summary.collective()).isFalse();
        assertThat(summary.overdue()).isFalse();
        assertThat(summary.nextDeadline()).isEqualTo(filing.mediationDueOn());
        assertThat(summary.appliedOn()).isEqualTo(LocalDate.of(2026, 3, 2));

        Map<String, Object> row = database.rows("dispute_list").get(0);
        assertThat(row.get("PARTY_MASKED")).isEqualTo("张**");
        assertThat(row.get("WORKER_COUNT")).isEqualTo(2);
        assertThat(row.get("LAST_SEQUENCE")).isEqualTo(0L);
    }

    @Test
    void a_lead_worker_with_a_one_character_given_name_is_masked_to_one_star() {
        DisputeId id = newId();
        file(filing(id).workers(new Worker("王五", "320502199001011234", null)));

        assertThat(summary(id).leadWorkerMasked()).isEqualTo("王*");
    }

    @Test
    void the_collective_alert_marks_the_dispute_collective() {
        DisputeId id = newId();
        DisputeLog log = file(filing(id));
        happen(log, new CollectiveDisputeAlertRaisedEvent(id, new CaseNumber("LD-2026-000001"), 12, District.GUSU));

        assertThat(summary(id).collective()).isTrue();
    }

    @Test
    void status_follows_the_lifecycle_through_settlement_payment_and_closure() {
        DisputeId id = newId();
        Filing filing = filing(id);
        DisputeLog log = file(filing);
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.FILED);

        happen(log, new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)));
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.ACCEPTED);
        assertThat(summary(id).nextDeadline()).isEqualTo(filing.mediationDueOn());

        happen(log, new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null));
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.MEDIATING);
        assertThat(summary(id).mediator()).isEqualTo("mediator.sun");
        assertThat(summary(id).nextDeadline()).isEqualTo(filing.mediationDueOn());

        happen(log, new MediationSessionRecordedEvent(id, 1, LocalDate.of(2026, 3, 5), "first session"));
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.MEDIATING);

        LocalDate paymentDueOn = LocalDate.of(2026, 3, 31);
        happen(log, new SettlementReachedEvent(id, new BigDecimal("10000.00"), paymentDueOn, "pay in two parts"));
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.SETTLED);
        assertThat(summary(id).nextDeadline()).isEqualTo(paymentDueOn);
        assertThat(summary(id).overdue()).isFalse();

        happen(log, new PaymentRecordedEvent(id, new BigDecimal("4000.00"), LocalDate.of(2026, 3, 20),
                new BigDecimal("4000.00"), false));
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.SETTLED);

        happen(log, new PaymentRecordedEvent(id, new BigDecimal("6000.00"), LocalDate.of(2026, 3, 30),
                new BigDecimal("10000.00"), true));
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.PAID);
        assertThat(summary(id).nextDeadline()).isNull();

        happen(log, new DisputeClosedEvent(id, ClosureReason.RESOLVED, "paid in full"));
        DisputeSummary closed = summary(id);
        assertThat(closed.status()).isEqualTo(DisputeStatus.CLOSED);
        assertThat(closed.overdue()).isFalse();
        assertThat(closed.nextDeadline()).isNull();
        assertThat(database.rows("dispute_list")).singleElement()
                .satisfies(row -> assertThat(row.get("STATUS")).isEqualTo("CLOSED"))
                .satisfies(row -> assertThat(row.get("LAST_SEQUENCE")).isEqualTo(log.last().sequence()))
                .satisfies(row -> assertThat(row.get("NEXT_DEADLINE")).isNull())
                .satisfies(row -> assertThat(row.get("OVERDUE")).isEqualTo(false));
    }

    @Test
    void an_expired_mediation_period_makes_a_mediating_dispute_overdue_until_it_is_referred_to_arbitration() {
        DisputeId id = newId();
        Filing filing = filing(id);
        DisputeLog log = file(filing);
        happen(log, new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)),
                new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null));
        assertThat(list(CITY, null, null, null, true, 0, 20).items()).isEmpty();

        happen(log, new MediationPeriodExpiredEvent(id, filing.mediationDueOn()));
        DisputeSummary expired = summary(id);
        assertThat(expired.status()).isEqualTo(DisputeStatus.MEDIATING);
        assertThat(expired.overdue()).isTrue();
        assertThat(expired.nextDeadline()).isEqualTo(filing.mediationDueOn());
        assertThat(caseNumbers(list(CITY, null, null, null, true, 0, 20))).containsExactly("LD-2026-000001");
        assertThat(list(CITY, null, null, null, false, 0, 20).items()).isEmpty();

        LocalDate acceptanceDueOn = LocalDate.of(2026, 3, 23);
        happen(log, new DisputeReferredToArbitrationEvent(id, LocalDate.of(2026, 3, 18), "苏州市劳动人事争议仲裁委员会",
                acceptanceDueOn));
        DisputeSummary referred = summary(id);
        assertThat(referred.status()).isEqualTo(DisputeStatus.REFERRED_TO_ARBITRATION);
        assertThat(referred.overdue()).isFalse();
        assertThat(referred.nextDeadline()).isEqualTo(acceptanceDueOn);
        assertThat(list(CITY, null, null, null, true, 0, 20).items()).isEmpty();
        assertThat(caseNumbers(list(CITY, null, null, null, false, 0, 20))).containsExactly("LD-2026-000001");
        assertThat(database.rows("dispute_list").get(0).get("NEXT_DEADLINE"))
                .isEqualTo(java.sql.Date.valueOf(acceptanceDueOn));
    }

    @Test
    void overdue_and_next_deadline_follow_each_arbitration_stage() {
        DisputeId id = newId();
        DisputeLog log = file(filing(id));
        happen(log, new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)),
                new MediationFailedEvent(id, "employer refused"));
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.MEDIATION_FAILED);
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isNull();

        LocalDate acceptanceDueOn = LocalDate.of(2026, 3, 10);
        happen(log, new DisputeReferredToArbitrationEvent(id, LocalDate.of(2026, 3, 5), "苏州市劳动人事争议仲裁委员会",
                acceptanceDueOn), new ArbitrationAcceptanceOverdueEvent(id, acceptanceDueOn));
        assertThat(summary(id).overdue()).isTrue();
        assertThat(summary(id).nextDeadline()).isEqualTo(acceptanceDueOn);

        LocalDate awardDueOn = LocalDate.of(2026, 4, 25);
        happen(log, new ArbitrationAcceptedEvent(id, LocalDate.of(2026, 3, 11), "苏劳仲案字[2026]第123号", awardDueOn));
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.IN_ARBITRATION);
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isEqualTo(awardDueOn);

        happen(log, new ArbitrationAwardOverdueEvent(id, awardDueOn));
        assertThat(summary(id).overdue()).isTrue();
        assertThat(caseNumbers(list(CITY, null, null, null, true, 0, 20))).containsExactly("LD-2026-000001");

        LocalDate extendedDueOn = LocalDate.of(2026, 5, 10);
        happen(log, new ArbitrationPeriodExtendedEvent(id, 15, "complex evidence", extendedDueOn));
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isEqualTo(extendedDueOn);
        assertThat(list(CITY, null, null, null, true, 0, 20).items()).isEmpty();

        happen(log, new ArbitrationAwardRecordedEvent(id, LocalDate.of(2026, 5, 8), AwardOutcome.UPHELD,
                new BigDecimal("12000.50"), true));
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.AWARDED);
        assertThat(summary(id).overdue()).isFalse();
        assertThat(summary(id).nextDeadline()).isNull();
    }

    @Test
    void an_unpaid_settlement_is_overdue_until_it_is_paid_in_full() {
        DisputeId id = newId();
        DisputeLog log = file(filing(id));
        LocalDate paymentDueOn = LocalDate.of(2026, 3, 31);
        happen(log, new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)),
                new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null),
                new SettlementReachedEvent(id, new BigDecimal("10000.00"), paymentDueOn, "one payment"),
                new SettlementPaymentOverdueEvent(id, paymentDueOn, new BigDecimal("10000.00")));
        assertThat(summary(id).overdue()).isTrue();
        assertThat(summary(id).nextDeadline()).isEqualTo(paymentDueOn);

        happen(log, new PaymentRecordedEvent(id, new BigDecimal("3000.00"), LocalDate.of(2026, 4, 2),
                new BigDecimal("3000.00"), false));
        assertThat(summary(id).overdue()).isTrue();

        happen(log, new PaymentRecordedEvent(id, new BigDecimal("7000.00"), LocalDate.of(2026, 4, 3),
                new BigDecimal("10000.00"), true));
        assertThat(summary(id).status()).isEqualTo(DisputeStatus.PAID);
        assertThat(summary(id).overdue()).isFalse();
    }

    @Test
    void the_last_change_is_stored_as_the_exact_instant_whatever_the_database_time_zone() {
        ReadModelDatabase newYork = ReadModelDatabase.create("America/New_York");
        try {
            DisputeListProjection projection = new DisputeListProjection(newYork.jdbc());
            DisputeId id = newId();
            // 06:30Z is the second 01:30 local time on the day New York's clocks go back.
            DisputeLog log = DisputeLog.of(id, Instant.parse("2026-11-01T05:30:00Z")).append(filing(id).build(),
                    new DisputeAcceptedEvent(id, LocalDate.of(2026, 11, 1)));
            log.deliverTo(recorded -> projection.on(recorded.payload(), recorded.sequence(), recorded.at()));

            Object stored = newYork.rows("dispute_list").get(0).get("LAST_CHANGED_AT");
            assertThat(stored).isInstanceOf(java.time.OffsetDateTime.class);
            assertThat(((java.time.OffsetDateTime) stored).toInstant()).isEqualTo(log.last().at());
        } finally {
            newYork.shutdown();
        }
    }

    @Nested
    class Filters {
        private DisputeId gusuFiledByLi;
        private DisputeId gusuMediatedByLi;
        private DisputeId kunshanOverdue;
        private DisputeId wujiangClosed;

        @BeforeEach
        void fourDisputes() {
            gusuFiledByLi = newId();
            file(filing(gusuFiledByLi).caseNumber("LD-2026-000001").organisation("szftu/gusu")
                    .district(District.GUSU).officer("officer.li"));

            gusuMediatedByLi = newId();
            DisputeLog mediated = file(filing(gusuMediatedByLi).caseNumber("LD-2026-000002")
                    .organisation("szftu/gusu/pingjiang").district(District.GUSU).officer("officer.zhou"));
            happen(mediated, new DisputeAcceptedEvent(gusuMediatedByLi, LocalDate.of(2026, 3, 3)),
                    new MediatorAssignedEvent(gusuMediatedByLi, new Mediator(new OfficerId("officer.li"), "李明"), null));

            kunshanOverdue = newId();
            Filing kunshan = filing(kunshanOverdue).caseNumber("LD-2026-000003").organisation("szftu/kunshan")
                    .district(District.KUNSHAN).officer("officer.chen");
            DisputeLog overdue = file(kunshan);
            happen(overdue, new MediationPeriodExpiredEvent(kunshanOverdue, kunshan.mediationDueOn()));

            wujiangClosed = newId();
            DisputeLog closed = file(filing(wujiangClosed).caseNumber("LD-2026-000004").organisation("szftu/wujiang")
                    .district(District.WUJIANG).officer("officer.li"));
            happen(closed, new DisputeClosedEvent(wujiangClosed, ClosureReason.WITHDRAWN, "worker withdrew"));
        }

        @Test
        void no_filter_lists_every_dispute_the_viewer_may_see() {
            assertThat(caseNumbers(list(CITY, null, null, null, null, 0, 20)))
                    .containsExactly("LD-2026-000004", "LD-2026-000003", "LD-2026-000002", "LD-2026-000001");
        }

        @Test
        void the_status_filter_lists_only_disputes_in_that_status() {
            assertThat(caseNumbers(list(CITY, DisputeStatus.MEDIATING, null, null, null, 0, 20)))
                    .containsExactly("LD-2026-000002");
            assertThat(caseNumbers(list(CITY, DisputeStatus.FILED, null, null, null, 0, 20)))
                    .containsExactly("LD-2026-000003", "LD-2026-000001");
            assertThat(caseNumbers(list(CITY, DisputeStatus.CLOSED, null, null, null, 0, 20)))
                    .containsExactly("LD-2026-000004");
            assertThat(list(CITY, DisputeStatus.AWARDED, null, null, null, 0, 20).totalItems()).isZero();
        }

        @Test
        void the_district_filter_lists_only_disputes_of_that_district() {
            assertThat(caseNumbers(list(CITY, null, District.GUSU, null, null, 0, 20)))
                    .containsExactly("LD-2026-000002", "LD-2026-000001");
            assertThat(caseNumbers(list(CITY, null, District.KUNSHAN, null, null, 0, 20)))
                    .containsExactly("LD-2026-000003");
            assertThat(list(CITY, null, District.TAICANG, null, null, 0, 20).items()).isEmpty();
        }

        @Test
        void the_officer_filter_matches_the_officer_in_charge_or_the_mediator() {
            assertThat(caseNumbers(list(CITY, null, null, "officer.li", null, 0, 20)))
                    .containsExactly("LD-2026-000004", "LD-2026-000002", "LD-2026-000001");
            assertThat(caseNumbers(list(CITY, null, null, "officer.zhou", null, 0, 20)))
                    .containsExactly("LD-2026-000002");
            assertThat(list(CITY, null, null, "officer.nobody", null, 0, 20).items()).isEmpty();
        }

        @Test
        void the_overdue_filter_separates_overdue_disputes_from_the_others() {
            assertThat(caseNumbers(list(CITY, null, null, null, true, 0, 20))).containsExactly("LD-2026-000003");
            assertThat(caseNumbers(list(CITY, null, null, null, false, 0, 20)))
                    .containsExactly("LD-2026-000004", "LD-2026-000002", "LD-2026-000001");
        }

        @Test
        void filters_combine() {
            assertThat(caseNumbers(list(CITY, DisputeStatus.FILED, District.GUSU, "officer.li", false, 0, 20)))
                    .containsExactly("LD-2026-000001");
            assertThat(list(CITY, DisputeStatus.FILED, District.GUSU, null, true, 0, 20).totalItems()).isZero();
            assertThat(caseNumbers(list(new OrganisationId("szftu/gusu"), null, null, "officer.li", null, 0, 20)))
                    .containsExactly("LD-2026-000002", "LD-2026-000001");
        }
    }

    @Nested
    class OrganisationVisibility {
        @BeforeEach
        void disputesAcrossTheFederation() {
            file(filing(newId()).caseNumber("LD-2026-000001").organisation("szftu"));
            file(filing(newId()).caseNumber("LD-2026-000002").organisation("szftu/gusu"));
            file(filing(newId()).caseNumber("LD-2026-000003").organisation("szftu/gusu/pingjiang"));
            file(filing(newId()).caseNumber("LD-2026-000004").organisation("szftu/kunshan"));
            file(filing(newId()).caseNumber("LD-2026-000005").organisation("szftu-other/gusu"));
        }

        @ParameterizedTest(name = "viewer {0} sees {1}")
        @CsvSource(delimiter = '|', value = {
                "szftu                | LD-2026-000004,LD-2026-000003,LD-2026-000002,LD-2026-000001",
                "szftu/gusu           | LD-2026-000003,LD-2026-000002",
                "szftu/gusu/pingjiang | LD-2026-000003",
                "szftu/kunshan        | LD-2026-000004",
                "szftu/gu             | ''",
                "szftu/gusu/ping      | ''",
                "szftu-other          | LD-2026-000005",
                "szft                 | ''",
        })
        void a_viewer_sees_its_own_organisation_and_those_below_it_by_whole_path_segments(String viewer,
                                                                                        String expected) {
            List<String> expectedCases = expected.isEmpty() ? List.of() : List.of(expected.split(","));
            DisputePage page = list(new OrganisationId(viewer), null, null, null, null, 0, 20);
            assertThat(caseNumbers(page)).containsExactlyElementsOf(expectedCases);
            assertThat(page.totalItems()).isEqualTo(expectedCases.size());
        }

        @Test
        void a_sibling_organisation_does_not_see_the_other_s_disputes() {
            assertThat(caseNumbers(list(new OrganisationId("szftu/kunshan"), null, null, null, null, 0, 20)))
                    .doesNotContain("LD-2026-000002", "LD-2026-000003");
        }
    }

    @Nested
    class Paging {
        @BeforeEach
        void fiveDisputes() {
            file(filing(newId()).caseNumber("LD-2026-000001").appliedOn(LocalDate.of(2026, 3, 1)));
            file(filing(newId()).caseNumber("LD-2026-000002").appliedOn(LocalDate.of(2026, 3, 5)));
            file(filing(newId()).caseNumber("LD-2026-000003").appliedOn(LocalDate.of(2026, 3, 5)));
            file(filing(newId()).caseNumber("LD-2026-000004").appliedOn(LocalDate.of(2026, 3, 2)));
            file(filing(newId()).caseNumber("LD-2026-000005").appliedOn(LocalDate.of(2026, 2, 27)));
        }

        @Test
        void disputes_are_ordered_by_application_date_newest_first_then_by_case_number_descending() {
            assertThat(caseNumbers(list(CITY, null, null, null, null, 0, 200))).containsExactly(
                    "LD-2026-000003", "LD-2026-000002", "LD-2026-000004", "LD-2026-000001", "LD-2026-000005");
        }

        @Test
        void pages_split_the_ordered_list_and_report_the_total() {
            DisputePage first = list(CITY, null, null, null, null, 0, 2);
            assertThat(caseNumbers(first)).containsExactly("LD-2026-000003", "LD-2026-000002");
            assertThat(first.page()).isZero();
            assertThat(first.size()).isEqualTo(2);
            assertThat(first.totalItems()).isEqualTo(5);
            assertThat(first.totalPages()).isEqualTo(3);

            DisputePage second = list(CITY, null, null, null, null, 1, 2);
            assertThat(caseNumbers(second)).containsExactly("LD-2026-000004", "LD-2026-000001");
            assertThat(second.page()).isEqualTo(1);
            assertThat(second.totalItems()).isEqualTo(5);

            DisputePage last = list(CITY, null, null, null, null, 2, 2);
            assertThat(caseNumbers(last)).containsExactly("LD-2026-000005");
            assertThat(last.totalItems()).isEqualTo(5);
        }

        @Test
        void a_page_beyond_the_end_is_empty_but_still_reports_the_total() {
            DisputePage beyond = list(CITY, null, null, null, null, 3, 2);
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.totalItems()).isEqualTo(5);
            assertThat(beyond.page()).isEqualTo(3);
        }

        @Test
        void the_total_counts_only_the_filtered_disputes() {
            DisputePage page = list(new OrganisationId("szftu/kunshan"), null, null, null, null, 0, 2);
            assertThat(page.items()).isEmpty();
            assertThat(page.totalItems()).isZero();
        }
    }

    @Nested
    class Idempotency {
        @Test
        void delivering_every_event_again_changes_no_row() {
            DisputeId id = newId();
            DisputeLog log = file(filing(id));
            happen(log, new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)),
                    new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null),
                    new MediationPeriodExpiredEvent(id, LocalDate.of(2026, 3, 17)));
            List<Map<String, Object>> before = database.rows("dispute_list");

            log.deliverTo(DisputeListProjectionTest.this::deliver);

            assertThat(database.rows("dispute_list")).isEqualTo(before);
        }

        @Test
        void a_late_redelivery_of_an_event_already_applied_does_not_roll_the_dispute_back() {
            DisputeId id = newId();
            DisputeLog log = file(filing(id));
            happen(log, new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)),
                    new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null));
            List<Map<String, Object>> before = database.rows("dispute_list");

            Recorded assigned = log.last();
            projection.on(assigned.payload(), assigned.sequence(), assigned.at().plusSeconds(3600));
            Recorded accepted = log.event(1);
            projection.on(accepted.payload(), accepted.sequence(), accepted.at().plusSeconds(3600));
            Recorded filed = log.event(0);
            projection.on(filed.payload(), filed.sequence(), filed.at());

            assertThat(database.rows("dispute_list")).isEqualTo(before);
            assertThat(summary(id).status()).isEqualTo(DisputeStatus.MEDIATING);
        }
    }
}

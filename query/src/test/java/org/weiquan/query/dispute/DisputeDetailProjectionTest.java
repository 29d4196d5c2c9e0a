package org.weiquan.query.dispute;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.dispute.AwardOutcome;
import org.weiquan.api.dispute.ClosureReason;
import org.weiquan.api.dispute.DisputeCategory;
import org.weiquan.api.dispute.DisputeDetail;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.DisputeQueries.FindDisputeQuery;
import org.weiquan.api.dispute.DisputeStatus;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationAwardRecordedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.ArbitrationPeriodExtendedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeAcceptedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeClosedEvent;
import org.weiquan.api.dispute.LabourDisputeEvent.DisputeReferredToArbitrationEvent;
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

class DisputeDetailProjectionTest {
    private static final Instant START = Instant.parse("2026-03-02T01:30:00.123456Z");

    private ReadModelDatabase database;
    private DisputeDetailProjection projection;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        projection = new DisputeDetailProjection(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private void deliver(Recorded recorded) {
        projection.on(recorded.payload(), recorded.sequence(), recorded.at());
    }

    private DisputeDetail find(DisputeId id) {
        return projection.handle(new FindDisputeQuery(id));
    }

    private static DisputeLog settledPaidAndClosed(DisputeId id, Filing filing) {
        return DisputeLog.of(id, START).append(
                filing.build(),
                new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)),
                new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null),
                new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.wu"), "吴调解员"), new Mediator(new OfficerId("mediator.sun"), "孙调解员")),
                new MediationSessionRecordedEvent(id, 1, LocalDate.of(2026, 3, 5), "first session"),
                new MediationSessionRecordedEvent(id, 2, LocalDate.of(2026, 3, 9), "second session"),
                new SettlementReachedEvent(id, new BigDecimal("10000.00"), LocalDate.of(2026, 3, 31), "two parts"),
                new SettlementPaymentOverdueEvent(id, LocalDate.of(2026, 3, 31), new BigDecimal("10000.00")),
                new PaymentRecordedEvent(id, new BigDecimal("4000.00"), LocalDate.of(2026, 4, 1),
                        new BigDecimal("4000.00"), false),
                new PaymentRecordedEvent(id, new BigDecimal("6000.00"), LocalDate.of(2026, 4, 2),
                        new BigDecimal("10000.00"), true),
                new DisputeClosedEvent(id, ClosureReason.RESOLVED, "paid in full"));
    }

    @Test
    void the_detail_holds_the_whole_state_after_settlement_payment_and_closure() {
        DisputeId id = newId();
        Filing filing = filing(id).category(DisputeCategory.OVERTIME).filedAfterLimitation(true);
        DisputeLog log = settledPaidAndClosed(id, filing).deliverTo(this::deliver);

        DisputeDetail detail = find(id);

        assertThat(detail.disputeId()).isEqualTo(id.toString());
        assertThat(detail.caseNumber()).isEqualTo("LD-2026-000001");
        assertThat(detail.status()).isEqualTo(DisputeStatus.CLOSED);
        assertThat(detail.version()).isEqualTo(log.last().sequence()).isEqualTo(10L);
        assertThat(detail.organisation()).isEqualTo("szftu/gusu");
        assertThat(detail.district()).isEqualTo("GUSU");
        assertThat(detail.category()).isEqualTo(DisputeCategory.OVERTIME);
        assertThat(detail.workers()).containsExactly(
                new Worker("张小明", "320502199001011234", "13912345678"),
                new Worker("李四", "320502199202022345", "13812345678"));
        assertThat(detail.employer()).isEqualTo(new Employer("苏州某某电子有限公司", "91320500MA1XXXXX0X"));
        assertThat(detail.claim()).isEqualTo("拖欠三个月工资");
        assertThat(detail.claimedAmount()).isEqualTo(new BigDecimal("12000.50"));
        assertThat(detail.appliedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(detail.infringementKnownOn()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(detail.filedAfterLimitation()).isTrue();
        assertThat(detail.collective()).isFalse();
        assertThat(detail.officerInCharge()).isEqualTo("officer.li");
        assertThat(detail.mediator()).isEqualTo("mediator.wu");
        assertThat(detail.mediatorName()).isEqualTo("吴调解员");
        assertThat(detail.mediationSessions()).isEqualTo(2);
        assertThat(detail.mediationDueOn()).isEqualTo(filing.mediationDueOn());
        assertThat(detail.mediationPeriodExpired()).isFalse();
        assertThat(detail.settlementAmount()).isEqualTo(new BigDecimal("10000.00"));
        assertThat(detail.paymentDueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(detail.amountPaid()).isEqualTo(new BigDecimal("10000.00"));
        assertThat(detail.arbitrationCommission()).isNull();
        assertThat(detail.arbitrationCaseNumber()).isNull();
        assertThat(detail.awardOutcome()).isNull();
        assertThat(detail.closureReason()).isEqualTo(ClosureReason.RESOLVED);
        assertThat(detail.overdue()).isFalse();
        assertThat(detail.filedAt()).isEqualTo(log.event(0).at());
        assertThat(detail.lastChangedAt()).isEqualTo(log.last().at());

        assertThat(database.rows("dispute_detail")).singleElement().satisfies(row -> {
            assertThat(row.get("DISPUTE_ID")).isEqualTo(id.toString());
            assertThat(row.get("CASE_NUMBER")).isEqualTo("LD-2026-000001");
            assertThat(row.get("LAST_SEQUENCE")).isEqualTo(10L);
        });
    }

    @Test
    void the_detail_holds_the_arbitration_state_after_an_award() {
        DisputeId id = newId();
        Filing filing = filing(id);
        DisputeLog log = DisputeLog.of(id, START).append(
                filing.build(),
                new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)),
                new MediatorAssignedEvent(id, new Mediator(new OfficerId("mediator.sun"), "孙调解员"), null),
                new MediationPeriodExpiredEvent(id, filing.mediationDueOn()),
                new DisputeReferredToArbitrationEvent(id, LocalDate.of(2026, 3, 18), "苏州市劳动人事争议仲裁委员会",
                        LocalDate.of(2026, 3, 23)),
                new ArbitrationAcceptedEvent(id, LocalDate.of(2026, 3, 20), "苏劳仲案字[2026]第123号",
                        LocalDate.of(2026, 5, 4)),
                new ArbitrationPeriodExtendedEvent(id, 15, "complex evidence", LocalDate.of(2026, 5, 19)),
                new ArbitrationAwardRecordedEvent(id, LocalDate.of(2026, 5, 15), AwardOutcome.PARTIALLY_UPHELD,
                        new BigDecimal("8000.25"), true))
                .deliverTo(this::deliver);

        DisputeDetail detail = find(id);

        assertThat(detail.status()).isEqualTo(DisputeStatus.AWARDED);
        assertThat(detail.version()).isEqualTo(7L).isEqualTo(log.last().sequence());
        assertThat(detail.mediationPeriodExpired()).isTrue();
        assertThat(detail.arbitrationCommission()).isEqualTo("苏州市劳动人事争议仲裁委员会");
        assertThat(detail.arbitrationAcceptanceDueOn()).isEqualTo(LocalDate.of(2026, 3, 23));
        assertThat(detail.arbitrationCaseNumber()).isEqualTo("苏劳仲案字[2026]第123号");
        assertThat(detail.awardDueOn()).isEqualTo(LocalDate.of(2026, 5, 19));
        assertThat(detail.awardPeriodExtended()).isTrue();
        assertThat(detail.awardOutcome()).isEqualTo(AwardOutcome.PARTIALLY_UPHELD);
        assertThat(detail.awardedAmount()).isEqualTo(new BigDecimal("8000.25"));
        assertThat(detail.amountPaid()).isEqualTo(new BigDecimal("0"));
        assertThat(detail.settlementAmount()).isNull();
        assertThat(detail.closureReason()).isNull();
        assertThat(detail.overdue()).isFalse();
    }

    @Test
    void the_detail_of_a_dispute_in_mediation_past_its_period_is_overdue() {
        DisputeId id = newId();
        Filing filing = filing(id);
        DisputeLog.of(id, START).append(filing.build(), new DisputeAcceptedEvent(id, LocalDate.of(2026, 3, 3)),
                new MediationPeriodExpiredEvent(id, filing.mediationDueOn())).deliverTo(this::deliver);

        DisputeDetail detail = find(id);
        assertThat(detail.status()).isEqualTo(DisputeStatus.ACCEPTED);
        assertThat(detail.overdue()).isTrue();
        assertThat(detail.version()).isEqualTo(2L);
    }

    @Test
    void the_version_follows_each_event_as_it_arrives() {
        DisputeId id = newId();
        DisputeLog log = settledPaidAndClosed(id, filing(id));
        for (Recorded recorded : log.events()) {
            deliver(recorded);
            assertThat(find(id).version()).isEqualTo(recorded.sequence());
            assertThat(find(id).lastChangedAt()).isEqualTo(recorded.at());
        }
    }

    @Test
    void an_unknown_dispute_is_not_found() {
        DisputeId known = newId();
        DisputeLog.of(known, START).append(filing(known).build()).deliverTo(this::deliver);

        assertThat(find(newId())).isNull();
        assertThat(find(known)).isNotNull();
    }

    @Test
    void disputes_are_kept_apart() {
        DisputeId first = newId();
        DisputeId second = newId();
        settledPaidAndClosed(first, filing(first)).deliverTo(this::deliver);
        DisputeLog.of(second, START).append(filing(second).caseNumber("LD-2026-000002").build())
                .deliverTo(this::deliver);

        assertThat(find(first).status()).isEqualTo(DisputeStatus.CLOSED);
        assertThat(find(second).status()).isEqualTo(DisputeStatus.FILED);
        assertThat(find(second).caseNumber()).isEqualTo("LD-2026-000002");
        assertThat(find(second).version()).isZero();
        assertThat(database.count("dispute_detail")).isEqualTo(2);
    }

    @Test
    void delivering_every_event_again_changes_nothing() {
        DisputeId id = newId();
        DisputeLog log = settledPaidAndClosed(id, filing(id)).deliverTo(this::deliver);
        List<Map<String, Object>> before = database.rows("dispute_detail");
        DisputeDetail detailBefore = find(id);

        log.deliverTo(this::deliver);
        Recorded closed = log.last();
        projection.on(closed.payload(), closed.sequence(), closed.at().plusSeconds(60));
        Recorded accepted = log.event(1);
        projection.on(accepted.payload(), accepted.sequence(), accepted.at().plusSeconds(60));

        assertThat(database.rows("dispute_detail")).isEqualTo(before);
        assertThat(find(id)).isEqualTo(detailBefore);
    }
}

package org.weiquan.query.legalaid;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.District;
import org.weiquan.api.legalaid.ActivityType;
import org.weiquan.api.legalaid.AidOutcome;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ActivityRecordedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ClosingReportSubmittedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.DecisionOverdueEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LawyerAssignedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidApprovedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidCaseClosedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.LegalAidRejectedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.MissingMaterialsRequestedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionLodgedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.ObjectionUpheldEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.OutcomeRecordedEvent;
import org.weiquan.api.legalaid.LegalAidCaseEvent.UrgentAidGrantedEvent;
import org.weiquan.api.legalaid.LegalAidCaseId;
import org.weiquan.api.legalaid.LegalAidClosureReason;
import org.weiquan.api.legalaid.MeansTestResult;
import org.weiquan.query.history.CaseHistoryProjection;
import org.weiquan.query.support.LegalAidLog;
import org.weiquan.query.support.LegalAidLog.Recorded;
import org.weiquan.query.support.ReadModelDatabase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.query.support.LegalAidLog.application;
import static org.weiquan.query.support.LegalAidLog.newId;

/** The legal-aid read models can be thrown away and rebuilt from the log: a replay gives what the live run gave. */
class LegalAidProjectionReplayTest {
    private static final Map<String, String> TABLES = Map.of("legal_aid_list", "legal_aid_case_id",
            "legal_aid_detail", "legal_aid_case_id", "case_history", "case_id, sequence_number");

    private ReadModelDatabase database;
    private LegalAidListProjection list;
    private LegalAidDetailProjection detail;
    private CaseHistoryProjection history;
    private List<Recorded> eventLog;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        list = new LegalAidListProjection(database.jdbc());
        detail = new LegalAidDetailProjection(database.jdbc());
        history = new CaseHistoryProjection(database.jdbc());
        eventLog = interleaved(completedCase(), objectionUpheld(), urgentAndOverdue(), awaitingMaterials());
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    private static LocalDate day(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private static LegalAidLog completedCase() {
        LegalAidCaseId id = newId();
        return LegalAidLog.of(id, Instant.parse("2026-03-02T01:30:00.000001Z")).append(
                application(id).caseNumber("LA-2026-000001").build(),
                new LegalAidApprovedEvent(id, day(3, 3), true, null, true, day(3, 6)),
                new LawyerAssignedEvent(id, "lawyer.zhou", "周律师", day(3, 4), null, true),
                new ActivityRecordedEvent(id, 1, ActivityType.CONSULTATION, day(3, 10), "首次咨询"),
                new OutcomeRecordedEvent(id, AidOutcome.SETTLED, day(4, 20), new BigDecimal("15000.00"), null),
                new ClosingReportSubmittedEvent(id, day(4, 25), "调解结案"),
                new LegalAidCaseClosedEvent(id, LegalAidClosureReason.COMPLETED, null),
                LegalAidLog.linkToPetition(id, "7d1f0e2a-9b3c-4c5d-8e6f-0a1b2c3d4e5f"));
    }

    private static LegalAidLog objectionUpheld() {
        LegalAidCaseId id = newId();
        return LegalAidLog.of(id, Instant.parse("2026-03-04T08:00:00Z")).append(
                application(id).caseNumber("LA-2026-000002").organisation("szftu/kunshan").district(District.KUNSHAN)
                        .migrantWorker(false).appliedOn(day(3, 4)).build(),
                new LegalAidRejectedEvent(id, day(3, 9), "不符合条件", true, false),
                new ObjectionLodgedEvent(id, day(3, 11), "收入计算有误", day(3, 16)),
                new ObjectionUpheldEvent(id, day(3, 13), "符合标准", true, day(3, 16)));
    }

    private static LegalAidLog urgentAndOverdue() {
        LegalAidCaseId id = newId();
        return LegalAidLog.of(id, Instant.parse("2026-03-01T02:00:00Z")).append(
                application(id).caseNumber("LA-2026-000003").appliedOn(day(3, 1)).build(),
                new UrgentAidGrantedEvent(id, day(3, 2), day(3, 6), "上诉期限届满", 4, day(3, 5)),
                new LawyerAssignedEvent(id, "lawyer.wu", "吴律师", day(3, 3), null, true),
                new DecisionOverdueEvent(id, day(3, 9)));
    }

    private static LegalAidLog awaitingMaterials() {
        LegalAidCaseId id = newId();
        return LegalAidLog.of(id, Instant.parse("2026-03-05T09:15:30Z")).append(
                application(id).caseNumber("LA-2026-000004").organisation("szftu/gusu/pingjiang").build(),
                new MissingMaterialsRequestedEvent(id, day(3, 5), List.of("工资条", "身份证复印件"), day(3, 20), 3));
    }

    /** The streams merged as the event store would deliver them: by timestamp. */
    private static List<Recorded> interleaved(LegalAidLog... logs) {
        List<Recorded> all = new ArrayList<>();
        for (LegalAidLog log : logs) all.addAll(log.events());
        all.sort(Comparator.comparing(Recorded::at));
        return all;
    }

    private List<EventMessageHandler> handlers() {
        return List.of(new AnnotationEventHandlerAdapter(list), new AnnotationEventHandlerAdapter(detail),
                new AnnotationEventHandlerAdapter(history));
    }

    /** Every event to every projection, through Axon's annotation handling as the processors do it. */
    private void deliverAll() throws Exception {
        List<EventMessageHandler> handlers = handlers();
        for (Recorded recorded : eventLog) {
            DomainEventMessage<Object> message = recorded.message();
            for (EventMessageHandler handler : handlers) {
                if (handler.canHandle(message)) handler.handle(message);
            }
        }
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> tables.put(table,
                database.jdbc().queryForList("SELECT * FROM " + table + " ORDER BY " + key)));
        return tables;
    }

    private long count(String table) {
        return database.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void each_reset_handler_empties_its_own_table_and_no_other() throws Exception {
        deliverAll();
        assertThat(count("legal_aid_list")).isEqualTo(4);
        assertThat(count("legal_aid_detail")).isEqualTo(4);
        assertThat(count("case_history")).isEqualTo(eventLog.size());

        list.reset();
        assertThat(count("legal_aid_list")).isZero();
        assertThat(count("legal_aid_detail")).isEqualTo(4);

        detail.reset();
        assertThat(count("legal_aid_detail")).isZero();
        assertThat(count("case_history")).isEqualTo(eventLog.size());
    }

    @Test
    void a_replay_after_reset_gives_exactly_the_rows_of_the_live_run() throws Exception {
        deliverAll();
        Map<String, List<Map<String, Object>>> live = snapshot();
        assertThat(live.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        for (EventMessageHandler handler : handlers()) {
            assertThat(handler.supportsReset()).isTrue();
            handler.prepareReset();
        }
        assertThat(TABLES.keySet()).allSatisfy(table -> assertThat(count(table)).isZero());
        deliverAll();

        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void a_replay_without_reset_changes_nothing() throws Exception {
        deliverAll();
        Map<String, List<Map<String, Object>>> live = snapshot();

        deliverAll();

        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void the_history_records_every_event_under_its_stable_name() throws Exception {
        deliverAll();
        List<String> types = database.jdbc().queryForList(
                "SELECT DISTINCT event_type FROM case_history ORDER BY event_type", String.class);
        assertThat(types).contains("legal-aid.applied", "legal-aid.approved", "legal-aid.urgent-aid-granted",
                "legal-aid.objection-upheld", "legal-aid.missing-materials-requested", "legal-aid.closed",
                "case.linked").allSatisfy(type -> assertThat(type).matches("(legal-aid|case)\\.[a-z-]+"));
    }
}

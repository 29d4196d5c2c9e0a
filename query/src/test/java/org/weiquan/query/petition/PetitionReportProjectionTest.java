package org.weiquan.query.petition;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessageHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.AnswerStage;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionEvent.CollectiveVisitAlertRaisedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionNotAcceptedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRegisteredEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionRepliedEvent;
import org.weiquan.api.petition.PetitionEvent.PetitionerRatingRecordedEvent;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.api.petition.PetitionSubject;
import org.weiquan.api.petition.SatisfactionRating;
import org.weiquan.api.report.MonthlyPetitionReport;
import org.weiquan.api.report.MonthlyPetitionReportQuery;
import org.weiquan.query.petition.PetitionLog.Recorded;
import org.weiquan.query.report.PetitionReportProjection;
import org.weiquan.query.support.ReadModelDatabase;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.weiquan.query.petition.PetitionEvents.accepted;
import static org.weiquan.query.petition.PetitionEvents.assigned;
import static org.weiquan.query.petition.PetitionEvents.reviewAnswered;
import static org.weiquan.query.petition.PetitionEvents.reviewRequested;
import static org.weiquan.query.petition.PetitionLog.newId;
import static org.weiquan.query.petition.PetitionLog.receipt;

/**
 * The monthly petition report counts a hand-made November 2026 whose figures are known: by channel,
 * subject and district, acceptance, on-time replies, satisfaction and repeat petitioners, within the
 * viewer's organisations; and its facts survive redelivery, reset and replay unchanged.
 */
class PetitionReportProjectionTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final OrganisationId CITY = new OrganisationId("szftu");
    private static final OrganisationId GUSU = new OrganisationId("szftu/gusu");
    /** Petitioner A's ID number ends in the check character X, written x on one petition. */
    private static final Worker A = new Worker("张甲", "32050219900101123X", "13912345678");
    private static final Worker A_LOWER_CASE = new Worker("张甲", "32050219900101123x", null);
    private static final Worker B = new Worker("李乙", "320502199202022345", "13812345678");
    private static final Worker C = new Worker("王丙", "320583198503031111", null);
    private static final Worker D = new Worker("赵丁", "320583198704042222", null);

    private ReadModelDatabase database;
    private PetitionReportProjection report;
    private List<Recorded> eventLog;

    @BeforeEach
    void setUp() {
        database = ReadModelDatabase.create();
        report = new PetitionReportProjection(database.jdbc());
        eventLog = interleaved(
                // November 2026
                letterRepliedOnTimeThenRatedTwice(), hotlineRepliedLate(), collectiveVisitNotAccepted(),
                letterNotYetRegistered(),
                // earlier and later petitions of the same people
                earlier("PT-2025-000001", LocalDate.of(2025, 11, 1), "szftu/gusu", District.GUSU, A_LOWER_CASE),
                earlier("PT-2026-000090", LocalDate.of(2026, 10, 31), "szftu/kunshan", District.KUNSHAN, B),
                earlier("PT-2025-000002", LocalDate.of(2025, 10, 31), "szftu/gusu", District.GUSU, C),
                earlier("PT-2026-000200", LocalDate.of(2026, 12, 1), "szftu/kunshan", District.KUNSHAN, D));
    }

    @AfterEach
    void tearDown() {
        database.shutdown();
    }

    /** P1: A's letter to Gusu; accepted, replied on time, rated SATISFIED, then DISSATISFIED with the review. */
    private static PetitionLog letterRepliedOnTimeThenRatedTwice() {
        PetitionId id = newId();
        return PetitionLog.of(id, Instant.parse("2026-11-02T01:00:00Z")).append(
                receipt(id).caseNumber("PT-2026-000101").receivedOn(LocalDate.of(2026, 11, 2)).petitioners(A).build(),
                registered(id, PetitionSubject.WAGE_ARREARS), assigned(id, "officer.zhou"), accepted(id),
                replied(id, true), rated(id, AnswerStage.REPLY, SatisfactionRating.SATISFIED), reviewRequested(id),
                reviewAnswered(id), rated(id, AnswerStage.REVIEW, SatisfactionRating.DISSATISFIED));
    }

    /** P2: B's call to the 12351 hotline in Gusu on the month's last day; replied late, BASICALLY_SATISFIED. */
    private static PetitionLog hotlineRepliedLate() {
        PetitionId id = newId();
        return PetitionLog.of(id, Instant.parse("2026-11-30T15:30:00Z")).append(
                receipt(id).caseNumber("PT-2026-000102").channel(PetitionChannel.HOTLINE_12351)
                        .receivedOn(LocalDate.of(2026, 11, 30)).petitioners(B).build(),
                registered(id, PetitionSubject.DISMISSAL), assigned(id, null), accepted(id), replied(id, false),
                rated(id, AnswerStage.REPLY, SatisfactionRating.BASICALLY_SATISFIED));
    }

    /** P3: C and D among eight visitors in Kunshan: a collective visit, not accepted. */
    private static PetitionLog collectiveVisitNotAccepted() {
        PetitionId id = newId();
        return PetitionLog.of(id, Instant.parse("2026-11-15T02:00:00Z")).append(
                receipt(id).caseNumber("PT-2026-000103").organisation("szftu/kunshan").district(District.KUNSHAN)
                        .visit(8, true).receivedOn(LocalDate.of(2026, 11, 15)).petitioners(C, D).build(),
                new CollectiveVisitAlertRaisedEvent(id, new CaseNumber("PT-2026-000103"), 8, District.KUNSHAN),
                registered(id, PetitionSubject.WAGE_ARREARS), assigned(id, null),
                new PetitionNotAcceptedEvent(id, LocalDate.of(2026, 11, 20), "已进入仲裁程序", true));
    }

    /** P4: A's second letter of the month, to a street union below Gusu; not registered yet. */
    private static PetitionLog letterNotYetRegistered() {
        PetitionId id = newId();
        return PetitionLog.of(id, Instant.parse("2026-11-20T03:00:00Z")).append(
                receipt(id).caseNumber("PT-2026-000104").organisation("szftu/gusu/pingjiang")
                        .receivedOn(LocalDate.of(2026, 11, 20)).petitioners(A).build());
    }

    private static PetitionLog earlier(String caseNumber, LocalDate receivedOn, String organisation,
                                       District district, Worker petitioner) {
        PetitionId id = newId();
        return PetitionLog.of(id, receivedOn.atStartOfDay().toInstant(ZoneOffset.ofHours(8))).append(
                receipt(id).caseNumber(caseNumber).organisation(organisation).district(district)
                        .receivedOn(receivedOn).petitioners(petitioner).build(),
                registered(id, PetitionSubject.OTHER), assigned(id, null), accepted(id));
    }

    private static PetitionRegisteredEvent registered(PetitionId id, PetitionSubject subject) {
        return new PetitionRegisteredEvent(id, LocalDate.of(2026, 11, 3), subject);
    }

    private static PetitionRepliedEvent replied(PetitionId id, boolean withinPeriod) {
        return new PetitionRepliedEvent(id, LocalDate.of(2026, 11, 25), "已答复", withinPeriod,
                LocalDate.of(2026, 12, 25));
    }

    private static PetitionerRatingRecordedEvent rated(PetitionId id, AnswerStage stage, SatisfactionRating rating) {
        return new PetitionerRatingRecordedEvent(id, stage, rating, LocalDate.of(2026, 11, 26), null);
    }

    /** The streams merged as the event store would deliver them: by timestamp. */
    private static List<Recorded> interleaved(PetitionLog... logs) {
        List<Recorded> all = new ArrayList<>();
        for (PetitionLog log : logs) all.addAll(log.events());
        all.sort(Comparator.comparing(Recorded::at));
        return all;
    }

    private void deliverAll() {
        eventLog.forEach(recorded -> report.on(recorded.payload(), recorded.sequence()));
    }

    private MonthlyPetitionReport november(OrganisationId viewer) {
        return report.handle(new MonthlyPetitionReportQuery(viewer, NOVEMBER));
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        tables.put("petition_report_fact", database.jdbc().queryForList(
                "SELECT * FROM petition_report_fact ORDER BY petition_id"));
        tables.put("petition_report_petitioner", database.jdbc().queryForList(
                "SELECT * FROM petition_report_petitioner ORDER BY petition_id, petitioner_key"));
        return tables;
    }

    @Test
    void the_city_report_counts_the_months_petitions_by_channel_subject_and_district() {
        deliverAll();

        MonthlyPetitionReport city = november(CITY);

        assertThat(city.month()).isEqualTo(NOVEMBER);
        assertThat(city.organisation()).isEqualTo("szftu");
        assertThat(city.totals()).isEqualTo(new MonthlyPetitionReport.Totals(4, 1, 1));
        assertThat(city.byChannel()).containsExactly(entry(PetitionChannel.HOTLINE_12351, 1L),
                entry(PetitionChannel.LETTER, 2L), entry(PetitionChannel.VISIT, 1L), entry(PetitionChannel.ONLINE, 0L));
        assertThat(city.bySubject()).hasSize(PetitionSubject.values().length)
                .containsEntry(PetitionSubject.WAGE_ARREARS, 2L).containsEntry(PetitionSubject.DISMISSAL, 1L)
                .containsEntry(PetitionSubject.OTHER, 0L);
        assertThat(city.bySubject().values().stream().mapToLong(Long::longValue).sum())
                .as("registered petitions").isEqualTo(3);
        assertThat(city.byDistrict()).hasSize(District.values().length)
                .containsEntry(District.GUSU, 3L).containsEntry(District.KUNSHAN, 1L)
                .containsEntry(District.WUJIANG, 0L);
    }

    @Test
    void the_city_report_gives_acceptance_on_time_reply_and_satisfaction_rates() {
        deliverAll();

        MonthlyPetitionReport city = november(CITY);

        assertThat(city.acceptance()).isEqualTo(new MonthlyPetitionReport.Acceptance(2, 1, 1));
        assertThat(city.acceptanceRate()).isEqualByComparingTo("0.6667");
        assertThat(city.replies()).isEqualTo(new MonthlyPetitionReport.Replies(2, 1, 1));
        assertThat(city.onTimeReplyRate()).isEqualByComparingTo("0.5");
        assertThat(city.satisfaction().rated()).as("first ratings only").isEqualTo(2);
        assertThat(city.satisfaction().byRating()).containsExactly(entry(SatisfactionRating.SATISFIED, 1L),
                entry(SatisfactionRating.BASICALLY_SATISFIED, 1L), entry(SatisfactionRating.DISSATISFIED, 0L));
        assertThat(city.satisfaction().satisfiedShare()).isEqualByComparingTo("0.5");
        assertThat(city.satisfaction().satisfiedOrBasicallySatisfiedShare()).isEqualByComparingTo("1");
    }

    @Test
    void a_repeat_petitioner_petitioned_in_the_twelve_months_before_the_month() {
        deliverAll();

        MonthlyPetitionReport.RepeatPetitioners repeats = november(CITY).repeatPetitioners();

        // A (earlier on 2025-11-01, the window's first day, ID number in lower case) and B (2026-10-31);
        // not C (2025-10-31, before the window), not D (only after the month).
        assertThat(repeats.petitioners()).as("A, B, C and D, A counted once").isEqualTo(4);
        assertThat(repeats.count()).isEqualTo(2);
        assertThat(repeats.share()).isEqualByComparingTo("0.5");
        assertThat(repeats.definition()).contains("12 calendar months before");
    }

    @Test
    void a_district_sees_only_the_petitions_of_its_organisations_and_those_below_it() {
        deliverAll();

        MonthlyPetitionReport gusu = november(GUSU);

        assertThat(gusu.totals()).isEqualTo(new MonthlyPetitionReport.Totals(3, 0, 1));
        assertThat(gusu.byDistrict()).containsEntry(District.GUSU, 3L).containsEntry(District.KUNSHAN, 0L);
        assertThat(gusu.acceptance()).isEqualTo(new MonthlyPetitionReport.Acceptance(2, 0, 1));
        assertThat(gusu.acceptanceRate()).isEqualByComparingTo("1");
        // B's earlier petition went to Kunshan, outside Gusu's view: only A is a repeat petitioner here.
        assertThat(gusu.repeatPetitioners().petitioners()).isEqualTo(2);
        assertThat(gusu.repeatPetitioners().count()).isEqualTo(1);
        assertThat(november(new OrganisationId("szftu/gusu/pingjiang")).totals().received()).isEqualTo(1);
        assertThat(november(new OrganisationId("szftu/gusu2")).totals().received())
                .as("a prefix that is not a parent").isZero();
    }

    @Test
    void a_month_without_petitions_has_zero_counts_and_no_rates() {
        deliverAll();

        MonthlyPetitionReport march = report.handle(new MonthlyPetitionReportQuery(CITY, YearMonth.of(2026, 3)));

        assertThat(march.totals()).isEqualTo(new MonthlyPetitionReport.Totals(0, 0, 0));
        assertThat(march.byChannel().values()).containsOnly(0L);
        assertThat(march.acceptanceRate()).isNull();
        assertThat(march.onTimeReplyRate()).isNull();
        assertThat(march.satisfaction().satisfiedShare()).isNull();
        assertThat(march.repeatPetitioners().share()).isNull();
    }

    @Test
    void no_id_number_is_stored_only_one_way_keys() {
        deliverAll();

        List<String> stored = new ArrayList<>();
        snapshot().values().forEach(rows -> rows.forEach(row -> row.values().forEach(v -> stored.add(String.valueOf(v)))));
        for (Worker petitioner : List.of(A, B, C, D)) {
            assertThat(stored).noneMatch(value -> value.toUpperCase().contains(petitioner.idNumber().substring(0, 17)));
        }
        assertThat(database.jdbc().queryForList("SELECT DISTINCT petitioner_key FROM petition_report_petitioner",
                String.class)).hasSize(4).allMatch(key -> key.matches("[0-9a-f]{64}"));
    }

    @Test
    void redelivered_events_change_nothing() {
        deliverAll();
        Map<String, List<Map<String, Object>>> live = snapshot();
        MonthlyPetitionReport liveReport = november(CITY);

        deliverAll();

        assertThat(snapshot()).isEqualTo(live);
        assertThat(november(CITY)).isEqualTo(liveReport);
    }

    @Test
    void a_replay_after_reset_gives_exactly_the_rows_of_the_live_run() {
        deliverAll();
        Map<String, List<Map<String, Object>>> live = snapshot();
        assertThat(live.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        report.reset();
        assertThat(snapshot().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        deliverAll();

        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void axon_invokes_the_handler_and_the_reset_handler_as_the_direct_calls_do() throws Exception {
        deliverAll();
        Map<String, List<Map<String, Object>>> direct = snapshot();
        EventMessageHandler handler = new AnnotationEventHandlerAdapter(report);

        assertThat(handler.supportsReset()).isTrue();
        handler.prepareReset();
        assertThat(snapshot().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        for (Recorded recorded : eventLog) {
            if (handler.canHandle(recorded.message())) handler.handle(recorded.message());
        }

        assertThat(snapshot()).isEqualTo(direct);
        assertThat(november(CITY).acceptanceRate()).isEqualTo(new BigDecimal("0.6667"));
    }
}

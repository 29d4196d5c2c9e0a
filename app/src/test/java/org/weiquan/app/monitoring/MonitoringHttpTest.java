package org.weiquan.app.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.Hazards;
import org.weiquan.app.support.HttpIntegrationTest;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ADMIN;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * Monitoring through the real application: counts, rates and the alert feed follow the cases filed
 * over HTTP, stay within the viewer's organisation, and a replay never raises an alert twice.
 */
class MonitoringHttpTest extends HttpIntegrationTest {
    private static final Duration ALERT_WITHIN = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_summary_counts_open_overdue_and_closed_cases_of_several_kinds_and_follows_a_closure() {
        JsonNode before = summary(SUPERVISOR_WANG, "");
        String closing = file(Disputes.filing()).path("disputeId").asText();
        file(Disputes.filing());
        report(Hazards.report());
        receivePetition(letter());

        await().atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode after = summary(SUPERVISOR_WANG, "");
            assertThat(delta(after, before, "byKind", "LABOUR_DISPUTE", "open")).isEqualTo(2);
            assertThat(delta(after, before, "byKind", "SAFETY_HAZARD", "open")).isEqualTo(1);
            assertThat(delta(after, before, "byKind", "PETITION", "open")).isEqualTo(1);
            assertThat(delta(after, before, "byDistrict", "GUSU", "open")).isEqualTo(4);
            assertThat(delta(after, before, "byOrganisation", "szftu/gusu", "open")).isEqualTo(4);
        });
        JsonNode opened = summary(SUPERVISOR_WANG, "");

        ApiResponse closed = api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(closing, "closure"),
                Disputes.closure("WITHDRAWN"));
        assertThat(closed.status()).as("%s", closed).isEqualTo(200);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode after = summary(SUPERVISOR_WANG, "");
            assertThat(delta(after, opened, "byKind", "LABOUR_DISPUTE", "open")).isEqualTo(-1);
            assertThat(delta(after, opened, "byKind", "LABOUR_DISPUTE", "closed")).isEqualTo(1);
            assertThat(delta(after, opened, "total", null, "closed")).isEqualTo(1);
        });
        JsonNode disputesOnly = summary(SUPERVISOR_WANG, "?kind=LABOUR_DISPUTE&district=GUSU&organisation=szftu/gusu");
        assertThat(disputesOnly.path("byKind").has("SAFETY_HAZARD")).isFalse();
        assertThat(disputesOnly.path("total").path("closed").asLong()).isPositive();
        // Kunshan's officer sees none of Gusu's cases, and cannot ask for them by name
        assertThat(summary(OFFICER_CHEN, "").path("byOrganisation").has("szftu/gusu")).isFalse();
        assertThat(summary(OFFICER_CHEN, "?organisation=szftu/gusu").path("total").path("open").asLong()).isZero();
        assertProblem(api.as(OFFICER_LI).get("/api/monitoring/summary?organisation=Not%20An%20Org"), 400,
                "invalid-request");
    }

    @Test
    void the_rates_count_mediation_outcomes_of_the_viewers_cases() {
        JsonNode before = rates(OFFICER_LI, "");
        String settled = file(Disputes.filing()).path("disputeId").asText();
        long version = step(settled, 0, "acceptance", Disputes.acceptance());
        version = step(settled, version, "mediator", Disputes.mediator("mediator.sun"));
        version = step(settled, version, "mediation-sessions", Disputes.session(4, "达成一致"));
        step(settled, version, "settlement", Disputes.settlement("8000.00"));
        String failed = file(Disputes.filing()).path("disputeId").asText();
        version = step(failed, 0, "acceptance", Disputes.acceptance());
        version = step(failed, version, "mediator", Disputes.mediator("mediator.sun"));
        step(failed, version, "mediation-failure", Disputes.mediationFailure());

        await().atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode after = rates(OFFICER_LI, "");
            JsonNode success = after.path("mediationSuccess");
            assertThat(success.path("achieved").asLong() - before.path("mediationSuccess").path("achieved").asLong())
                    .isEqualTo(1);
            assertThat(success.path("total").asLong() - before.path("mediationSuccess").path("total").asLong())
                    .isEqualTo(2);
        });
        JsonNode window = rates(ANALYST_ZHAO, "?from=" + Disputes.today() + "&to=" + Disputes.today() + "&district=GUSU");
        assertThat(window.path("mediationSuccess").path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(window.path("onTime").has("ARBITRATION_AWARD")).isTrue();
        assertThat(rates(OFFICER_CHEN, "").path("mediationSuccess").path("total").asLong()).isZero();
        assertProblem(api.as(OFFICER_LI).get("/api/monitoring/rates?from=2026-05-01&to=2026-04-01"), 400,
                "invalid-request");
    }

    @Test
    void a_collective_dispute_is_in_the_feed_within_seconds_and_only_for_its_organisation() {
        JsonNode filed = file(Disputes.filing(12));
        String caseNumber = filed.path("caseNumber").asText();

        JsonNode alert = awaitAlert(SUPERVISOR_WANG, caseNumber, "COLLECTIVE_DISPUTE", ALERT_WITHIN);

        assertThat(alert.path("kind").asText()).isEqualTo("LABOUR_DISPUTE");
        assertThat(alert.path("caseId").asText()).isEqualTo(filed.path("disputeId").asText());
        assertThat(alert.path("district").asText()).isEqualTo("GUSU");
        assertThat(alert.path("organisation").asText()).isEqualTo("szftu/gusu");
        assertThat(alert.path("messageEn").asText()).contains("12 workers");
        assertThat(alert.path("messageZh").asText()).contains("集体劳动争议");
        assertThat(alert.path("occurredAt").asText()).isNotBlank();
        assertThat(findAlert(OFFICER_LI, caseNumber, "COLLECTIVE_DISPUTE")).isNotNull();
        assertThat(findAlert(OFFICER_CHEN, caseNumber, "COLLECTIVE_DISPUTE")).as("Kunshan sees no Gusu alert").isNull();
        assertThat(api.as(OFFICER_CHEN).get("/api/alerts?size=200").json().path("items").findValuesAsText("organisation"))
                .allMatch(organisation -> organisation.startsWith("szftu/kunshan"));
    }

    @Test
    void a_collective_visit_and_a_major_hazard_are_alerted_too() {
        String visit = receivePetition(visit(8)).path("caseNumber").asText();
        String hazard = report(Hazards.report("MAJOR", Hazards.CREDIT_CODE)).path("caseNumber").asText();

        assertThat(awaitAlert(SUPERVISOR_WANG, visit, "COLLECTIVE_VISIT", ALERT_WITHIN).path("messageZh").asText())
                .contains("集体访");
        assertThat(awaitAlert(SUPERVISOR_WANG, hazard, "MAJOR_HAZARD", ALERT_WITHIN).path("kind").asText())
                .isEqualTo("SAFETY_HAZARD");
        JsonNode petitionsOnly = api.as(SUPERVISOR_WANG).get("/api/alerts?kind=PETITION&size=200").json();
        assertThat(petitionsOnly.path("items").findValuesAsText("kind")).containsOnly("PETITION");
    }

    @Test
    void a_replay_of_the_alerts_processor_raises_no_alert_twice() {
        ObjectNode collective = Disputes.filing(10);
        ((ObjectNode) collective.withArray("workers").get(0)).put("idNumber", Disputes.uniqueIdNumber());
        String caseNumber = file(collective).path("caseNumber").asText();
        awaitAlert(SUPERVISOR_WANG, caseNumber, "COLLECTIVE_DISPUTE", ALERT_WITHIN);
        // and a possible duplicate across organisations: Kunshan files for one of the same workers
        ObjectNode atKunshan = Disputes.filing().put("district", "KUNSHAN");
        atKunshan.withArray("workers").removeAll().add(collective.withArray("workers").get(0));
        ApiResponse duplicate = api.as(OFFICER_CHEN).post(Disputes.PATH, atKunshan);
        assertThat(duplicate.status()).as("%s", duplicate).isEqualTo(201);
        awaitAlert(SUPERVISOR_WANG, duplicate.json().path("caseNumber").asText(), "DUPLICATE_ACROSS_ORGANISATIONS",
                ALERT_WITHIN);
        long alertsBefore = alertRows();
        List<Map<String, Object>> rowsBefore = jdbc.queryForList("SELECT * FROM alert ORDER BY alert_id");

        ApiResponse replay = api.as(ADMIN).post("/api/admin/processors/alerts/replay", Map.of());

        assertThat(replay.status()).as("%s", replay).isEqualTo(202);
        await("the alerts replay finished").atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode processor = processor("alerts");
            assertThat(processor.path("running").asBoolean()).isTrue();
            assertThat(processor.path("error").asBoolean()).isFalse();
            assertThat(processor.path("replaying").asBoolean()).isFalse();
            assertThat(processor.path("position").asLong()).isEqualTo(processor.path("head").asLong());
        });
        // after the replay the processor is live again: a new collective dispute is alerted, once
        String after = file(Disputes.filing(11)).path("caseNumber").asText();
        awaitAlert(SUPERVISOR_WANG, after, "COLLECTIVE_DISPUTE", READ_SIDE);

        assertThat(alertRows()).isEqualTo(alertsBefore + 1);
        assertThat(jdbc.queryForList("SELECT * FROM alert WHERE case_number <> ? ORDER BY alert_id", after))
                .isEqualTo(rowsBefore);
        // one alert per case and type; a case with possible duplicates in several places, one per pair
        List<String> keys = jdbc.queryForList("SELECT case_id || '/' || alert_type || '/' || message_en FROM alert"
                + " WHERE alert_type <> ?", String.class, "DEADLINE_PASSED");
        assertThat(new HashSet<>(keys)).as("no duplicate alert").hasSize(keys.size());
    }

    @Test
    void open_cases_whose_next_deadline_is_near_are_listed_as_approaching() {
        String disputeId = file(Disputes.filing()).path("disputeId").asText();
        AtomicReference<LocalDate> next = new AtomicReference<>();
        await().atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode found = api.as(OFFICER_LI).get("/api/cases?kind=LABOUR_DISPUTE&size=200").json().path("items");
            for (JsonNode item : found) {
                if (item.path("caseId").asText().equals(disputeId)) next.set(LocalDate.parse(item.path("nextDeadline").asText()));
            }
            assertThat(next.get()).isNotNull();
        });
        long days = ChronoUnit.DAYS.between(Disputes.today(), next.get());
        assertThat(days).as("a new dispute's mediation is due in days to come").isPositive();

        JsonNode within = approaching(OFFICER_LI, days);
        JsonNode tooSoon = approaching(OFFICER_LI, days - 1);

        JsonNode listed = null;
        for (JsonNode item : within) if (item.path("caseId").asText().equals(disputeId)) listed = item;
        assertThat(listed).as("listed within %s days", days).isNotNull();
        assertThat(listed.path("type").asText()).isEqualTo("DEADLINE_APPROACHING");
        assertThat(listed.path("dueOn").asText()).isEqualTo(next.get().toString());
        assertThat(listed.path("messageZh").asText()).contains("还有" + days + "天");
        assertThat(tooSoon.findValuesAsText("caseId")).doesNotContain(disputeId);
        assertThat(approaching(OFFICER_CHEN, days).findValuesAsText("caseId")).doesNotContain(disputeId);
        assertThat(api.as(OFFICER_LI).get("/api/alerts").json().path("approaching").size()).isZero();
        assertProblem(api.as(OFFICER_LI).get("/api/alerts?dueWithinDays=-1"), 400, "validation-failed");
    }

    @Test
    void every_staff_role_reads_monitoring_and_anonymous_callers_do_not() {
        for (String user : List.of(OFFICER_LI, SUPERVISOR_WANG, ANALYST_ZHAO, ADMIN)) {
            assertThat(api.as(user).get("/api/monitoring/summary").status()).isEqualTo(200);
            assertThat(api.as(user).get("/api/monitoring/rates").status()).isEqualTo(200);
            assertThat(api.as(user).get("/api/alerts").status()).isEqualTo(200);
        }
        assertThat(api.anonymous().get("/api/alerts").status()).isEqualTo(401);
    }

    private JsonNode summary(String user, String query) {
        ApiResponse response = api.as(user).get("/api/monitoring/summary" + query);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private JsonNode rates(String user, String query) {
        ApiResponse response = api.as(user).get("/api/monitoring/rates" + query);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private JsonNode approaching(String user, long days) {
        ApiResponse response = api.as(user).get("/api/alerts?dueWithinDays=" + days);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json().path("approaching");
    }

    private static long delta(JsonNode after, JsonNode before, String group, String key, String count) {
        JsonNode a = key == null ? after.path(group) : after.path(group).path(key);
        JsonNode b = key == null ? before.path(group) : before.path(group).path(key);
        return a.path(count).asLong() - b.path(count).asLong();
    }

    private long step(String disputeId, long version, String transition, Object body) {
        ApiResponse response = api.as(OFFICER_LI).ifMatch(version).post(Disputes.path(disputeId, transition), body);
        assertThat(response.status()).as("%s %s", transition, response).isEqualTo(200);
        return response.json().path("version").asLong();
    }

    private JsonNode report(Object body) {
        ApiResponse response = api.as(OFFICER_LI).post(Hazards.PATH, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private JsonNode receivePetition(Object body) {
        ApiResponse response = api.as(OFFICER_LI).post("/api/petitions", body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private JsonNode awaitAlert(String user, String caseNumber, String type, Duration within) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await(type + " alert of " + caseNumber).atMost(within).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    found.set(findAlert(user, caseNumber, type));
                    assertThat(found.get()).isNotNull();
                });
        return found.get();
    }

    private JsonNode findAlert(String user, String caseNumber, String type) {
        ApiResponse response = api.as(user).get("/api/alerts?size=200&type=" + type);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        for (JsonNode item : response.json().path("items")) {
            if (item.path("caseNumber").asText().equals(caseNumber)) return item;
        }
        return null;
    }

    private long alertRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM alert", Long.class);
    }

    private JsonNode processor(String name) {
        for (JsonNode processor : api.as(ADMIN).get("/api/admin/processors").json()) {
            if (processor.path("name").asText().equals(name)) return processor;
        }
        throw new AssertionError("no processor " + name);
    }

    /** A letter received ten days ago (the petitions' own builder is package-private to their tests). */
    private static ObjectNode letter() {
        ObjectNode body = JSON.createObjectNode();
        body.put("district", "GUSU");
        body.put("channel", "LETTER");
        body.put("receivedOn", Disputes.daysAgo(10).toString());
        ArrayNode petitioners = body.putArray("petitioners");
        petitioners.addObject().put("name", "王信访").put("idNumber", Disputes.idNumber(700))
                .put("phone", "13912345678");
        body.putObject("employer").put("name", "苏州某精密机械有限公司")
                .put("creditCode", Disputes.creditCode("91320508MA1P2Q3R4"));
        body.put("claim", "公司拖欠工资, 请求工会协调 (" + UUID.randomUUID() + ")");
        return body;
    }

    private static ObjectNode visit(int visitors) {
        ObjectNode body = letter();
        body.put("channel", "VISIT").put("visitorCount", visitors);
        ((ArrayNode) body.get("petitioners")).addObject().put("name", "李来访").put("idNumber", Disputes.idNumber(701));
        return body;
    }
}

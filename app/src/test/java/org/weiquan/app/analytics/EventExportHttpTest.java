package org.weiquan.app.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Problems.assertProblem;

/** Analysts export the event stream as JSON Lines in which no worker can be recognised, but each can be followed. */
class EventExportHttpTest extends HttpIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_export_holds_every_event_with_stable_pseudonyms_and_no_personal_data() throws Exception {
        String idNumber = Disputes.idNumber(321);
        ObjectNode first = workerNamed("慕容晓梅", idNumber, "13700001111");
        ObjectNode second = workerNamed("慕容晓梅", idNumber, "13700001111");
        String one = file(first).path("disputeId").asText();
        String two = file(second).path("disputeId").asText();
        api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(one, "acceptance"), Disputes.acceptance());

        ApiResponse export = api.as(ANALYST_ZHAO).get("/api/analytics/events");

        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        assertThat(export.body()).doesNotContain(idNumber, "慕容晓梅", "13700001111", "officer.li", "127.0.0.1");
        List<JsonNode> lines = lines(export.body());
        assertThat(lines).hasSize((int) storedEvents());
        JsonNode filedOne = find(lines, one, "labour-dispute.filed");
        JsonNode filedTwo = find(lines, two, "labour-dispute.filed");
        String pseudonym = filedOne.path("data").path("workers").get(0).path("idNumber").asText();
        assertThat(pseudonym).startsWith("person-").hasSize("person-".length() + 16);
        assertThat(filedOne.path("data").path("workers").get(0).path("name").asText()).isEqualTo(pseudonym);
        assertThat(filedTwo.path("data").path("workers").get(0).path("idNumber").asText()).isEqualTo(pseudonym);
        assertThat(filedOne.path("data").path("workers").get(0).path("phone").asText()).startsWith("phone-");
        assertThat(filedOne.path("actor").asText()).startsWith("staff-");
        assertThat(filedOne.path("data").path("officerInCharge").asText()).isEqualTo(filedOne.path("actor").asText());
        assertThat(filedOne.path("actorRole").asText()).isEqualTo("OFFICER");
        assertThat(filedOne.path("data").path("employer").path("name").asText()).isEqualTo("苏州某电子有限公司");
        assertThat(find(lines, one, "labour-dispute.accepted").path("sequence").asLong()).isEqualTo(1);
    }

    @Test
    void finding_2_a_partys_name_and_numbers_typed_into_a_summary_reach_analysts_masked_in_a_window_after_the_filing() {
        String idNumber = Disputes.idNumber(322);
        String id = file(workerNamed("司马青云", idNumber, "13700002222")).path("disputeId").asText();
        api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(id, "acceptance"), Disputes.acceptance());
        api.as(OFFICER_LI).ifMatch(1).post(Disputes.path(id, "mediator"), Disputes.mediator("mediator.sun"));
        Instant afterFiling = Instant.now();
        ApiResponse session = api.as(OFFICER_LI).ifMatch(2).post(Disputes.path(id, "mediation-sessions"),
                Disputes.session(0, "司马青云称可回电13912345678，身份证" + idNumber + "，调解员mediator.sun在场"));
        assertThat(session.status()).as("%s", session).isEqualTo(200);

        ApiResponse export = api.as(ANALYST_ZHAO).get("/api/analytics/events?from=" + afterFiling);

        assertThat(export.body()).doesNotContain("司马青云", "13912345678", idNumber);
        JsonNode recorded = find(lines(export.body()), id, "labour-dispute.mediation-session-recorded");
        String person = find(lines(api.as(ANALYST_ZHAO).get("/api/analytics/events").body()), id, "labour-dispute.filed")
                .path("data").path("workers").get(0).path("idNumber").asText();
        assertThat(recorded.path("data").path("summary").asText())
                .isEqualTo(person + "称可回电[电话]，身份证[身份证号]，调解员mediator.sun在场");
    }

    @Test
    void a_time_window_exports_only_the_events_inside_it() {
        file(Disputes.filing());
        Instant between = Instant.now();
        String later = file(Disputes.filing()).path("disputeId").asText();

        List<JsonNode> lines = lines(api.as(ANALYST_ZHAO).get("/api/analytics/events?from=" + between).body());

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.path("caseId").asText()).isEqualTo(later));
        assertThat(lines(api.as(ANALYST_ZHAO).get("/api/analytics/events?to=" + between).body()))
                .noneMatch(line -> line.path("caseId").asText().equals(later));
    }

    @Test
    void only_analysts_and_administrators_export() {
        assertProblem(api.as(OFFICER_LI).get("/api/analytics/events"), 403, "forbidden");
        assertProblem(api.as(SUPERVISOR_WANG).get("/api/analytics/events"), 403, "forbidden");
        assertProblem(api.as(ANALYST_ZHAO).get("/api/analytics/events?from=2026-11-20&to=2026-11-01"), 400,
                "invalid-request");
    }

    private static ObjectNode workerNamed(String name, String idNumber, String phone) {
        ObjectNode body = Disputes.filing();
        body.withArray("workers").removeAll();
        body.withArray("workers").addObject().put("name", name).put("idNumber", idNumber).put("phone", phone);
        return body;
    }

    private static JsonNode find(List<JsonNode> lines, String caseId, String type) {
        return lines.stream().filter(l -> l.path("caseId").asText().equals(caseId) && l.path("eventType").asText().equals(type))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " of " + caseId));
    }

    private static List<JsonNode> lines(String body) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) continue;
            try {
                lines.add(JSON.readTree(line));
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return lines;
    }
}

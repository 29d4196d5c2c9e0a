package org.weiquan.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ADMIN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Problems.assertProblem;

/** An administrator resets a projection and it rebuilds, from the log, exactly what it had. */
class ProjectionReplayHttpTest extends HttpIntegrationTest {

    @Test
    void the_administrator_sees_every_projection_processor() {
        ApiResponse response = api.as(ADMIN).get("/api/admin/processors");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json().forEach(processor -> names.add(processor.path("name").asText()));
        assertThat(names).containsExactly("alerts", "case-history", "dispute-detail", "dispute-list", "hazard-detail",
                "hazard-list", "legal-aid-detail", "legal-aid-list", "monitoring", "petition-detail", "petition-list",
                "petition-report");
        response.json().forEach(processor -> {
            assertThat(processor.path("running").asBoolean()).isTrue();
            assertThat(processor.path("error").asBoolean()).isFalse();
            assertThat(processor.path("segments").asInt()).isPositive();
        });
    }

    @Test
    void replaying_the_dispute_list_rebuilds_the_same_rows_from_the_event_log() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(file(Disputes.filing()).path("disputeId").asText());
        long accepted = api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(ids.get(0)) + "/acceptance",
                Disputes.acceptance()).json().path("version").asLong();
        awaitDetail(ids.get(0), accepted);
        await().atMost(READ_SIDE).until(() -> listRows().size() >= 3
                && listRows().stream().anyMatch(row -> "ACCEPTED".equals(row.get("STATUS"))));
        List<Map<String, Object>> live = listRows();
        // Damage the read model: only a rebuild from the log can bring the live rows back.
        jdbc.update("UPDATE dispute_list SET status = 'DAMAGED', employer_name = 'damaged'");
        assertThat(listRows()).isNotEqualTo(live);

        ApiResponse replay = api.as(ADMIN).post("/api/admin/processors/dispute-list/replay", Map.of());

        assertThat(replay.status()).as("%s", replay).isEqualTo(202);
        await("the rebuilt dispute list").atMost(READ_SIDE).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(listRows()).isEqualTo(live));
        await("the replay finished and caught up").atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode list = processor("dispute-list");
            assertThat(list.path("running").asBoolean()).isTrue();
            assertThat(list.path("replaying").asBoolean()).isFalse();
            assertThat(list.path("lag").asLong()).isZero();
            assertThat(list.path("position").asLong()).isEqualTo(list.path("head").asLong());
        });
    }

    @Test
    void only_administrators_may_replay_and_an_unknown_processor_is_404() {
        assertProblem(api.as(OFFICER_LI).post("/api/admin/processors/dispute-list/replay", Map.of()), 403, "forbidden");
        assertProblem(api.as(ADMIN).post("/api/admin/processors/no-such-projection/replay", Map.of()), 404,
                "processor-not-found");
    }

    private JsonNode processor(String name) {
        for (JsonNode processor : api.as(ADMIN).get("/api/admin/processors").json()) {
            if (processor.path("name").asText().equals(name)) return processor;
        }
        throw new AssertionError("no processor " + name);
    }

    private List<Map<String, Object>> listRows() {
        return jdbc.queryForList("SELECT * FROM dispute_list ORDER BY dispute_id");
    }
}

package org.weiquan.app.hazard;

import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Hazards;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ADMIN;

/** An administrator resets a hazard projection and it rebuilds, from the log, exactly what it had. */
class HazardReplayHttpTest extends HazardHttpTest {

    @Test
    void replaying_the_hazard_list_and_detail_rebuilds_the_same_rows_from_the_event_log() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) ids.add(reportHazardId(Hazards.report()));
        advance(ids.get(0), "rectification-notice", Hazards.notice(5, 20), 0);
        advance(ids.get(0), "employer-answer", Hazards.answer(4), 1);
        awaitHazard(ids.get(0), 2);
        await().atMost(READ_SIDE).until(() -> rows("hazard_list").size() >= 3
                && rows("hazard_list").stream().anyMatch(row -> "RECTIFYING".equals(row.get("STATUS"))));
        List<Map<String, Object>> liveList = rows("hazard_list");
        List<Map<String, Object>> liveDetail = rows("hazard_detail");
        // Damage the read models: only a rebuild from the log can bring the live rows back.
        jdbc.update("UPDATE hazard_list SET status = 'DAMAGED', overdue = TRUE");
        jdbc.update("DELETE FROM hazard_detail WHERE hazard_id = ?", ids.get(1));
        assertThat(rows("hazard_list")).isNotEqualTo(liveList);

        for (String processor : List.of("hazard-list", "hazard-detail")) {
            ApiResponse replay = api.as(ADMIN).post("/api/admin/processors/" + processor + "/replay", Map.of());
            assertThat(replay.status()).as("%s", replay).isEqualTo(202);
        }

        await("the rebuilt hazard read models").atMost(READ_SIDE).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    assertThat(rows("hazard_list")).isEqualTo(liveList);
                    assertThat(rows("hazard_detail")).isEqualTo(liveDetail);
                });
    }

    private List<Map<String, Object>> rows(String table) {
        return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY hazard_id");
    }
}

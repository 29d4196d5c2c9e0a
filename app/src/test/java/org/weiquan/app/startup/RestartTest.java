package org.weiquan.app.startup;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.weiquan.app.NoPhoningHome;
import org.weiquan.app.WeiquanApplication;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.TestStores;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Disputes.path;

/**
 * Everything lives in the data directory: an application started again on it finds every case, its
 * detail and its whole history as they were, its deadlines still scheduled, and numbering continuing.
 */
class RestartTest {
    private static final Duration READ_SIDE = Duration.ofSeconds(15);

    static {
        NoPhoningHome.apply();
    }

    @Test
    void after_a_restart_on_the_same_data_directory_every_case_is_intact_and_numbering_continues() {
        Map<String, String> store = TestStores.fresh("restart");
        List<String> ids = new ArrayList<>();
        Map<String, JsonNode> details = new LinkedHashMap<>();
        Map<String, JsonNode> histories = new LinkedHashMap<>();
        long lastNumber;
        long deadlines;

        try (ConfigurableApplicationContext first = start(store)) {
            ApiClient api = new ApiClient(port(first));
            for (int i = 0; i < 3; i++) {
                ApiResponse filed = api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing(i == 2 ? 10 : 1));
                assertThat(filed.status()).as("%s", filed).isEqualTo(201);
                ids.add(filed.json().path("disputeId").asText());
            }
            String advanced = ids.get(0);
            assertThat(api.as(OFFICER_LI).ifMatch(0).post(path(advanced, "acceptance"), Disputes.acceptance()).status())
                    .isEqualTo(200);
            assertThat(api.as(OFFICER_LI).ifMatch(1).post(path(advanced, "mediator"), Disputes.mediator("mediator.sun"))
                    .status()).isEqualTo(200);

            Map<String, Integer> events = Map.of(ids.get(0), 3, ids.get(1), 1, ids.get(2), 2);
            for (String id : ids) {
                details.put(id, awaitDetail(api, id, events.get(id) - 1).json());
                histories.put(id, awaitHistory(api, id, events.get(id)));
            }
            lastNumber = details.values().stream().mapToLong(d -> sequenceOf(d.path("caseNumber").asText())).max()
                    .orElseThrow();
            deadlines = jdbc(first).queryForObject("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS", Long.class);
            assertThat(deadlines).as("a mediation deadline per case").isEqualTo(3);
        }

        try (ConfigurableApplicationContext second = start(store)) {
            ApiClient api = new ApiClient(port(second));
            for (String id : ids) {
                ApiResponse detail = api.as(OFFICER_LI).get(path(id));
                assertThat(detail.status()).as("%s", detail).isEqualTo(200);
                assertThat(detail.json()).isEqualTo(details.get(id));
                assertThat(detail.etagVersion()).isEqualTo(details.get(id).path("version").asLong());
                ApiResponse history = api.as(OFFICER_LI).get(path(id) + "/history");
                assertThat(history.status()).as("%s", history).isEqualTo(200);
                assertThat(history.json()).isEqualTo(histories.get(id));
            }
            assertThat(api.as(OFFICER_LI).get(Disputes.PATH).json().path("totalItems").asLong()).isEqualTo(3);
            assertThat(jdbc(second).queryForObject("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS", Long.class))
                    .as("deadlines survive the restart").isEqualTo(deadlines);

            ApiResponse next = api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing());
            assertThat(next.status()).as("%s", next).isEqualTo(201);
            assertThat(sequenceOf(next.json().path("caseNumber").asText())).isEqualTo(lastNumber + 1);

            String advanced = ids.get(0);
            ApiResponse session = api.as(OFFICER_LI).ifMatch(2).post(path(advanced, "mediation-sessions"),
                    Disputes.session(1, "重启后的调解"));
            assertThat(session.status()).as("the case goes on from its stored events: %s", session).isEqualTo(200);
            assertThat(session.etagVersion()).isEqualTo(3);
            assertThat(awaitHistory(api, advanced, 4)).hasSize(4);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, String> store) {
        return new SpringApplicationBuilder(WeiquanApplication.class)
                .run(TestStores.arguments(store, "--server.port=0"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class);
    }

    private static ApiResponse awaitDetail(ApiClient api, String id, long version) {
        return await().atMost(READ_SIDE).pollInterval(Duration.ofMillis(25))
                .until(() -> api.as(OFFICER_LI).get(path(id)),
                        r -> r.status() == 200 && r.json().path("version").asLong() == version);
    }

    private static JsonNode awaitHistory(ApiClient api, String id, int events) {
        return await().atMost(READ_SIDE).pollInterval(Duration.ofMillis(25))
                .until(() -> api.as(OFFICER_LI).get(path(id) + "/history"),
                        r -> r.status() == 200 && r.json().size() == events).json();
    }

    private static long sequenceOf(String caseNumber) {
        return Long.parseLong(caseNumber.substring(caseNumber.lastIndexOf('-') + 1));
    }
}

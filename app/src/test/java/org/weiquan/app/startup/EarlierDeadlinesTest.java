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
import org.weiquan.app.support.TestDataDirectories;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Disputes.path;

/**
 * Deadlines scheduled by the build before ADR 28 (a database it wrote, see
 * {@code earlier-database/README.md}) go on working: this build indexes them at start-up, a
 * transition cancels the one it makes moot, and one whose time came while the app was down fires.
 */
class EarlierDeadlinesTest {
    private static final String MEDIATING = "2d9302b5-0be3-4261-b43d-54a1fce48605";
    private static final String MEDIATING_DEADLINE = "deadline-2cf58cbc-9b25-4cb8-a889-30b7e2609fe3";
    private static final String FILED = "71bbb74e-ebf0-448c-842b-a0e3cd78ab9f";
    private static final String FILED_DEADLINE = "deadline-e89091a0-e833-4933-9c51-03925343beb8";

    static {
        NoPhoningHome.apply();
    }

    @Test
    void deadlines_of_a_database_written_before_are_indexed_cancelled_by_transitions_and_fire() throws Exception {
        Path directory = TestDataDirectories.fresh("earlier");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + directory + "/weiquan", "weiquan", "");
             Statement statement = connection.createStatement()) {
            statement.execute("RUNSCRIPT FROM 'classpath:/earlier-database/weiquan-5488a13.sql'");
            // the second case's mediation period ended while the app was down
            try (PreparedStatement due = connection.prepareStatement(
                    "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = ? WHERE JOB_NAME = ?")) {
                due.setLong(1, System.currentTimeMillis() - 1000);
                due.setString(2, FILED_DEADLINE);
                assertThat(due.executeUpdate()).isEqualTo(1);
            }
        }

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WeiquanApplication.class)
                .run("--weiquan.data-dir=" + directory, "--server.port=0")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            ApiClient api = new ApiClient(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            assertThat(jdbc.queryForList("SELECT scope_key FROM deadline_scope WHERE job_name = ?", String.class,
                    MEDIATING_DEADLINE)).containsExactly("LabourDispute/" + MEDIATING);

            ApiResponse settled = api.as(OFFICER_LI).ifMatch(3).post(path(MEDIATING, "settlement"),
                    Disputes.settlement("24000.00"));
            assertThat(settled.status()).as("%s", settled).isEqualTo(200);
            assertThat(jobsOf(jdbc, "mediation-period")).as("the earlier mediation deadline is cancelled")
                    .doesNotContain(MEDIATING_DEADLINE);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadline_scope WHERE scope_key = ?"
                    + " AND deadline_name = 'settlement-payment-due'", Long.class, "LabourDispute/" + MEDIATING)).isEqualTo(1);

            JsonNode history = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.as(OFFICER_LI).get(path(FILED) + "/history").json(), h -> h.size() == 2);
            assertThat(history.get(1).path("eventType").asText()).isEqualTo("labour-dispute.mediation-period-expired");
            assertThat(history.get(1).path("actor").asText()).isEqualTo("system");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(jobsOf(jdbc, "mediation-period")).doesNotContain(FILED_DEADLINE));
        }
    }

    private static List<String> jobsOf(JdbcTemplate jdbc, String deadline) {
        return new ArrayList<>(jdbc.queryForList("SELECT JOB_NAME FROM QRTZ_JOB_DETAILS WHERE JOB_GROUP = ?",
                String.class, deadline));
    }
}

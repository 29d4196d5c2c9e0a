package org.weiquan.app.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Problems.assertProblem;

/** A case as it stood at any instant, rebuilt from its events, and what changed between two instants. */
class PointInTimeHttpTest extends HttpIntegrationTest {

    @Test
    void a_case_as_of_each_of_its_events_is_the_state_right_after_that_event() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(id, "acceptance"), Disputes.acceptance());
        api.as(OFFICER_LI).ifMatch(1).post(Disputes.path(id, "mediator"), Disputes.mediator("mediator.sun"));
        JsonNode history = awaitHistory(id, 3);
        Instant filedAt = Instant.parse(history.get(0).path("occurredAt").asText());
        Instant acceptedAt = Instant.parse(history.get(1).path("occurredAt").asText());

        JsonNode atFiling = api.as(SUPERVISOR_WANG).get("/api/cases/" + id + "/as-of?at=" + filedAt).json();
        JsonNode atAcceptance = api.as(SUPERVISOR_WANG).get("/api/cases/" + id + "/as-of?at=" + acceptedAt).json();
        JsonNode now = api.as(SUPERVISOR_WANG).get("/api/cases/" + id + "/as-of?at=" + Instant.now()).json();

        assertThat(atFiling.path("status").asText()).isEqualTo("FILED");
        assertThat(atFiling.path("version").asLong()).isZero();
        assertThat(atAcceptance.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(atAcceptance.path("mediator").isNull()).isTrue();
        assertThat(now.path("status").asText()).isEqualTo("MEDIATING");
        // Rebuilt from the log, the present equals what the live projection shows.
        JsonNode live = awaitDetail(id, 2).json();
        assertThat(withoutTimes(now)).isEqualTo(withoutTimes(live));
        assertProblem(api.as(SUPERVISOR_WANG).get("/api/cases/" + id + "/as-of?at=" + filedAt.minusSeconds(1)),
                404, "case-not-found");
    }

    @Test
    void the_changes_between_two_instants_name_each_field_with_its_before_and_after() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(id, "acceptance"), Disputes.acceptance());
        api.as(OFFICER_LI).ifMatch(1).post(Disputes.path(id, "mediator"), Disputes.mediator("mediator.sun"));
        JsonNode history = awaitHistory(id, 3);
        Instant filedAt = Instant.parse(history.get(0).path("occurredAt").asText());

        JsonNode difference = api.as(OFFICER_LI).get("/api/cases/" + id + "/changes?from=" + filedAt + "&to=" + Instant.now())
                .json();

        Map<String, JsonNode> changes = new HashMap<>();
        difference.path("changes").forEach(change -> changes.put(change.path("field").asText(), change));
        assertThat(changes.get("status").path("before").asText()).isEqualTo("FILED");
        assertThat(changes.get("status").path("after").asText()).isEqualTo("MEDIATING");
        assertThat(changes.get("mediator").path("before").isNull()).isTrue();
        assertThat(changes.get("mediator").path("after").asText()).isEqualTo("mediator.sun");
        assertThat(changes).doesNotContainKey("caseNumber").doesNotContainKey("claim");
    }

    @Test
    void point_in_time_views_keep_the_same_access_rules_and_refuse_bad_instants() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        assertProblem(api.as(OFFICER_CHEN).get("/api/cases/" + id + "/as-of?at=" + Instant.now()), 404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).get("/api/cases/" + id + "/as-of?at=soon"), 400, "invalid-request");
        assertProblem(api.as(OFFICER_LI).get("/api/cases/" + id + "/changes?from=2026-11-20&to=2026-11-01"), 400,
                "invalid-request");
    }

    private static JsonNode withoutTimes(JsonNode detail) {
        var copy = detail.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(java.util.List.of("filedAt", "lastChangedAt"));
        return copy;
    }
}

package org.weiquan.app.hazard;

import com.fasterxml.jackson.databind.JsonNode;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Hazards;
import org.weiquan.app.support.HttpIntegrationTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HTTP tests of safety hazards: the shared application, with helpers for this kind's resources. */
abstract class HazardHttpTest extends HttpIntegrationTest {

    /** Reports the hazard as officer.li and returns the 201's body ({@code hazardId}, {@code caseNumber}). */
    protected JsonNode reportHazard(Object body) {
        ApiResponse response = api.as(ApiClient.OFFICER_LI).post(Hazards.PATH, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    protected String reportHazardId(Object body) {
        return reportHazard(body).path("hazardId").asText();
    }

    /** Sends the transition as officer.li at {@code version} and expects it to succeed at the next version. */
    protected long advance(String id, String transition, Object body, long version) {
        ApiResponse response = api.as(ApiClient.OFFICER_LI).ifMatch(version).post(Hazards.path(id, transition), body);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.etagVersion();
    }

    /** The hazard's detail as soon as the read side shows it at {@code version} (or later). */
    protected ApiResponse awaitHazard(String user, String id, long version) {
        AtomicReference<ApiResponse> seen = new AtomicReference<>();
        await("hazard " + id + " at version " + version).atMost(READ_SIDE).pollInterval(Duration.ofMillis(25))
                .untilAsserted(() -> {
                    ApiResponse response = api.as(user).get(Hazards.path(id));
                    seen.set(response);
                    assertThat(response.status()).as("%s", response).isEqualTo(200);
                    assertThat(response.json().path("version").asLong()).isGreaterThanOrEqualTo(version);
                });
        return seen.get();
    }

    protected ApiResponse awaitHazard(String id, long version) {
        return awaitHazard(ApiClient.OFFICER_LI, id, version);
    }

    /** The hazard's history as soon as it holds {@code events} entries. */
    protected JsonNode awaitHazardHistory(String id, int events) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await("history of " + id + " with " + events + " events").atMost(READ_SIDE)
                .pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
                    ApiResponse response = api.as(ApiClient.OFFICER_LI).get(Hazards.path(id) + "/history");
                    assertThat(response.status()).as("%s", response).isEqualTo(200);
                    seen.set(response.json());
                    assertThat(seen.get().size()).isGreaterThanOrEqualTo(events);
                });
        return seen.get();
    }

    protected static List<String> eventTypes(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.path("eventType").asText()));
        return types;
    }

    /** The ids of the hazards {@code user} sees in the list with this query string. */
    protected List<String> listedIds(String user, String query) {
        ApiResponse page = api.as(user).get(Hazards.PATH + "?size=200" + (query.isEmpty() ? "" : "&" + query));
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json().path("items").findValues("hazardId").stream().map(JsonNode::asText).toList();
    }
}

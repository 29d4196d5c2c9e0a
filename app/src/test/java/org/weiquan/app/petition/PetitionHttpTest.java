package org.weiquan.app.petition;

import org.weiquan.app.support.Petitions;
import com.fasterxml.jackson.databind.JsonNode;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.HttpIntegrationTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Problems.assertProblem;

/** What the petition HTTP tests share: receiving, advancing and reading petitions as a given user. */
abstract class PetitionHttpTest extends HttpIntegrationTest {

    /** Requests as {@code user}: a demo user, or one a test class configures with its own password. */
    protected ApiClient.Call as(String user) {
        return api.as(user);
    }

    /** Receives the petition as officer.li and returns the 201's body ({@code petitionId}, {@code caseNumber}). */
    protected JsonNode receive(Object body) {
        return receiveAs(OFFICER_LI, body);
    }

    protected JsonNode receiveAs(String user, Object body) {
        ApiResponse response = as(user).post(Petitions.PATH, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    /** Sends the transition with If-Match {@code version} and expects it to answer {@code version + 1}. */
    protected ApiResponse advance(String user, String id, String transition, Object body, long version) {
        ApiResponse response = as(user).ifMatch(version).post(Petitions.path(id, transition), body);
        assertThat(response.status()).as("%s %s", transition, response).isEqualTo(200);
        assertThat(response.json().path("petitionId").asText()).isEqualTo(id);
        return response;
    }

    protected ApiResponse advance(String id, String transition, Object body, long version) {
        return advance(OFFICER_LI, id, transition, body, version);
    }

    /** The petition's detail as {@code user} as soon as the read side shows it at {@code version} (or later). */
    protected ApiResponse awaitPetition(String user, String id, long version) {
        AtomicReference<ApiResponse> seen = new AtomicReference<>();
        await("detail of " + id + " at version " + version).atMost(READ_SIDE).pollInterval(Duration.ofMillis(25))
                .untilAsserted(() -> {
                    ApiResponse response = as(user).get(Petitions.path(id));
                    seen.set(response);
                    assertThat(response.status()).as("%s", response).isEqualTo(200);
                    assertThat(response.json().path("version").asLong()).isGreaterThanOrEqualTo(version);
                });
        return seen.get();
    }

    protected ApiResponse awaitPetition(String id, long version) {
        return awaitPetition(OFFICER_LI, id, version);
    }

    /** The petition's history as {@code user} as soon as it holds {@code events} entries. */
    protected JsonNode awaitPetitionHistory(String user, String id, int events) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await("history of " + id + " with " + events + " events").atMost(READ_SIDE)
                .pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
                    ApiResponse response = as(user).get(Petitions.path(id) + "/history");
                    assertThat(response.status()).as("%s", response).isEqualTo(200);
                    seen.set(response.json());
                    assertThat(seen.get().size()).isGreaterThanOrEqualTo(events);
                });
        return seen.get();
    }

    protected JsonNode awaitPetitionHistory(String id, int events) {
        return awaitPetitionHistory(OFFICER_LI, id, events);
    }

    /** The call is refused with this problem, and the event log and registry are unchanged by it. */
    protected JsonNode refusedWithoutStoring(Supplier<ApiResponse> call, int status, String code) {
        long eventsBefore = storedEvents();
        long casesBefore = registeredCases();
        JsonNode problem = assertProblem(call.get(), status, code);
        assertThat(storedEvents()).as("events stored by a refused request").isEqualTo(eventsBefore);
        assertThat(registeredCases()).as("cases registered by a refused request").isEqualTo(casesBefore);
        return problem;
    }

    protected static List<String> eventTypes(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(entry -> types.add(entry.path("eventType").asText()));
        return types;
    }
}

package org.weiquan.app.legalaid;

import org.weiquan.app.support.LegalAidCases;
import com.fasterxml.jackson.databind.JsonNode;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.HttpIntegrationTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.LegalAidCases.path;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Problems.assertProblem;

/** The legal-aid HTTP tests' shared steps: apply, advance with If-Match, and wait for the read side. */
abstract class LegalAidHttpTest extends HttpIntegrationTest {

    /** Applies as officer.li and returns the 201's body ({@code legalAidCaseId}, {@code caseNumber}). */
    protected JsonNode applyFor(Object body) {
        ApiResponse response = api.as(OFFICER_LI).post(LegalAidCases.PATH, body);
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    protected String applied(Object body) {
        return applyFor(body).path("legalAidCaseId").asText();
    }

    /** Sends the transition as officer.li at {@code version} and checks it answers {@code version + 1}. */
    protected ApiResponse advance(String id, String transition, Object body, long version) {
        ApiResponse response = api.as(OFFICER_LI).ifMatch(version).post(path(id, transition), body);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }

    /** The case's detail as soon as the read side shows it at {@code version} (or later). */
    protected ApiResponse awaitCase(String user, String id, long version) {
        return awaitCase(user, id, detail -> detail.path("version").asLong() >= version,
                "version " + version);
    }

    protected ApiResponse awaitCase(String id, long version) {
        return awaitCase(OFFICER_LI, id, version);
    }

    /** The case's detail as soon as it satisfies {@code condition}. */
    protected ApiResponse awaitCase(String user, String id, Predicate<JsonNode> condition, String what) {
        AtomicReference<ApiResponse> seen = new AtomicReference<>();
        await("detail of " + id + " with " + what).atMost(READ_SIDE).pollInterval(Duration.ofMillis(25))
                .untilAsserted(() -> {
                    ApiResponse response = api.as(user).get(path(id));
                    seen.set(response);
                    assertThat(response.status()).as("%s", response).isEqualTo(200);
                    assertThat(condition.test(response.json())).as("%s", response).isTrue();
                });
        return seen.get();
    }

    /** The case's history as soon as it holds {@code events} entries. */
    protected JsonNode awaitCaseHistory(String id, int events) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await("history of " + id + " with " + events + " events").atMost(READ_SIDE)
                .pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
                    ApiResponse response = api.as(ApiClient.OFFICER_LI).get(path(id) + "/history");
                    assertThat(response.status()).as("%s", response).isEqualTo(200);
                    seen.set(response.json());
                    assertThat(seen.get().size()).isGreaterThanOrEqualTo(events);
                });
        return seen.get();
    }

    /** The call is refused with this problem, and the event log and the registry are unchanged by it. */
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

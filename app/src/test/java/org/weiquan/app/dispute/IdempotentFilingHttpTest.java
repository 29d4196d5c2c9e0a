package org.weiquan.app.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * A retried create files nothing twice: the same {@code disputeId}, or the same user and
 * Idempotency-Key, answers the first result, also when the retries race each other.
 */
class IdempotentFilingHttpTest extends HttpIntegrationTest {
    private static final int RACERS = 8;

    @Test
    void filing_the_same_dispute_id_twice_answers_the_first_case_number_and_files_one_case() {
        String disputeId = UUID.randomUUID().toString();
        ObjectNode body = Disputes.filing().put("disputeId", disputeId);

        ApiResponse first = api.as(OFFICER_LI).post(Disputes.PATH, body);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(first.json().path("disputeId").asText()).isEqualTo(disputeId);
        long events = storedEvents();
        long cases = registeredCases();

        ApiResponse retry = api.as(OFFICER_LI).post(Disputes.PATH, body);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));

        assertThat(storedEvents()).isEqualTo(events);
        assertThat(registeredCases()).isEqualTo(cases);
        assertThat(casesWithId(disputeId)).isEqualTo(1);
        assertThat(awaitHistory(disputeId, 1)).hasSize(1);
    }

    @Test
    void the_same_dispute_id_with_a_different_request_is_refused_with_409_idempotency_conflict() {
        String disputeId = UUID.randomUUID().toString();
        file(Disputes.filing().put("disputeId", disputeId));

        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Disputes.PATH,
                Disputes.filing().put("disputeId", disputeId)), 409, "idempotency-conflict");
    }

    @Test
    void the_same_dispute_id_and_request_from_another_organisation_is_a_conflict_and_reveals_nothing_of_the_case() {
        String disputeId = UUID.randomUUID().toString();
        ObjectNode body = Disputes.filing().put("disputeId", disputeId);
        String caseNumber = file(body).path("caseNumber").asText();

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_CHEN).post(Disputes.PATH, body), 409,
                "idempotency-conflict");
        assertThat(problem.toString()).doesNotContain(caseNumber);
    }

    @Test
    void retrying_with_the_same_idempotency_key_answers_the_first_result() {
        String key = "file-" + UUID.randomUUID();
        ObjectNode body = Disputes.filing(); // no disputeId: the server chooses one, the key finds it again

        ApiResponse first = api.as(OFFICER_LI).header("Idempotency-Key", key).post(Disputes.PATH, body);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
        long events = storedEvents();
        long cases = registeredCases();

        ApiResponse retry = api.as(OFFICER_LI).header("Idempotency-Key", key).post(Disputes.PATH, body);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());

        assertThat(storedEvents()).isEqualTo(events);
        assertThat(registeredCases()).isEqualTo(cases);
    }

    @Test
    void the_same_idempotency_key_with_a_different_body_is_refused_with_409_idempotency_conflict() {
        String key = "file-" + UUID.randomUUID();
        ApiResponse first = api.as(OFFICER_LI).header("Idempotency-Key", key).post(Disputes.PATH, Disputes.filing());
        assertThat(first.status()).as("%s", first).isEqualTo(201);

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).header("Idempotency-Key", key)
                .post(Disputes.PATH, Disputes.filing()), 409, "idempotency-conflict");
        assertThat(problem.path("detail").asText()).contains(key);
    }

    @Test
    void an_idempotency_key_over_200_characters_is_refused_with_400() {
        refusedWithoutStoring(() -> api.as(OFFICER_LI).header("Idempotency-Key", "k".repeat(201))
                .post(Disputes.PATH, Disputes.filing()), 400, "invalid-request");
    }

    @Test
    void an_idempotency_key_is_the_users_own_and_another_user_with_the_same_key_files_a_case_of_their_own() {
        String key = "file-" + UUID.randomUUID();
        ObjectNode body = Disputes.filing();
        ApiResponse li = api.as(OFFICER_LI).header("Idempotency-Key", key).post(Disputes.PATH, body);
        ApiResponse chen = api.as(OFFICER_CHEN).header("Idempotency-Key", key).post(Disputes.PATH,
                Disputes.filingAtKunshan().put("claim", body.path("claim").asText()));

        assertThat(li.status()).as("%s", li).isEqualTo(201);
        assertThat(chen.status()).as("%s", chen).isEqualTo(201);
        assertThat(chen.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(chen.json().path("caseNumber")).isNotEqualTo(li.json().path("caseNumber"));
    }

    @Test
    void eight_concurrent_retries_with_the_same_idempotency_key_file_exactly_one_case_and_all_answer_alike()
            throws Exception {
        String key = "file-" + UUID.randomUUID();
        ObjectNode body = Disputes.filing();
        assertRacingRetriesFileOneCase(() -> api.as(OFFICER_LI).header("Idempotency-Key", key).post(Disputes.PATH, body));
    }

    @Test
    void eight_concurrent_retries_with_the_same_dispute_id_file_exactly_one_case_and_all_answer_alike()
            throws Exception {
        String disputeId = UUID.randomUUID().toString();
        ObjectNode body = Disputes.filing().put("disputeId", disputeId);
        List<ApiResponse> responses = assertRacingRetriesFileOneCase(() -> api.as(OFFICER_LI).post(Disputes.PATH, body));
        assertThat(responses.get(0).json().path("disputeId").asText()).isEqualTo(disputeId);
        assertThat(casesWithId(disputeId)).isEqualTo(1);
    }

    private List<ApiResponse> assertRacingRetriesFileOneCase(Callable<ApiResponse> retry) throws Exception {
        assertThat(api.as(OFFICER_LI).get("/api/me").status()).isEqualTo(200); // log in once: the racers share the session
        long events = storedEvents();
        long cases = registeredCases();

        List<ApiResponse> responses = race(retry);

        for (ApiResponse response : responses) {
            assertThat(response.status()).as("%s", response).isEqualTo(201);
        }
        assertThat(responses.stream().map(r -> r.json().toString()).distinct()).as("all answers").hasSize(1);
        assertThat(responses.stream().filter(r -> "false".equals(r.header("Idempotent-Replayed"))))
                .as("exactly one filed, the others replayed").hasSize(1);
        assertThat(registeredCases()).isEqualTo(cases + 1);
        assertThat(storedEvents()).isEqualTo(events + 1);
        String caseNumber = responses.get(0).json().path("caseNumber").asText();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_registry WHERE case_number = ?", Long.class,
                caseNumber)).isEqualTo(1);
        return responses;
    }

    /** Sends {@code RACERS} copies of the request at once (released together by a latch). */
    private static List<ApiResponse> race(Callable<ApiResponse> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) responses.add(future.get(60, TimeUnit.SECONDS));
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    private long casesWithId(String disputeId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_registry WHERE case_id = ?", Long.class, disputeId);
    }

    private JsonNode refusedWithoutStoring(Supplier<ApiResponse> call, int status, String code) {
        long events = storedEvents();
        long cases = registeredCases();
        JsonNode problem = assertProblem(call.get(), status, code);
        assertThat(storedEvents()).isEqualTo(events);
        assertThat(registeredCases()).isEqualTo(cases);
        return problem;
    }
}

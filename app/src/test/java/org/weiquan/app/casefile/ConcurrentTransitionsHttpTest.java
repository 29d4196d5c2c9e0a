package org.weiquan.app.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.FreshStore;
import org.weiquan.app.support.HttpIntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Disputes.path;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * Many people acting at once: different cases never hurt each other (deadlines scheduled and
 * cancelled side by side), one case changed by many at once has exactly one winner per version and
 * every loser is told to reload, and a transition retried with one Idempotency-Key happens once.
 */
@FreshStore // it counts every scheduled deadline
class ConcurrentTransitionsHttpTest extends HttpIntegrationTest {

    /** One step of a case's path: the transition and its body. */
    private record Step(String transition, Object body) {
    }

    /** Settled and paid: the mediation deadline is cancelled, the payment deadline set and cancelled. */
    private static final List<Step> SETTLED = List.of(new Step("acceptance", Disputes.acceptance()),
            new Step("mediator", Disputes.mediator("mediator.sun")), new Step("mediation-sessions", Disputes.session(5, "第一次调解")),
            new Step("settlement", Disputes.settlement("12000.00")), new Step("payments", Disputes.payment("12000.00")),
            new Step("closure", Disputes.closure("RESOLVED")));
    /** Mediation failed, then arbitration: every deadline of the dispute is set, replaced and cancelled. */
    private static final List<Step> ARBITRATED = List.of(new Step("acceptance", Disputes.acceptance()),
            new Step("mediation-failure", Disputes.mediationFailure()),
            new Step("arbitration-referral", Disputes.arbitrationReferral()),
            new Step("arbitration-acceptance", Disputes.arbitrationAcceptance()),
            new Step("arbitration-extension", Disputes.arbitrationExtension(10)),
            new Step("arbitration-award", Disputes.arbitrationAward("8000.00")),
            new Step("closure", Disputes.closure("RESOLVED")));

    @BeforeEach
    void signIn() {
        // one password check before the crowd arrives; every request after it uses the session
        assertThat(api.as(OFFICER_LI).get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void sixteen_clients_advancing_two_hundred_different_cases_through_their_deadlines_get_no_server_error()
            throws Exception {
        long deadlinesBefore = scheduledDeadlines();
        List<String> cases = fileInParallel(200);
        assertThat(scheduledDeadlines()).as("a mediation deadline per case").isEqualTo(deadlinesBefore + 200);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Long>> finished = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                String id = cases.get(i);
                List<Step> steps = i % 2 == 0 ? SETTLED : ARBITRATED;
                finished.add(clients.submit(() -> {
                    long version = 0;
                    for (Step step : steps) {
                        ApiResponse answer = api.as(OFFICER_LI).ifMatch(version).post(path(id, step.transition()), step.body());
                        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                        assertThat(answer.status()).as("%s %s", step.transition(), answer).isEqualTo(200);
                        version = answer.etagVersion();
                    }
                    return version;
                }));
            }
            for (int i = 0; i < finished.size(); i++) {
                int transitions = (i % 2 == 0 ? SETTLED : ARBITRATED).size();
                assertThat(finished.get(i).get(2, TimeUnit.MINUTES)).isEqualTo(transitions);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(statuses.keySet()).as("answers by status: %s", statuses).containsExactly(200);
        assertThat(statuses.get(200).get()).isEqualTo(100 * SETTLED.size() + 100 * ARBITRATED.size());
        // every deadline these cases set was cancelled by the transition that made it moot
        assertThat(scheduledDeadlines()).isEqualTo(deadlinesBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deadline_scope", Long.class)).isEqualTo(deadlinesBefore);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM dispute_list WHERE status = 'CLOSED'", Long.class)).isEqualTo(200));
    }

    @Test
    void eight_clients_on_one_case_with_the_same_version_have_one_winner_per_round_and_every_loser_must_reload()
            throws Exception {
        String id = fileInParallel(1).get(0);
        long version = sendAll(id, 0, "acceptance", Disputes.acceptance(), 1).version;
        version = sendAll(id, version, "mediator", Disputes.mediator("mediator.sun"), 1).version;

        for (int round = 0; round < 50; round++) {
            int r = round;
            Round result = sendAll(id, version, "mediation-sessions", Disputes.session(5, "第" + r + "次调解"), 8);
            assertThat(result.winners).as("round %d", round).isEqualTo(1);
            assertThat(result.losers).as("round %d", round).hasSize(7)
                    .allSatisfy(loser -> assertProblem(loser, 409, "stale-version"));
            assertThat(result.version).isEqualTo(version + 1);
            version = result.version;
        }

        // a loser whose winner changed the state is told to reload, not that its action is illegal
        Round settle = sendAll(id, version, "settlement", Disputes.settlement("12000.00"), 8);
        assertThat(settle.winners).isEqualTo(1);
        assertThat(settle.losers).hasSize(7).allSatisfy(loser -> assertProblem(loser, 409, "stale-version"));

        long expectedEvents = 1 + 2 + 50 + 1;
        JsonNode history = await().atMost(READ_SIDE).until(() -> api.as(OFFICER_LI).get(path(id) + "/history").json(),
                h -> h.size() == expectedEvents);
        List<Long> sequence = new ArrayList<>();
        history.forEach(entry -> sequence.add(entry.path("sequence").asLong()));
        assertThat(sequence).as("no gaps, no duplicates").containsExactlyElementsOf(
                IntStream.range(0, (int) expectedEvents).mapToObj(Long::valueOf).toList());
        assertThat(eventsOf(id)).isEqualTo(expectedEvents);
    }

    @Test
    void eight_clients_retrying_one_transition_with_one_idempotency_key_change_the_case_once_and_all_get_the_first_result()
            throws Exception {
        String id = fileInParallel(1).get(0);
        long accepted = sendAll(id, 0, "acceptance", Disputes.acceptance(), 1).version;
        long assigned = sendAll(id, accepted, "mediator", Disputes.mediator("mediator.sun"), 1).version;

        List<ApiResponse> answers = concurrently(8, i -> api.as(OFFICER_LI).header("Idempotency-Key", "session-1")
                .post(path(id, "mediation-sessions"), Disputes.session(5, "第一次调解")));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.etagVersion()).isEqualTo(assigned + 1);
            assertThat(answer.json().path("version").asLong()).isEqualTo(assigned + 1);
        });
        assertThat(answers.stream().filter(a -> a.header("Idempotent-Replayed").equals("false"))).hasSize(1);
        assertThat(eventsOf(id)).as("filed, accepted, mediator, one session").isEqualTo(4);

        // the key is the request's: the same key on another request is a conflict, and changes nothing
        ApiResponse reused = api.as(OFFICER_LI).header("Idempotency-Key", "session-1")
                .post(path(id, "mediation-sessions"), Disputes.session(4, "第二次调解"));
        assertProblem(reused, 409, "idempotency-conflict");
        // with the same If-Match and no key, a retry of a transition that landed is a stale version
        ApiResponse retried = api.as(OFFICER_LI).ifMatch(assigned).post(path(id, "mediation-sessions"),
                Disputes.session(5, "第一次调解"));
        assertProblem(retried, 409, "stale-version");
        assertThat(eventsOf(id)).isEqualTo(4);
    }

    @Autowired
    private EventStore eventStore;

    private long eventsOf(String caseId) {
        return eventStore.readEvents(caseId).asStream().count();
    }

    private long scheduledDeadlines() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM QRTZ_JOB_DETAILS", Long.class);
    }

    @Test
    void the_api_document_names_the_idempotency_key_of_every_transition_of_every_kind() {
        JsonNode paths = api.anonymous().get("/v3/api-docs").json().path("paths");
        List<String> transitions = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            JsonNode post = path.getValue().path("post");
            List<String> headers = new ArrayList<>();
            post.path("parameters").forEach(p -> {
                if ("header".equals(p.path("in").asText())) headers.add(p.path("name").asText());
            });
            if (headers.contains("If-Match")) {
                transitions.add(path.getKey());
                assertThat(headers).as(path.getKey()).contains("Idempotency-Key");
            }
        });
        assertThat(transitions).contains("/api/disputes/{id}/settlement", "/api/hazards/{id}/verification",
                "/api/legal-aid-cases/{id}/approval", "/api/petitions/{id}/reply");
    }

    private record Round(int winners, List<ApiResponse> losers, long version) {
    }

    /** {@code clients} requests of one transition with the same If-Match, released together. */
    private Round sendAll(String id, long ifMatch, String transition, Object body, int clients) throws Exception {
        List<ApiResponse> answers = concurrently(clients,
                i -> api.as(OFFICER_LI).ifMatch(ifMatch).post(path(id, transition), body));
        List<ApiResponse> winners = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(winners).as("%s", answers).hasSize(1);
        return new Round(winners.size(), answers.stream().filter(a -> a.status() != 200).toList(),
                winners.get(0).etagVersion());
    }

    private List<String> fileInParallel(int count) throws Exception {
        return concurrently(count, i -> api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing())).stream()
                .map(filed -> {
                    assertThat(filed.status()).as("%s", filed).isEqualTo(201);
                    return filed.json().path("disputeId").asText();
                }).toList();
    }

    /** Runs {@code count} requests on up to 16 threads, started at the same moment, in order of i. */
    private static List<ApiResponse> concurrently(int count, Function<Integer, ApiResponse> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 16));
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<ApiResponse> answers = new ArrayList<>();
            for (Future<ApiResponse> future : futures) answers.add(future.get(2, TimeUnit.MINUTES));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}

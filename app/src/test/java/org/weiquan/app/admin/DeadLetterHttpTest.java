package org.weiquan.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.weiquan.api.dispute.LabourDisputeEvent;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ADMIN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * A projection that throws on one case's event parks that event, and every later event of the same
 * case, in its dead-letter queue and goes on with the other cases; after the cause is fixed, a retry
 * hands the parked events over in their order.
 */
@Import(DeadLetterHttpTest.PoisonedProjectionConfig.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // a configuration of its own
class DeadLetterHttpTest extends HttpIntegrationTest {
    static final String GROUP = "poison-test";

    @TestConfiguration
    static class PoisonedProjectionConfig {
        @Bean
        PoisonedProjection poisonedProjection() {
            return new PoisonedProjection();
        }
    }

    /** Throws on every event of a case whose claim says POISON, until healed. */
    @ProcessingGroup(GROUP)
    static class PoisonedProjection {
        final Set<String> poisonedCases = ConcurrentHashMap.newKeySet();
        final List<String> handled = new CopyOnWriteArrayList<>();
        volatile boolean healed;

        @EventHandler
        void on(LabourDisputeEvent event, @SequenceNumber long sequence) {
            String caseId = event.disputeId().toString();
            if (event instanceof LabourDisputeEvent.DisputeFiledEvent filed && filed.claim().contains("POISON")) {
                poisonedCases.add(caseId);
            }
            if (!healed && poisonedCases.contains(caseId)) {
                throw new IllegalStateException("cannot project " + caseId + " yet");
            }
            handled.add(caseId + "#" + sequence);
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    PoisonedProjection projection;

    @org.junit.jupiter.api.BeforeEach
    void poisoned() {
        projection.healed = false;
    }

    @Test
    void the_administrator_sees_a_parked_event_with_its_cause_on_the_page_and_retries_it_from_there() {
        String poisoned = file(Disputes.filing().put("claim", "POISON " + System.nanoTime())).path("disputeId").asText();
        org.weiquan.app.support.PageClient admin = new org.weiquan.app.support.PageClient(port).signIn(ADMIN);
        await("parked, on the page").atMost(READ_SIDE).untilAsserted(() ->
                assertThat(admin.get("/admin/dead-letters").body()).contains(poisoned + " #0", "cannot project",
                        "labour-dispute.filed"));
        projection.healed = true;
        var retried = admin.post("/admin/dead-letters/" + GROUP + "/retry", Map.of());
        assertThat(retried.status()).isEqualTo(302);
        assertThat(admin.get("/admin/dead-letters").body()).contains("已重试 " + GROUP + "：处理 1 个案件，仍滞留 0 个")
                .doesNotContain(poisoned + " #0");
        assertThat(projection.handled).contains(poisoned + "#0");
    }

    @Test
    void a_poison_event_is_parked_with_the_rest_of_its_case_in_order_and_a_retry_after_the_fix_delivers_them() {
        String poisoned = file(Disputes.filing().put("claim", "POISON " + System.nanoTime())).path("disputeId").asText();
        String healthy = file(Disputes.filing()).path("disputeId").asText();
        assertThat(api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(poisoned, "acceptance"), Disputes.acceptance())
                .status()).isEqualTo(200);

        await("the poisoned case parked").atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode group = deadLetters(GROUP);
            assertThat(group.path("sequences").asLong()).isEqualTo(1);
            assertThat(group.path("events").asLong()).isEqualTo(2);
        });
        JsonNode parked = deadLetters(GROUP).path("parked").get(0);
        assertThat(parked.get(0).path("caseId").asText()).isEqualTo(poisoned);
        assertThat(parked.get(0).path("eventType").asText()).isEqualTo("labour-dispute.filed");
        assertThat(parked.get(0).path("causeMessage").asText()).contains("cannot project");
        assertThat(parked.get(1).path("eventType").asText()).isEqualTo("labour-dispute.accepted");
        // The other case went through, and the real projections never noticed.
        await().atMost(READ_SIDE).until(() -> projection.handled.contains(healthy + "#0"));
        assertThat(projection.handled).noneMatch(entry -> entry.startsWith(poisoned));
        awaitDetail(poisoned, 1);
        assertThat(deadLetters("dispute-detail").path("events").asLong()).isZero();

        projection.healed = true;
        ApiResponse retry = api.as(ADMIN).post("/api/admin/dead-letters/" + GROUP + "/retry", Map.of());

        assertThat(retry.status()).as("%s", retry).isEqualTo(200);
        assertThat(retry.json().path("sequencesProcessed").asInt()).isEqualTo(1);
        assertThat(retry.json().path("sequencesRemaining").asLong()).isZero();
        assertThat(projection.handled).containsSubsequence(poisoned + "#0", poisoned + "#1");
        assertThat(deadLetters(GROUP).path("events").asLong()).isZero();
    }

    @Test
    void only_administrators_see_dead_letters_and_an_unknown_projection_is_404() {
        assertProblem(api.as(OFFICER_LI).get("/api/admin/dead-letters"), 403, "forbidden");
        assertProblem(api.as(ADMIN).post("/api/admin/dead-letters/no-such-projection/retry", Map.of()), 404,
                "processor-not-found");
    }

    private JsonNode deadLetters(String group) {
        for (JsonNode entry : api.as(ADMIN).get("/api/admin/dead-letters").json()) {
            if (entry.path("processingGroup").asText().equals(group)) return entry;
        }
        throw new AssertionError("no dead-letter queue for " + group);
    }
}

package org.weiquan.app.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Disputes.path;
import static org.weiquan.app.support.Problems.assertProblem;
import static org.weiquan.app.support.Problems.errorFields;

/**
 * Every class of error is problem+json with a stable {@code code}, and a refused command stores
 * nothing: the event log has as many rows after it as before.
 */
class DisputeErrorsHttpTest extends HttpIntegrationTest {
    private static final int ONE_MEBIBYTE = 1024 * 1024;

    /** A case of officer.li (szftu/gusu), filed and accepted: at version 1. */
    private String accepted;

    @BeforeEach
    void anAcceptedCase() {
        accepted = file(Disputes.filing()).path("disputeId").asText();
        ApiResponse response = api.as(OFFICER_LI).ifMatch(0).post(path(accepted, "acceptance"), Disputes.acceptance());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
    }

    @Test
    void a_filing_with_invalid_fields_is_refused_with_400_and_a_message_for_each_field() {
        ObjectNode body = Disputes.filing();
        ((ObjectNode) body.withArray("workers").get(0)).put("idNumber", "110105194912310021"); // wrong check digit
        body.put("claim", "   ");
        body.put("appliedOn", Disputes.today().plusDays(2).toString());

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Disputes.PATH, body),
                400, "validation-failed");

        assertThat(errorFields(problem)).containsExactlyInAnyOrder("workers[0].idNumber", "claim", "appliedOn");
        assertThat(problem.path("detail").asText()).contains("claim").contains("appliedOn");
    }

    @Test
    void a_valid_id_number_with_a_lower_case_x_is_accepted_and_stored_upper_case() {
        ObjectNode body = Disputes.filing();
        ((ObjectNode) body.withArray("workers").get(0)).put("idNumber", "11010519491231002x");
        String id = file(body).path("disputeId").asText();
        assertThat(awaitDetail(id, 0).json().path("workers").get(0).path("idNumber").asText())
                .isEqualTo("11010519491231002X");
    }

    @Test
    void an_unknown_district_is_refused_with_400_naming_the_field_and_the_districts_there_are() {
        ObjectNode body = Disputes.filing().put("district", "PUDONG");

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Disputes.PATH, body),
                400, "validation-failed");

        assertThat(errorFields(problem)).containsExactly("district");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("PUDONG").contains("GUSU");
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_400_malformed_request() {
        refusedWithoutStoring(() -> api.as(OFFICER_LI).postRaw(Disputes.PATH, "{\"district\": \"GUSU\", "),
                400, "malformed-request");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).postRaw(path(accepted, "mediator"), "mediator=wu"),
                400, "malformed-request");
    }

    @Test
    void a_json_field_the_request_does_not_have_is_refused_with_400_naming_it() {
        ObjectNode body = Disputes.filing().put("actor", "somebody.else");

        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).post(Disputes.PATH, body),
                400, "validation-failed");

        assertThat(errorFields(problem)).containsExactly("actor");
    }

    @Test
    void an_unknown_case_answers_404_for_its_detail_its_history_and_its_transitions() {
        String unknown = UUID.randomUUID().toString();

        assertProblem(api.as(OFFICER_LI).get(path(unknown)), 404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).get(path(unknown) + "/history"), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).post(path(unknown, "acceptance"), Disputes.acceptance()),
                404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).get(path("not-a-case-id")), 404, "case-not-found");
    }

    @Test
    void a_case_of_another_organisation_answers_404_exactly_like_an_unknown_one() {
        ApiResponse detail = api.as(OFFICER_CHEN).get(path(accepted));
        JsonNode problem = assertProblem(detail, 404, "case-not-found");
        JsonNode unknown = api.as(OFFICER_CHEN).get(path(UUID.randomUUID().toString())).json();
        assertThat(problem.path("detail")).isEqualTo(unknown.path("detail"));

        assertProblem(api.as(OFFICER_CHEN).get(path(accepted) + "/history"), 404, "case-not-found");
        refusedWithoutStoring(() -> api.as(OFFICER_CHEN).ifMatch(1).post(path(accepted, "mediator"),
                Disputes.mediator("officer.chen")), 404, "case-not-found");
    }

    @Test
    void a_settlement_before_a_mediator_is_assigned_is_refused_with_409_and_stores_nothing() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                .post(path(accepted, "settlement"), Disputes.settlement("5000.00")), 409, "dispute.illegal-transition");
        assertThat(problem.path("detail").asText()).contains("ACCEPTED");

        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).post(path(accepted, "closure"),
                Disputes.closure("RESOLVED")), 409, "dispute.cannot-close");
    }

    @Test
    void a_transition_on_a_stale_version_is_refused_with_409_stale_version_and_stores_nothing() {
        JsonNode problem = refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(0)
                .post(path(accepted, "mediator"), Disputes.mediator("mediator.sun")), 409, "stale-version");
        assertThat(problem.path("detail").asText()).contains("0").contains("1");

        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(7)
                .post(path(accepted, "mediator"), Disputes.mediator("mediator.sun")), 409, "stale-version");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).header("If-Match", "\"latest\"")
                .post(path(accepted, "mediator"), Disputes.mediator("mediator.sun")), 400, "malformed-if-match");

        ApiResponse current = api.as(OFFICER_LI).ifMatch(1).post(path(accepted, "mediator"), Disputes.mediator("mediator.sun"));
        assertThat(current.status()).as("%s", current).isEqualTo(200);
        assertThat(current.etagVersion()).isEqualTo(2);
    }

    @Test
    void two_concurrent_transitions_on_the_same_version_let_exactly_one_win_and_refuse_the_other_as_stale()
            throws Exception {
        long events = storedEvents();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> racers = new ArrayList<>();
            for (String mediator : List.of("mediator.sun", "mediator.qian")) {
                racers.add(threads.submit(() -> {
                    start.await();
                    return api.as(OFFICER_LI).ifMatch(1).post(path(accepted, "mediator"), Disputes.mediator(mediator));
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> racer : racers) responses.add(racer.get(30, TimeUnit.SECONDS));

            assertThat(responses).extracting(ApiResponse::status).containsExactlyInAnyOrder(200, 409);
            ApiResponse loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertProblem(loser, 409, "stale-version");
        } finally {
            threads.shutdownNow();
        }
        assertThat(storedEvents()).isEqualTo(events + 1);
    }

    @Test
    void a_wrong_method_or_media_type_is_answered_as_problem_json_too() {
        assertProblem(api.as(OFFICER_LI).get(path(accepted, "mediator")), 405, "http-405");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1).header("Content-Type", "text/plain")
                .post(path(accepted, "mediator"), Disputes.mediator("mediator.sun")), 415, "http-415");
    }

    @Test
    void list_parameters_out_of_range_are_refused_with_400_naming_the_parameter() {
        JsonNode size = assertProblem(api.as(OFFICER_LI).get(Disputes.PATH + "?size=500"), 400, "validation-failed");
        assertThat(errorFields(size)).containsExactly("size");
        JsonNode status = assertProblem(api.as(OFFICER_LI).get(Disputes.PATH + "?status=SOLVED"), 400,
                "validation-failed");
        assertThat(errorFields(status)).containsExactly("status");
    }

    @Test
    void a_request_without_credentials_is_refused_with_401_and_a_basic_challenge() {
        ApiResponse anonymous = api.anonymous().get(path(accepted));
        assertProblem(anonymous, 401, "unauthenticated");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic").contains("realm=\"Weiquan\"");

        refusedWithoutStoring(() -> api.anonymous().post(Disputes.PATH, Disputes.filing()), 401, "unauthenticated");
        ApiResponse wrongPassword = api.as(OFFICER_LI).password("guessed").withoutSession().get("/api/me");
        assertProblem(wrongPassword, 401, "unauthenticated");
        assertThat(wrongPassword.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void an_analyst_may_not_read_a_dispute_detail_or_history_and_gets_403() {
        assertProblem(api.as(ANALYST_ZHAO).get(path(accepted)), 403, "forbidden");
        assertProblem(api.as(ANALYST_ZHAO).get(path(accepted) + "/history"), 403, "forbidden");
        assertThat(api.as(ANALYST_ZHAO).get(Disputes.PATH).status()).as("the list is theirs to read").isEqualTo(200);
    }

    @Test
    void a_supervisor_may_not_advance_or_file_a_dispute_and_gets_403() {
        refusedWithoutStoring(() -> api.as(SUPERVISOR_WANG).ifMatch(1).post(path(accepted, "mediator"),
                Disputes.mediator("mediator.sun")), 403, "forbidden");
        refusedWithoutStoring(() -> api.as(SUPERVISOR_WANG).post(Disputes.PATH, Disputes.filing()), 403, "forbidden");
    }

    @Test
    void a_body_over_one_mebibyte_with_content_length_is_refused_with_413() {
        String body = oversizedFiling();
        refusedWithoutStoring(() -> api.as(OFFICER_LI).postRaw(Disputes.PATH, body), 413, "request-too-large");
        assertStillServing();
    }

    @Test
    void a_chunked_body_over_one_mebibyte_is_refused_with_413_once_it_passes_the_limit() {
        byte[] body = oversizedFiling().getBytes(StandardCharsets.UTF_8);
        refusedWithoutStoring(() -> api.as(OFFICER_LI).postChunked(Disputes.PATH, () -> new ByteArrayInputStream(body)),
                413, "request-too-large");
        refusedWithoutStoring(() -> api.as(OFFICER_LI).ifMatch(1)
                        .postChunked(path(accepted, "mediation-failure"), () -> new ByteArrayInputStream(
                                ("{\"reason\":\"" + "x".repeat(ONE_MEBIBYTE) + "\"}").getBytes(StandardCharsets.UTF_8))),
                413, "request-too-large");
        assertStillServing();
    }

    // --- helpers ---

    /** The call is refused with this problem, and the event log and registry are unchanged by it. */
    private JsonNode refusedWithoutStoring(Supplier<ApiResponse> call, int status, String code) {
        long eventsBefore = storedEvents();
        long casesBefore = registeredCases();
        JsonNode problem = assertProblem(call.get(), status, code);
        assertThat(storedEvents()).as("events stored by a refused request").isEqualTo(eventsBefore);
        assertThat(registeredCases()).as("cases registered by a refused request").isEqualTo(casesBefore);
        return problem;
    }

    /** A well-formed, otherwise valid filing whose claim makes it a little over 1 MiB. */
    private static String oversizedFiling() {
        ObjectNode body = Disputes.filing().put("claim", "欠薪".repeat(ONE_MEBIBYTE / 6 + 1000));
        String json = body.toString();
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(ONE_MEBIBYTE);
        return json;
    }

    private void assertStillServing() {
        ApiResponse detail = api.as(OFFICER_LI).get(path(accepted));
        assertThat(detail.status()).as("%s", detail).isIn(200, 404); // 404 only while the read side catches up
        assertThat(api.as(OFFICER_LI).get("/api/me").status()).isEqualTo(200);
    }
}

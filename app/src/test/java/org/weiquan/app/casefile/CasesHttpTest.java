package org.weiquan.app.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * The case machinery every kind shares, over HTTP: the cross-kind list and search, finding a case
 * by number, the history by id or number, links recorded on both cases, and possible duplicates at
 * intake.
 */
class CasesHttpTest extends HttpIntegrationTest {

    @Test
    void the_case_list_searches_by_case_number_party_name_employer_name_credit_code_and_claim_text() {
        ObjectNode body = Disputes.filing();
        body.withArray("workers").removeAll();
        body.withArray("workers").addObject().put("name", "欧阳春花").put("idNumber", Disputes.idNumber(501));
        body.putObject("employer").put("name", "昆山精密模具有限公司").put("creditCode", Disputes.creditCode("91320583MA1X7Y8W9"));
        body.put("claim", "加班费未支付 overtime-" + System.nanoTime());
        JsonNode filed = file(body);
        String number = filed.path("caseNumber").asText();
        String id = filed.path("disputeId").asText();
        file(Disputes.filing());

        for (String query : List.of(number, number.toLowerCase(), "欧阳春花", "精密模具", body.path("employer").path("creditCode").asText(),
                "加班费", body.path("claim").asText().substring(7))) {
            await("search for " + query).atMost(READ_SIDE).untilAsserted(() -> {
                JsonNode page = api.as(OFFICER_LI).get("/api/cases?q=" + encode(query)).json();
                assertThat(ids(page)).as(query).containsExactly(id);
            });
        }
        JsonNode row = api.as(OFFICER_LI).get("/api/cases?q=" + encode(number)).json().path("items").get(0);
        assertThat(row.path("kind").asText()).isEqualTo("LABOUR_DISPUTE");
        assertThat(row.path("partyMasked").asText()).isEqualTo("欧***");
        assertThat(row.path("open").asBoolean()).isTrue();
        assertThat(api.as(OFFICER_LI).get("/api/cases?q=" + encode("no such words anywhere")).json().path("totalItems").asLong())
                .isZero();
    }

    @Test
    void the_case_list_filters_by_kind_and_status_and_shows_other_organisations_nothing() {
        String id = file(Disputes.filing()).path("disputeId").asText();
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(ids(api.as(OFFICER_LI)
                .get("/api/cases?kind=LABOUR_DISPUTE&status=FILED&district=GUSU&open=true&size=200").json())).contains(id));

        assertThat(ids(api.as(OFFICER_LI).get("/api/cases?kind=PETITION&size=200").json())).doesNotContain(id);
        assertThat(ids(api.as(OFFICER_LI).get("/api/cases?status=CLOSED&size=200").json())).doesNotContain(id);
        assertThat(ids(api.as(OFFICER_CHEN).get("/api/cases?size=200").json())).doesNotContain(id);
        assertThat(ids(api.as(SUPERVISOR_WANG).get("/api/cases?size=200").json())).contains(id);
        assertThat(ids(api.as(ANALYST_ZHAO).get("/api/cases?size=200").json())).contains(id);
        assertProblem(api.as(OFFICER_LI).get("/api/cases?kind=NOT_A_KIND"), 400, "validation-failed");
    }

    @Test
    void a_case_is_found_and_its_history_read_by_id_or_case_number() {
        JsonNode filed = file(Disputes.filing());
        String id = filed.path("disputeId").asText();
        String number = filed.path("caseNumber").asText();

        JsonNode byNumber = api.as(SUPERVISOR_WANG).get("/api/cases/" + number).json();
        assertThat(byNumber.path("caseId").asText()).isEqualTo(id);
        assertThat(byNumber.path("kind").asText()).isEqualTo("LABOUR_DISPUTE");
        assertThat(byNumber.path("detail").asText()).isEqualTo("/api/disputes/" + id);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode history = api.as(OFFICER_LI).get("/api/cases/" + number + "/history").json();
            assertThat(history).hasSize(1);
            assertThat(history.get(0).path("eventType").asText()).isEqualTo("labour-dispute.filed");
            assertThat(api.as(OFFICER_LI).get("/api/cases/" + id + "/history").json()).isEqualTo(history);
        });
        assertProblem(api.as(OFFICER_CHEN).get("/api/cases/" + number + "/history"), 404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).get("/api/cases/LD-1999-000001"), 404, "case-not-found");
        assertProblem(api.as(ANALYST_ZHAO).get("/api/cases/" + number), 403, "forbidden");
    }

    @Test
    void a_long_history_is_read_in_pages_that_follow_the_next_link_to_the_end() {
        String id = file(filingAgainstAnotherEmployer()).path("disputeId").asText();
        for (int i = 0; i < 2; i++) {
            JsonNode other = file(filingAgainstAnotherEmployer());
            assertThat(api.as(OFFICER_LI).post("/api/cases/" + id + "/links", Map.of("linkedCase",
                    other.path("disputeId").asText(), "relation", "RELATED", "note", "同一雇主")).status())
                    .isEqualTo(201);
        }
        JsonNode whole = awaitHistory(id, 3);

        ApiResponse firstPage = api.as(OFFICER_LI).get("/api/cases/" + id + "/history?limit=2");
        assertThat(firstPage.json()).hasSize(2);
        assertThat(firstPage.json().get(0)).isEqualTo(whole.get(0));
        String next = firstPage.header("Link");
        assertThat(next).isEqualTo("</api/cases/" + id + "/history?format=json&after=1&limit=2>; rel=\"next\"");
        ApiResponse lastPage = api.as(OFFICER_LI).get(next.substring(1, next.indexOf('>')));
        assertThat(lastPage.json()).hasSize(1);
        assertThat(lastPage.json().get(0)).isEqualTo(whole.get(2));
        assertThat(lastPage.header("Link")).as("a page that is not full is the last").isNull();
        assertProblem(api.as(OFFICER_LI).get("/api/cases/" + id + "/history?limit=-1"), 400, "validation-failed");
    }

    /** Not the employer of the other tests' filings: these cases are no possible duplicates of theirs. */
    private static ObjectNode filingAgainstAnotherEmployer() {
        ObjectNode body = Disputes.filing();
        body.putObject("employer").put("name", "常熟某纺织有限公司").put("creditCode", Disputes.creditCode("91320581MA1N7B3C4"));
        return body;
    }

    @Test
    void a_link_is_recorded_as_an_event_on_both_cases_and_shown_in_both_details() {
        JsonNode first = file(Disputes.filing());
        JsonNode second = file(Disputes.filing());
        String firstId = first.path("disputeId").asText();
        String secondId = second.path("disputeId").asText();
        long events = storedEvents();

        ApiResponse linked = api.as(OFFICER_LI).post("/api/cases/" + first.path("caseNumber").asText() + "/links",
                Map.of("linkedCase", secondId, "relation", "LED_TO", "note", "同一雇主的后续争议"));

        assertThat(linked.status()).as("%s", linked).isEqualTo(201);
        assertThat(linked.json().path("caseId").asText()).isEqualTo(secondId);
        assertThat(storedEvents()).isEqualTo(events + 2);
        JsonNode firstDetail = awaitDetail(firstId, 1).json();
        JsonNode secondDetail = awaitDetail(secondId, 1).json();
        assertThat(firstDetail.path("links").get(0).path("linkedCaseId").asText()).isEqualTo(secondId);
        assertThat(firstDetail.path("links").get(0).path("relation").asText()).isEqualTo("LED_TO");
        assertThat(secondDetail.path("links").get(0).path("linkedCaseId").asText()).isEqualTo(firstId);
        assertThat(secondDetail.path("links").get(0).path("relation").asText()).isEqualTo("AROSE_FROM");
        assertThat(secondDetail.path("links").get(0).path("linkedCaseNumber").asText())
                .isEqualTo(first.path("caseNumber").asText());
        JsonNode history = awaitHistory(secondId, 2);
        assertThat(history.get(1).path("eventType").asText()).isEqualTo("case.linked");
        assertThat(history.get(1).path("actor").asText()).isEqualTo(OFFICER_LI);
    }

    @Test
    void a_refused_link_changes_neither_case() {
        String first = file(Disputes.filing()).path("disputeId").asText();
        String second = file(Disputes.filing()).path("disputeId").asText();
        String elsewhere = fileAs(OFFICER_CHEN).path("disputeId").asText();
        assertThat(api.as(OFFICER_LI).post("/api/cases/" + first + "/links",
                Map.of("linkedCase", second, "relation", "RELATED")).status()).isEqualTo(201);
        long events = storedEvents();

        assertProblem(api.as(OFFICER_LI).post("/api/cases/" + second + "/links",
                Map.of("linkedCase", first, "relation", "RELATED")), 409, "case.already-linked");
        assertProblem(api.as(OFFICER_LI).post("/api/cases/" + first + "/links",
                Map.of("linkedCase", first, "relation", "RELATED")), 400, "case.self-link");
        assertProblem(api.as(OFFICER_LI).post("/api/cases/" + first + "/links",
                Map.of("linkedCase", elsewhere, "relation", "RELATED")), 404, "case-not-found");
        assertProblem(api.as(OFFICER_LI).post("/api/cases/" + first + "/links",
                Map.of("linkedCase", second, "relation", "COUSIN")), 400, "validation-failed");
        assertProblem(api.as(SUPERVISOR_WANG).post("/api/cases/" + first + "/links",
                Map.of("linkedCase", second, "relation", "RELATED")), 403, "forbidden");

        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void filing_shows_open_cases_of_the_same_worker_or_employer_as_possible_duplicates() {
        String employer = Disputes.creditCode("91320505MA2D" + String.format("%05d", System.nanoTime() % 100000));
        ObjectNode earlier = Disputes.filing();
        earlier.withArray("workers").removeAll();
        earlier.withArray("workers").addObject().put("name", "李四").put("idNumber", Disputes.idNumber(777));
        earlier.putObject("employer").put("name", "甲公司").put("creditCode", employer);
        JsonNode first = file(earlier);
        assertThat(first.path("possibleDuplicates")).isEmpty();

        ObjectNode sameWorker = Disputes.filing();
        sameWorker.withArray("workers").removeAll();
        sameWorker.withArray("workers").addObject().put("name", "李四").put("idNumber", Disputes.idNumber(777));
        sameWorker.putObject("employer").put("name", "乙公司");
        JsonNode second = file(sameWorker);
        assertThat(second.path("possibleDuplicates")).hasSize(1);
        assertThat(second.path("possibleDuplicates").get(0).path("caseNumber").asText())
                .isEqualTo(first.path("caseNumber").asText());
        assertThat(second.path("possibleDuplicates").get(0).path("matchedOn").asText()).isEqualTo("worker");

        ObjectNode sameEmployer = Disputes.filing();
        sameEmployer.withArray("workers").removeAll();
        sameEmployer.withArray("workers").addObject().put("name", "赵六").put("idNumber", Disputes.idNumber(778));
        sameEmployer.putObject("employer").put("name", "甲公司").put("creditCode", employer);
        JsonNode third = file(sameEmployer);
        assertThat(third.path("possibleDuplicates")).extracting(d -> d.path("matchedOn").asText()).containsExactly("employer");
        // The retry answers the first result, duplicates included.
        ApiResponse retry = api.as(OFFICER_LI).post(Disputes.PATH, sameEmployer.put("disputeId", third.path("disputeId").asText()));
        assertThat(retry.json()).isEqualTo(third);
    }

    @Test
    void a_closed_case_is_no_longer_a_possible_duplicate() {
        String idNumber = Disputes.uniqueIdNumber();
        ObjectNode employer = Disputes.uniqueEmployer();
        ObjectNode body = Disputes.filing();
        body.withArray("workers").removeAll();
        body.withArray("workers").addObject().put("name", "王五").put("idNumber", idNumber);
        body.set("employer", employer);
        JsonNode filed = file(body);
        String id = filed.path("disputeId").asText();
        assertThat(api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(id) + "/closure",
                Map.of("reason", "WITHDRAWN", "note", "撤回")).status()).isEqualTo(200);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(api.as(OFFICER_LI)
                .get("/api/cases?status=CLOSED&q=" + filed.path("caseNumber").asText()).json().path("items").toString())
                .contains(id));

        ObjectNode again = Disputes.filing();
        again.withArray("workers").removeAll();
        again.withArray("workers").addObject().put("name", "王五").put("idNumber", idNumber);
        again.set("employer", employer);
        assertThat(file(again).path("possibleDuplicates")).isEmpty();
    }

    @Test
    void a_new_case_answers_with_its_version_as_etag_and_if_match_star_means_any_version() {
        ApiResponse single = api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing());
        ApiResponse collective = api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing(10));

        assertThat(single.header("ETag")).isEqualTo("\"0\"");
        // a collective dispute is filed with its alert: two events
        assertThat(collective.header("ETag")).isEqualTo("\"1\"");
        ApiResponse accepted = api.as(OFFICER_LI).header("If-Match", "*")
                .post(Disputes.path(collective.json().path("disputeId").asText(), "acceptance"), Disputes.acceptance());
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(200);
        assertThat(accepted.header("ETag")).isEqualTo("\"2\"");
    }

    private JsonNode fileAs(String user) {
        // each officer files in a district of his own organisation
        ApiResponse response = api.as(user).post(Disputes.PATH,
                user.equals(OFFICER_CHEN) ? Disputes.filingAtKunshan() : Disputes.filing());
        assertThat(response.status()).as("%s", response).isEqualTo(201);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("caseId").asText()));
        return ids;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}

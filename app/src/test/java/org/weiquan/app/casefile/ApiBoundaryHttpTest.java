package org.weiquan.app.casefile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.Hazards;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.LegalAidCases;
import org.weiquan.app.support.Petitions;
import org.weiquan.app.support.RawHttp;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.ANALYST_ZHAO;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Problems.assertProblem;

/**
 * Answers at the edge of the API, as issue 11 found them: each test is named after its finding.
 */
class ApiBoundaryHttpTest extends HttpIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void finding_4_a_case_is_filed_only_in_a_district_of_the_filing_organisation() {
        long eventsBefore = storedEvents();
        long casesBefore = registeredCases();
        // officer.chen works for the Kunshan federation
        JsonNode dispute = assertProblem(api.as(OFFICER_CHEN).post(Disputes.PATH, Disputes.filing()), 400,
                "case.district-outside-organisation");
        assertThat(dispute.path("errors").get(0).path("field").asText()).isEqualTo("district");
        assertProblem(api.as(OFFICER_CHEN).post(org.weiquan.app.support.Hazards.PATH,
                org.weiquan.app.support.Hazards.report()), 400, "case.district-outside-organisation");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
        assertThat(registeredCases()).as("no number used up").isEqualTo(casesBefore);

        assertThat(api.as(OFFICER_CHEN).post(Disputes.PATH, Disputes.filingAtKunshan()).status())
                .isEqualTo(201);
        assertThat(api.as(OFFICER_LI).post(Disputes.PATH, Disputes.filing().put("district", "KUNSHAN")).status())
                .as("Gusu's officer in Kunshan").isEqualTo(400);
    }

    @Test
    void finding_5_a_non_ascii_idempotency_key_is_refused_with_400_on_a_create_and_a_transition() throws Exception {
        long eventsBefore = storedEvents();
        for (String key : new String[]{"键", "é中文"}) {
            RawHttp.Answer filed = raw("POST", Disputes.PATH, key, JSON.writeValueAsString(Disputes.filing()));
            assertThat(filed.status()).as(filed.body()).isEqualTo(400);
            assertThat(filed.contentType()).startsWith("application/problem+json");
            assertThat(JSON.readTree(filed.body()).path("code").asText()).isIn("invalid-request", "request-rejected");
        }
        assertThat(storedEvents()).isEqualTo(eventsBefore);

        String id = file(Disputes.filing()).path("disputeId").asText();
        RawHttp.Answer accepted = raw("POST", Disputes.path(id, "acceptance"), "键",
                JSON.writeValueAsString(Disputes.acceptance()));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(400);
        assertThat(JSON.readTree(accepted.body()).path("code").asText()).isIn("invalid-request", "request-rejected");
        // printable ASCII that is still not a key (over 200 characters) is the API's own refusal
        ApiResponse tooLong = api.as(OFFICER_LI).header("Idempotency-Key", "k".repeat(201))
                .post(Disputes.path(id, "acceptance"), Disputes.acceptance());
        assertProblem(tooLong, 400, "invalid-request");
        assertThat(storedEvents()).isEqualTo(eventsBefore + 1);
    }

    @Test
    void finding_6_requests_refused_before_a_controller_answer_problem_json_with_a_stable_code() throws Exception {
        String id = file(Disputes.filing()).path("disputeId").asText();
        long eventsBefore = storedEvents();
        List<String> paths = new ArrayList<>();
        for (String base : new String[]{Disputes.path(id), Disputes.path(id) + "/history", "/api/admin/processors"}) {
            for (String segment : new String[]{"/..", "/%2e%2e", "/..;", "/%00", "/%ED%A0%80"}) {
                paths.add(base + segment);
            }
        }
        for (String path : paths) {
            RawHttp.Answer answer = rawWith("GET", path, "", "");
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).path("code").asText()).as(path).isIn("request-rejected", "http-400");
        }
        String huge = "k".repeat(9000);
        for (String header : new String[]{"If-Match: \"" + huge + "\"", "Idempotency-Key: " + huge}) {
            RawHttp.Answer answer = rawWith("POST", Disputes.path(id, "acceptance"), header + "\r\n",
                    JSON.writeValueAsString(Disputes.acceptance()));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("http-400");
            assertThat(answer.body()).doesNotContain("<html").doesNotContain("Exception");
        }
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    @Test
    void finding_7_an_unknown_path_is_404_and_a_wrong_method_405_for_a_signed_in_user() {
        assertProblem(api.as(OFFICER_LI).get("/api/no-such-endpoint"), 404, "http-404");
        assertProblem(api.as(OFFICER_LI).get("/api/dispute"), 404, "http-404");
        String id = file(Disputes.filing()).path("disputeId").asText();
        ApiResponse delete = api.as(OFFICER_LI).delete(Disputes.path(id));
        assertProblem(delete, 405, "http-405");
        assertThat(api.as(OFFICER_LI).get(Disputes.path(id)).status()).as("still there").isEqualTo(200);

        // an endpoint the role may not use is still 403, and an anonymous caller learns nothing
        assertProblem(api.as(ANALYST_ZHAO).get(Disputes.path(id)), 403, "forbidden");
        assertThat(api.anonymous().get("/api/no-such-endpoint").status()).isEqualTo(401);
        assertThat(api.anonymous().get(Disputes.path(id)).status()).isEqualTo(401);
    }

    @Test
    void finding_1_an_analysts_search_never_matches_a_person_only_what_names_nobody() {
        ObjectNode body = Disputes.filing();
        ((ObjectNode) body.withArray("workers").get(0)).put("name", "欧阳明远").put("idNumber", Disputes.idNumber(471));
        JsonNode filed = file(body);
        String number = filed.path("caseNumber").asText();
        String byName = "/api/cases?q=" + URLEncoder.encode("欧阳明远", StandardCharsets.UTF_8);
        String byIdNumber = "/api/cases?q=" + Disputes.idNumber(471);

        await().atMost(READ_SIDE).untilAsserted(() ->
                assertThat(api.as(OFFICER_LI).get(byName).json().path("totalItems").asLong()).isEqualTo(1));

        assertThat(api.as(ANALYST_ZHAO).get(byName).json().path("totalItems").asLong()).as("by name").isZero();
        assertThat(api.as(ANALYST_ZHAO).get(byIdNumber).json().path("totalItems").asLong()).as("by ID number").isZero();
        assertThat(api.as(ANALYST_ZHAO).get("/api/cases?q=" + number).json().path("totalItems").asLong())
                .as("by case number").isEqualTo(1);
        String employer = body.path("employer").path("name").asText();
        assertThat(api.as(ANALYST_ZHAO).get("/api/cases?q=" + URLEncoder.encode(employer,
                StandardCharsets.UTF_8)).json().path("totalItems").asLong()).as("by employer").isPositive();
    }

    @Test
    void finding_1_analysts_get_list_rows_without_names_with_staff_as_pseudonyms_and_cannot_filter_on_a_person() {
        String number = file(Disputes.filing()).path("caseNumber").asText();
        await().atMost(READ_SIDE).untilAsserted(() ->
                assertThat(api.as(ANALYST_ZHAO).get("/api/cases?q=" + number).json().path("totalItems").asLong()).isOne());

        JsonNode row = api.as(ANALYST_ZHAO).get("/api/cases?q=" + number).json().path("items").get(0);
        assertThat(row.path("partyMasked").isNull()).isTrue();
        assertThat(row.path("officerInCharge").asText()).startsWith("staff-");
        assertThat(api.as(OFFICER_LI).get("/api/cases?q=" + number).json().path("items").get(0)
                .path("officerInCharge").asText()).isEqualTo("officer.li");
        ApiResponse disputes = api.as(ANALYST_ZHAO).get(Disputes.PATH + "?size=200");
        assertThat(disputes.body()).doesNotContain("officer.li", "\"张");
        for (String list : new String[]{"/api/cases", Disputes.PATH, "/api/hazards", "/api/legal-aid-cases", "/api/petitions"}) {
            assertProblem(api.as(ANALYST_ZHAO).get(list + "?officer=officer.li"), 400, "query.personal-data-filter");
            assertThat(api.as(SUPERVISOR_WANG).get(list + "?officer=officer.li").status()).as(list).isEqualTo(200);
        }
    }

    @Test
    void finding_1_the_mediator_roster_and_lawyer_panel_reach_analysts_as_pseudonyms() {
        JsonNode officers = api.as(OFFICER_LI).get("/api/mediators").json();
        JsonNode analysts = api.as(ANALYST_ZHAO).get("/api/mediators").json();
        assertThat(officers.findValuesAsText("mediatorId")).contains("mediator.sun");
        assertThat(analysts.toString()).doesNotContain("mediator.sun");
        assertThat(analysts.get(0).path("mediatorId").asText()).startsWith("staff-")
                .isEqualTo(analysts.get(0).path("name").asText());
        JsonNode lawyers = api.as(ANALYST_ZHAO).get("/api/lawyers").json();
        assertThat(lawyers).isNotEmpty();
        // every phone the panel lists (a lawyer may have none) is a pseudonym
        assertThat(lawyers.findValues("phone")).filteredOn(phone -> !phone.isNull()).isNotEmpty()
                .allMatch(phone -> phone.asText().startsWith("phone-"));
        assertThat(lawyers.findValuesAsText("lawyerId")).allMatch(id -> id.startsWith("staff-"));
    }

    @Test
    void finding_3_a_possible_duplicate_in_another_organisation_is_only_said_to_exist() {
        ObjectNode atGusu = Disputes.filing();
        ((ObjectNode) atGusu.withArray("workers").get(0)).put("idNumber", Disputes.uniqueIdNumber());
        atGusu.set("employer", Disputes.uniqueEmployer());
        String gusuCase = file(atGusu).path("disputeId").asText();

        ObjectNode atKunshan = Disputes.filing().put("district", "KUNSHAN");
        atKunshan.set("workers", atGusu.get("workers"));
        atKunshan.set("employer", atGusu.get("employer"));
        ApiResponse filed = api.as(OFFICER_CHEN).post(Disputes.PATH, atKunshan);
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        JsonNode duplicates = filed.json().path("possibleDuplicates");
        assertThat(duplicates).hasSize(1);
        JsonNode elsewhere = duplicates.get(0);
        assertThat(elsewhere.path("outsideYourOrganisation").asBoolean()).isTrue();
        assertThat(elsewhere.path("kind").asText()).isEqualTo("LABOUR_DISPUTE");
        for (String hidden : new String[]{"caseId", "caseNumber", "status", "matchedOn"}) {
            assertThat(elsewhere.path(hidden).isNull()).as(hidden).isTrue();
        }
        assertThat(filed.body()).doesNotContain(gusuCase).doesNotContain("szftu/gusu");
        assertThat(elsewhere.path("note").asText()).contains("outside your organisation", "supervisors");

        // the supervisors over both are alerted with the pair; neither side's officers are
        String kunshanCase = filed.json().path("caseNumber").asText();
        String gusuNumber = api.as(OFFICER_LI).get(Disputes.path(gusuCase)).json().path("caseNumber").asText();
        String feed = "/api/alerts?type=DUPLICATE_ACROSS_ORGANISATIONS&size=200";
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(
                api.as(SUPERVISOR_WANG).get(feed).json().path("items").findValuesAsText("caseNumber")).contains(kunshanCase));
        JsonNode alert = null;
        for (JsonNode item : api.as(SUPERVISOR_WANG).get(feed).json().path("items")) {
            if (item.path("caseNumber").asText().equals(kunshanCase)) alert = item;
        }
        assertThat(alert.path("organisation").asText()).isEqualTo("szftu");
        assertThat(alert.path("messageZh").asText()).contains(kunshanCase, gusuNumber, "szftu/kunshan", "szftu/gusu");
        assertThat(api.as(OFFICER_CHEN).get(feed).body()).doesNotContain(kunshanCase);
        assertThat(api.as(OFFICER_LI).get(feed).body()).doesNotContain(kunshanCase);
        // the flag is recorded on the new case, whose history its officer reads without the other case in it
        String kunshanId = filed.json().path("disputeId").asText();
        ApiResponse history = api.as(OFFICER_CHEN).get(Disputes.path(kunshanId) + "/history");
        assertThat(history.json().findValuesAsText("eventType")).contains("case.duplicate-elsewhere-flagged");
        assertThat(history.body()).doesNotContain(gusuNumber).doesNotContain("szftu/gusu");

        // within the organisation the case is shown in full, matched on the worker; Kunshan's only said to exist
        ObjectNode sameWorkerAgain = Disputes.filing();
        sameWorkerAgain.set("workers", atGusu.get("workers"));
        sameWorkerAgain.set("employer", atGusu.get("employer"));
        ApiResponse again = api.as(OFFICER_LI).post(Disputes.PATH, sameWorkerAgain);
        JsonNode seen = again.json().path("possibleDuplicates");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).path("caseId").asText()).isEqualTo(gusuCase);
        assertThat(seen.get(0).path("matchedOn").asText()).isEqualTo("worker");
        assertThat(seen.get(1).path("outsideYourOrganisation").asBoolean()).isTrue();
        assertThat(seen.get(1).path("caseNumber").isNull()).isTrue();
    }

    @Test
    void finding_8_input_is_read_as_written_without_coercion_and_refused_field_by_field_in_every_create() throws Exception {
        long eventsBefore = storedEvents();
        List<Create> creates = List.of(
                new Create("dispute", Disputes.PATH, Disputes::filing, "category", "claim", "claimedAmount", null, "appliedOn"),
                new Create("hazard", Hazards.PATH, Hazards::report, "severity", "description", null, null, "foundOn"),
                new Create("legal aid", LegalAidCases.PATH, () -> LegalAidCases.application(90), "matterCategory", "matter",
                        "amountClaimed", "migrantWorker", "appliedOn"),
                new Create("petition", Petitions.PATH, () -> Petitions.visit(3), "channel", "claim", "visitorCount",
                        "whistleblower", "receivedOn"));
        int refused = 0;
        for (Create create : creates) {
            for (String[] field : create.refusals()) {
                ObjectNode body = create.body().get();
                body.set(field[0], JSON.readTree(field[1]));
                // the escape goes out as written: a Java string cannot carry a lone surrogate through UTF-8
                String text = JSON.writeValueAsString(body).replace("LONE-SURROGATE", "\\ud800");
                ApiResponse answer = api.as(OFFICER_LI).postRaw(create.path(), text);
                String what = create.kind() + ": " + field[0] + " = " + field[1];
                assertThat(answer.status()).as("%s: %s", what, answer).isEqualTo(400);
                JsonNode problem = assertProblem(answer, 400, "validation-failed");
                assertThat(problem.path("errors").get(0).path("field").asText()).as(what).isEqualTo(field[0]);
                refused++;
            }
            assertThat(api.as(OFFICER_LI).post(create.path(), create.body().get()).status()).as(create.kind()).isEqualTo(201);
        }
        assertThat(refused).isEqualTo(91);
        // the earliest date accepted is accepted, the day before it is not
        ObjectNode earliest = Disputes.filing().put("infringementKnownOn", "1950-01-01");
        assertThat(api.as(OFFICER_LI).post(Disputes.PATH, earliest).status()).isEqualTo(201);
        JsonNode early = assertProblem(api.as(OFFICER_LI).post(Disputes.PATH,
                Disputes.filing().put("infringementKnownOn", "1949-12-31")), 400, "validation-failed");
        assertThat(early.path("errors").get(0).path("message").asText()).contains("1950-01-01");
        assertThat(storedEvents()).as("one event for each create that was answered 201").isEqualTo(eventsBefore + creates.size() + 1);
    }

    /** One kind's create and the fields its refusals try. */
    private record Create(String kind, String path, Supplier<ObjectNode> body, String enumField, String textField,
                          String numberField, String booleanField, String dateField) {
        List<String[]> refusals() {
            List<String[]> all = new ArrayList<>();
            for (String value : new String[]{"3", "\"gusu\"", "\" GUSU \"", "\"Gusu\"", "true"}) all.add(new String[]{"district", value});
            for (String value : new String[]{"0", "\"other\"", "\"OTHER \""}) all.add(new String[]{enumField, value});
            for (String value : new String[]{"123", "1.5", "true", "\"拖欠工资LONE-SURROGATE\"", "{}", "[]"}) {
                all.add(new String[]{textField, value});
            }
            if (numberField != null) {
                for (String value : new String[]{"\"12000\"", "false", "[1]"}) all.add(new String[]{numberField, value});
            }
            if (booleanField != null) {
                for (String value : new String[]{"\"true\"", "1", "\"yes\""}) all.add(new String[]{booleanField, value});
            }
            for (String value : new String[]{"\"1949-12-31\"", "\"0001-01-01\"", "\"2026-13-01\"", "20261120", "\"2026/11/20\""}) {
                all.add(new String[]{dateField, value});
            }
            return all;
        }
    }

    private RawHttp.Answer raw(String method, String path, String idempotencyKey, String body) throws IOException {
        return rawWith(method, path, "Idempotency-Key: " + idempotencyKey + "\r\n", body);
    }

    private RawHttp.Answer rawWith(String method, String path, String extraHeaders, String body) throws IOException {
        return new RawHttp(port).send(OFFICER_LI, method, path, extraHeaders, body);
    }
}

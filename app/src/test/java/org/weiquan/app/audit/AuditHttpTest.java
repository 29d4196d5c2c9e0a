package org.weiquan.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.Petitions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.weiquan.app.support.ApiClient.OFFICER_CHEN;
import static org.weiquan.app.support.ApiClient.OFFICER_LI;
import static org.weiquan.app.support.ApiClient.SUPERVISOR_WANG;
import static org.weiquan.app.support.Problems.assertProblem;

/** Supervisors read the audit trail across cases, filtered, with readable summaries, as JSON or CSV. */
class AuditHttpTest extends HttpIntegrationTest {

    @Test
    void everything_one_officer_did_in_a_time_window_with_summaries_in_english_and_chinese() {
        Instant before = Instant.now();
        String li = file(Disputes.filing()).path("disputeId").asText();
        api.as(OFFICER_LI).ifMatch(0).post(Disputes.path(li, "acceptance"), Disputes.acceptance());
        ApiResponse chen = api.as(OFFICER_CHEN).post(Disputes.PATH, Disputes.filingAtKunshan());
        assertThat(chen.status()).isEqualTo(201);
        awaitHistory(li, 2);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode page = api.as(SUPERVISOR_WANG).get("/api/audit?actor=officer.li&from=" + before).json();
            assertThat(actors(page)).containsOnly(OFFICER_LI);
            assertThat(caseIds(page)).contains(li).doesNotContain(chen.json().path("disputeId").asText());
        });
        JsonNode accepted = api.as(SUPERVISOR_WANG)
                .get("/api/audit?actor=officer.li&eventType=labour-dispute.accepted&from=" + before).json();
        assertThat(accepted.path("totalItems").asLong()).isEqualTo(1);
        JsonNode entry = accepted.path("items").get(0);
        assertThat(entry.path("kind").asText()).isEqualTo("LABOUR_DISPUTE");
        assertThat(entry.path("caseNumber").asText()).startsWith("LD-");
        assertThat(entry.path("event").path("summaryEn").asText()).startsWith("Application accepted for mediation on ");
        assertThat(entry.path("event").path("summaryZh").asText()).endsWith("受理调解申请");
        assertThat(entry.path("event").path("changes").has("acceptedOn")).isTrue();
        assertThat(entry.path("event").path("changes").has("disputeId")).isFalse();

        JsonNode nothing = api.as(SUPERVISOR_WANG).get("/api/audit?actor=officer.li&to=" + before).json();
        assertThat(caseIds(nothing)).doesNotContain(li);
    }

    @Test
    void pages_are_filtered_before_they_are_cut_so_no_page_is_short_by_page_number_or_by_cursor() {
        Instant before = Instant.now();
        List<String> shown = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            shown.add(file(Disputes.filing()).path("disputeId").asText());
            // a petition accusing the supervisor's own organisation: its events are not his to read
            ApiResponse accusing = api.as(OFFICER_LI).post(Petitions.PATH,
                    Petitions.letter(720 + i).put("accusedOrganisation", "szftu"));
            assertThat(accusing.status()).as("%s", accusing).isEqualTo(201);
            withheld.add(accusing.json().path("petitionId").asText());
        }
        String filter = "/api/audit?actor=officer.li&from=" + before + "&size=3";

        await().atMost(READ_SIDE).untilAsserted(() ->
                assertThat(api.as(SUPERVISOR_WANG).get(filter).json().path("totalItems").asLong()).isEqualTo(4));
        JsonNode first = api.as(SUPERVISOR_WANG).get(filter).json();
        JsonNode second = api.as(SUPERVISOR_WANG).get(filter + "&page=1").json();
        assertThat(first.path("items")).hasSize(3);
        assertThat(second.path("items")).hasSize(1);
        List<String> byPage = new ArrayList<>(caseIds(first));
        byPage.addAll(caseIds(second));
        assertThat(byPage).containsExactlyInAnyOrderElementsOf(shown);

        // the same by cursor: each full page links to the next
        List<String> byCursor = new ArrayList<>();
        String next = filter;
        int pages = 0;
        while (next != null) {
            ApiResponse page = api.as(SUPERVISOR_WANG).get(next);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            byCursor.addAll(caseIds(page.json()));
            String link = page.header("Link");
            next = link == null ? null : link.substring(link.indexOf("/api/audit"), link.indexOf('>'));
            if (next != null) assertThat(page.json().path("items")).as("a page with a next one is full").hasSize(3);
            pages++;
        }
        assertThat(pages).isEqualTo(2);
        assertThat(byCursor).containsExactlyElementsOf(byPage);
        assertThat(byCursor).doesNotContainAnyElementsOf(withheld);
        assertProblem(api.as(SUPERVISOR_WANG).get(filter + "&after=not-a-cursor"), 400, "invalid-request");
        assertProblem(api.as(SUPERVISOR_WANG).get(filter + "&page=1&after=" + first.path("next").asText()), 400,
                "invalid-request");
    }

    @Test
    void the_audit_trail_and_a_case_history_export_as_csv_for_spreadsheets() {
        Instant before = Instant.now().minusSeconds(1);
        JsonNode filed = file(Disputes.filing().put("claim", "欠薪, 含\"加班费\" " + System.nanoTime()));
        String id = filed.path("disputeId").asText();
        awaitHistory(id, 1);

        ApiResponse history = api.as(OFFICER_LI).get("/api/cases/" + filed.path("caseNumber").asText() + "/history?format=csv");
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        assertThat(history.contentType()).startsWith("text/csv");
        assertThat(history.header("Content-Disposition")).contains(filed.path("caseNumber").asText() + "-history.csv");
        String[] lines = history.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFcase_number,kind,sequence,occurred_at,event_type,summary_en");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(filed.path("caseNumber").asText() + ",LABOUR_DISPUTE,0,");
        // The claim holds a comma and quotes: the changes cell is quoted and its quotes doubled.
        assertThat(lines[1]).contains("\"\"claim\"\":\"\"欠薪, 含\\\"\"加班费\\\"\"");

        await().atMost(READ_SIDE).untilAsserted(() -> {
            ApiResponse audit = api.as(SUPERVISOR_WANG).get("/api/audit?format=csv&actor=officer.li&from=" + before);
            assertThat(audit.contentType()).startsWith("text/csv");
            assertThat(audit.body()).contains(filed.path("caseNumber").asText());
        });
    }

    @Test
    void officers_and_analysts_may_not_read_the_audit_trail_and_bad_windows_are_400() {
        assertProblem(api.as(OFFICER_LI).get("/api/audit"), 403, "forbidden");
        assertProblem(api.as(SUPERVISOR_WANG).get("/api/audit?from=yesterday"), 400, "invalid-request");
        assertProblem(api.as(SUPERVISOR_WANG).get("/api/audit?from=2026-11-20&to=2026-11-10"), 400, "invalid-request");
        assertProblem(api.as(SUPERVISOR_WANG).get("/api/audit?format=xml"), 400, "validation-failed");
    }

    private static List<String> actors(JsonNode page) {
        List<String> actors = new ArrayList<>();
        page.path("items").forEach(item -> actors.add(item.path("event").path("actor").asText()));
        return actors;
    }

    private static List<String> caseIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("caseId").asText()));
        return ids;
    }
}

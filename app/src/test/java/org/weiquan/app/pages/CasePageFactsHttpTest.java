package org.weiquan.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.PageClient;
import org.weiquan.app.support.Petitions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case page's facts beyond its state: each deadline with the statute behind it, the links to
 * other cases and linking one from the page, and the case as it stood on a day and what changed
 * between two days.
 */
class CasePageFactsHttpTest extends HttpIntegrationTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void an_accepted_dispute_shows_its_mediation_period_with_the_statute_behind_it() {
        ApiClient api = new ApiClient(port);
        JsonNode filed = api.as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing()).json();
        String id = filed.path("disputeId").asText();
        assertThat(api.as(ApiClient.OFFICER_LI).ifMatch(0).post(Disputes.path(id, "acceptance"), Disputes.acceptance())
                .status()).isEqualTo(200);
        PageClient li = new PageClient(port).signIn(ApiClient.OFFICER_LI);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(li.get("/cases/" + filed.path("caseNumber").asText()).body())
                .contains("data-deadline=\"mediationDueOn\"", "调解期限", "《劳动争议调解仲裁法》第十四条"));
        assertThat(li.get("/cases/" + filed.path("caseNumber").asText()).body()).as("the mediator chosen from the roster")
                .containsPattern("<select class=\"form-select\" id=\"f-ASSIGN_MEDIATOR-mediator\" name=\"mediator\"")
                .contains("<option value=\"mediator.sun\">");
    }

    @Test
    void an_officer_links_a_dispute_to_a_petition_from_the_page_and_both_show_it_and_an_unknown_case_links_nothing() {
        ApiClient api = new ApiClient(port);
        String dispute = api.as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing()).json().path("caseNumber").asText();
        String petition = api.as(ApiClient.OFFICER_LI).post(Petitions.PATH, Petitions.letter()).json().path("caseNumber").asText();
        PageClient li = new PageClient(port).signIn(ApiClient.OFFICER_LI);
        li.get("/cases/" + dispute);
        PageClient.Page unknown = li.post("/cases/" + dispute + "/links", Map.of("linkedCase", "PT-1999-000001",
                "relation", "RELATED"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("没有这个案件，或者您无权查看该案件", "没有关联案件");

        PageClient.Page linked = li.post("/cases/" + dispute + "/links", Map.of("linkedCase", petition,
                "relation", "AROSE_FROM", "note", "信访转为劳动争议调解"));
        assertThat(linked.status()).isEqualTo(302);
        assertThat(li.get("/cases/" + dispute).body()).contains("已办理：关联案件", petition, "由前案转来", "信访转为劳动争议调解");
        await().atMost(READ_SIDE).untilAsserted(() ->
                assertThat(li.get("/cases/" + petition).body()).contains(dispute, "已转为后续案件"));
    }

    @Test
    void the_page_shows_the_case_as_it_stood_on_a_day_and_what_changed_between_two_days() {
        ApiClient api = new ApiClient(port);
        String number = api.as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing()).json().path("caseNumber").asText();
        PageClient li = new PageClient(port).signIn(ApiClient.OFFICER_LI);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(li.get("/cases/" + number).status()).isEqualTo(200));
        LocalDate yesterday = TODAY.minusDays(1);
        assertThat(li.get("/cases/" + number + "?asOf=" + yesterday).body()).contains("该日本案尚未登记");
        assertThat(li.get("/cases/" + number + "?asOf=" + TODAY).body())
                .containsPattern("id=\"as-of-result\"[\\s\\S]*已登记（收到调解申请）");
        PageClient.Page changes = li.get("/cases/" + number + "?from=" + yesterday + "&to=" + TODAY);
        assertThat(changes.body()).contains("变化后").containsPattern("<th scope=\"row\">状态</th>\\s*<td>—</td>\\s*<td>已登记（收到调解申请）</td>")
                .doesNotContain(Disputes.idNumber(1));
        assertThat(li.get("/cases/" + number + "?from=" + TODAY + "&to=" + yesterday).body()).contains("起始日期应早于截止日期");
    }
}

package org.weiquan.app.pages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.PageClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 数据分析: an analyst exports a window of days in the background, watches it reach 100 % and
 * downloads it; the file and the page hold pseudonyms only, and the export is the analyst's alone.
 */
class AnalyticsPagesHttpTest extends HttpIntegrationTest {
    @Test
    void an_analyst_exports_todays_events_with_progress_and_never_sees_a_name_an_id_number_or_a_phone() {
        ObjectNode filing = Disputes.filing();
        String idNumber = Disputes.uniqueIdNumber();
        ((ObjectNode) filing.withArray("workers").get(0)).put("idNumber", idNumber).put("name", "欧阳明远")
                .put("phone", "13987654321");
        String caseId = new ApiClient(port).as(ApiClient.OFFICER_LI).post(Disputes.PATH, filing).json()
                .path("disputeId").asText();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        PageClient zhao = new PageClient(port).signIn(ApiClient.ANALYST_ZHAO);
        assertThat(zhao.get("/analytics").body()).contains("事件数据导出", "开始导出");
        PageClient.Page started = zhao.post("/analytics/exports", Map.of("from", today, "to", today));
        assertThat(started.status()).isEqualTo(302);
        String export = started.location().replaceAll(".*export=", "");
        PageClient.Page page = zhao.get("/analytics?export=" + export);
        assertThat(page.body()).contains("导出进度");
        await().atMost(READ_SIDE).untilAsserted(() ->
                assertThat(zhao.get("/analytics/exports/" + export).body()).contains("导出完成", "100.0 %", "下载导出文件"));
        PageClient.Page done = zhao.get("/analytics/exports/" + export);
        assertThat(done.body()).as("no more polling once done").doesNotContain("hx-trigger");

        PageClient.Page file = zhao.get("/analytics/exports/" + export + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).contains("\"caseId\":\"" + caseId + "\"")
                .doesNotContain(idNumber).doesNotContain("13987654321").doesNotContain("欧阳明远");
        assertThat(done.body()).doesNotContain(idNumber).doesNotContain("13987654321");

        PageClient admin = new PageClient(port).signIn(ApiClient.ADMIN);
        assertThat(admin.get("/analytics/exports/" + export).status()).as("another user's export").isEqualTo(404);
        assertThat(new PageClient(port).signIn(ApiClient.OFFICER_LI).get("/analytics").status()).isEqualTo(403);
    }
}

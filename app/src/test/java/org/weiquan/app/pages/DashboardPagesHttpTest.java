package org.weiquan.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.PageClient;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 监测: the dashboard shows the monitoring API's figures for the viewer's organisation, follows a
 * new case, carries twelve months of rates, and its alert feed (fetched alone by htmx) names no
 * person and links cases only for those who may open them.
 */
class DashboardPagesHttpTest extends HttpIntegrationTest {
    private static final Pattern OPEN = Pattern.compile("id=\"kpi-open\">(\\d+)<");

    private static long openOn(PageClient.Page page) {
        Matcher m = OPEN.matcher(page.body());
        assertThat(m.find()).as("the open count on the page").isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void the_supervisor_sees_the_monitoring_figures_and_a_new_case_counts_at_once() {
        ApiClient api = new ApiClient(port);
        PageClient wang = new PageClient(port).signIn(ApiClient.SUPERVISOR_WANG);
        PageClient.Page before = wang.get("/dashboard");
        assertThat(before.status()).isEqualTo(200);
        long apiOpen = api.as(ApiClient.SUPERVISOR_WANG).get("/api/monitoring/summary").json().path("total").path("open").asLong();
        assertThat(openOn(before)).isEqualTo(apiOpen);
        assertThat(before.body()).contains("按案件类型", "按区域", "预警信息", "id=\"wq-dashboard-data\"", "echarts.min.js")
                .contains("仲裁裁决期限");
        assertThat(Pattern.compile("<th scope=\"row\">\\d{4}-\\d{2}</th>").matcher(before.body()).results().count())
                .as("twelve months of rates").isEqualTo(12);

        assertThat(api.as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing()).status()).isEqualTo(201);
        // the counts are the whole store's: another test's replay may hold them up a while
        await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> assertThat(openOn(wang.get("/dashboard")))
                .isEqualTo(new ApiClient(port).as(ApiClient.SUPERVISOR_WANG).get("/api/monitoring/summary").json()
                        .path("total").path("open").asLong()).isGreaterThan(apiOpen));
        assertThat(wang.get("/dashboard").body()).as("the district of the new case in the table")
                .containsPattern("<th scope=\"row\">姑苏区</th>\\s*<td>[1-9]\\d*</td>");
    }

    @Test
    void a_collective_dispute_reaches_the_alert_feed_and_the_analyst_sees_it_without_links_or_names() {
        ApiClient api = new ApiClient(port);
        JsonNode filed = api.as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing(10)).json();
        String number = filed.path("caseNumber").asText();
        PageClient wang = new PageClient(port).signIn(ApiClient.SUPERVISOR_WANG);
        wang.get("/dashboard");
        await().atMost(READ_SIDE).untilAsserted(() -> {
            PageClient.Page feed = wang.get("/dashboard/alerts");
            assertThat(feed.body()).startsWith("<section").contains("集体劳动争议", "href=\"/cases/" + number + "\"");
        });
        PageClient zhao = new PageClient(port).signIn(ApiClient.ANALYST_ZHAO);
        PageClient.Page analyst = zhao.get("/dashboard");
        assertThat(analyst.status()).isEqualTo(200);
        assertThat(analyst.body()).contains(number).doesNotContain("href=\"/cases/")
                .doesNotContain(Disputes.idNumber(1)).doesNotContain("张小明");
    }
}

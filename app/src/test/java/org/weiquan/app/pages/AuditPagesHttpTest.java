package org.weiquan.app.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.PageClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 审计查询: what an officer did in a week, as a supervisor finds it, and the same as CSV. */
class AuditPagesHttpTest extends HttpIntegrationTest {
    @Test
    void a_supervisor_finds_what_an_officer_did_this_week_and_downloads_it_as_csv() throws Exception {
        JsonNode filed = new ApiClient(port).as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing()).json();
        String number = filed.path("caseNumber").asText();
        PageClient wang = new PageClient(port).signIn(ApiClient.SUPERVISOR_WANG);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // oldest first, in a store every test shares: the new case is on one of the last pages
        await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> {
            PageClient.Page first = wang.get("/audit?actor=officer.li&from=" + today + "&to=" + today);
            assertThat(first.status()).isEqualTo(200);
            Matcher total = Pattern.compile("共 (\\d+) 条记录").matcher(first.body());
            assertThat(total.find()).isTrue();
            int last = (Integer.parseInt(total.group(1)) - 1) / AuditPageController.PAGE_SIZE;
            boolean found = false;
            for (int page = last; page >= Math.max(0, last - 3) && !found; page--) {
                String body = wang.get("/audit?actor=officer.li&from=" + today + "&to=" + today + "&page=" + page).body();
                found = body.contains(number) && body.contains("李明") && body.contains("姑苏区总工会");
            }
            assertThat(found).as(number + " on the audit pages").isTrue();
        });
        PageClient.Page page = wang.get("/audit?actor=officer.li&from=" + today + "&to=" + today);
        Matcher csv = Pattern.compile("href=\"(/api/audit\\?[^\"]+format=csv)\"").matcher(page.body());
        assertThat(csv.find()).as("the CSV link").isTrue();
        PageClient.Page download = wang.get(csv.group(1).replace("&amp;", "&"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).contains(number, "officer.li");

        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                wang.bytes("/audit/download?actor=officer.li&from=" + today + "&to=" + today)))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("审计查询");
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(4) != null && row.getCell(4).toString().equals(number)) {
                    found = true;
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("李明");
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("经办人");
                }
            }
            assertThat(found).as(number + " in the workbook").isTrue();
        }

        PageClient.Page nobodyElse = wang.get("/audit?actor=officer.chen&from=" + today + "&to=" + today);
        assertThat(nobodyElse.body()).doesNotContain(number);
        assertThat(wang.get("/audit?from=" + today + "&to=2000-01-01").body()).contains("起始日期晚于截止日期");
    }

    @Test
    void only_supervisors_and_the_administrator_search_the_audit_trail() {
        assertThat(new PageClient(port).signIn(ApiClient.ANALYST_ZHAO).get("/audit").status()).isEqualTo(403);
        assertThat(new PageClient(port).signIn(ApiClient.OFFICER_LI).get("/audit").status()).isEqualTo(403);
        assertThat(new PageClient(port).signIn(ApiClient.ADMIN).get("/audit").status()).isEqualTo(200);
    }
}

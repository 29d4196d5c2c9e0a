package org.weiquan.app.pages;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.PageClient;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** 工作台 filtered by kind and status, and downloaded as it is filtered, as CSV and as a workbook. */
class QueueDownloadsHttpTest extends HttpIntegrationTest {
    /** The list is shared by every test of the context; another test's replay may hold it up a while. */
    private static final java.time.Duration SHARED_READ_SIDE = java.time.Duration.ofSeconds(60);
    @Test
    void the_queue_filters_by_status_once_a_kind_is_chosen_and_downloads_what_it_shows() throws Exception {
        String number = new ApiClient(port).as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing()).json()
                .path("caseNumber").asText();
        PageClient li = new PageClient(port).signIn(ApiClient.OFFICER_LI);
        // searched by its number: the shared store holds many of officer.li's filed disputes
        await().atMost(SHARED_READ_SIDE).untilAsserted(() -> assertThat(li.get("/?kind=LABOUR_DISPUTE&status=FILED&q=" + number)
                .body()).contains(number, "<option value=\"MEDIATING\"", "调解中"));
        assertThat(li.get("/?kind=LABOUR_DISPUTE&status=MEDIATING&q=" + number).body())
                .doesNotContain("<td class=\"wq-case-number\">" + number + "</td>");

        // a replay another test started may be rebuilding the list: wait for it as for the page
        await().atMost(SHARED_READ_SIDE).untilAsserted(() -> {
            PageClient.Page csv = li.get("/queue/download?kind=LABOUR_DISPUTE&status=FILED&format=csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body()).startsWith("\uFEFF").contains("案件编号", "剩余天数", number, "劳动争议",
                    "已登记（收到调解申请）", "姑苏区").doesNotContain(Disputes.idNumber(1));
        });

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                li.bytes("/queue/download?kind=LABOUR_DISPUTE&status=FILED&format=xlsx")))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("我的待办案件");
            boolean found = false;
            for (var row : sheet) {
                if (row.getCell(0) != null && row.getCell(0).toString().equals(number)) {
                    found = true;
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo("已登记（收到调解申请）");
                    assertThat(row.getCell(7).getNumericCellValue()).as("days left, a number").isPositive();
                }
            }
            assertThat(found).as(number + " in the workbook").isTrue();
        }
        assertThat(new PageClient(port).signIn(ApiClient.ANALYST_ZHAO).get("/queue/download?format=csv").status())
                .as("no queue for an analyst").isEqualTo(403);
    }
}

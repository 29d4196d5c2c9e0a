package org.weiquan.app.pages;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.PageClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 信访分析月报: the page shows the report API's figures with every code by its Chinese label, and the
 * Excel workbook holds the same tables with numbers as numbers and rates as percentages.
 */
class ReportPagesHttpTest extends HttpIntegrationTest {
    private final String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

    private long receivedByApi() {
        return new ApiClient(port).as(ApiClient.SUPERVISOR_WANG).get("/api/reports/petitions/monthly?month=" + month)
                .json().path("totals").path("received").asLong();
    }

    @Test
    void the_report_page_shows_the_months_figures_by_their_labels_with_its_downloads() {
        PageClient wang = new PageClient(port).signIn(ApiClient.SUPERVISOR_WANG);
        PageClient.Page page = wang.get("/reports/petitions?month=" + month);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("信访分析月报", "苏州市总工会", "一、总体情况", "按信访形式", "12351职工服务热线",
                "高新区（虎丘区）", "受理率", "按期答复率", "重复信访人")
                .contains("format=xlsx", "format=csv")
                .doesNotContain(">HOTLINE_12351<", ">WAGE_ARREARS<");
        assertThat(page.body()).containsPattern("<th scope=\"row\">收到信访件</th>\\s*<td class=\"text-end\">"
                + receivedByApi() + "</td>");
        assertThat(wang.get("/reports/petitions?month=2026-13").status()).isEqualTo(400);
    }

    @Test
    void the_workbook_has_the_report_tables_with_counts_as_numbers_and_rates_as_percentages() throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/reports/petitions/monthly?format=xlsx&month=" + month))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ApiClient.SUPERVISOR_WANG + ":" + ApiClient.passwordOf(ApiClient.SUPERVISOR_WANG))
                                .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).contains("petition-report-" + month + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("信访分析月报");
            Map<String, Row> byLabel = new LinkedHashMap<>();
            for (Row row : sheet) if (row.getCell(0) != null) byLabel.putIfAbsent(row.getCell(0).toString(), row);
            assertThat(byLabel).containsKeys("一、总体情况", "七、主要指标", "受理率", "12351职工服务热线");
            assertThat(byLabel.get("收到信访件").getCell(1).getNumericCellValue()).isEqualTo((double) receivedByApi());
            Row acceptance = byLabel.get("受理率");
            if (acceptance.getCell(3).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                assertThat(new DataFormatter().formatCellValue(acceptance.getCell(3))).endsWith("%");
            } else {
                assertThat(acceptance.getCell(3).getStringCellValue()).as("nothing to divide by").isEqualTo("—");
            }
        }
    }
}

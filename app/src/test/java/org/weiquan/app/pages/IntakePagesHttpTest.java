package org.weiquan.app.pages;

import org.junit.jupiter.api.Test;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.HttpIntegrationTest;
import org.weiquan.app.support.PageClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 登记新案 as a browser without JavaScript uses it: the form of each kind from the kind's filing
 * API, messages in Chinese beside the fields, one case however often the form is sent, rows added
 * for more workers, and the possible duplicates before and after filing.
 */
class IntakePagesHttpTest extends HttpIntegrationTest {
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    private PageClient officer() {
        return new PageClient(port).signIn(ApiClient.OFFICER_LI);
    }

    private int cases(String prefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM case_registry WHERE case_number LIKE ?", Integer.class,
                prefix + "-%");
    }

    private static Map<String, String> dispute(String idNumber, String claim) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("district", "GUSU");
        form.put("category", "WAGE_ARREARS");
        form.put("workers[0].name", "张小明");
        form.put("workers[0].idNumber", idNumber);
        form.put("workers[0].phone", "13912345678");
        form.put("employer.name", "苏州某电子有限公司");
        form.put("employer.creditCode", Disputes.creditCode("91320508MA1N2B3C4"));
        form.put("claim", claim);
        form.put("claimedAmount", "12000");
        form.put("appliedOn", TODAY);
        return form;
    }

    private static Map<String, String> with(PageClient.Page page, Map<String, String> form) {
        Map<String, String> sent = new LinkedHashMap<>(form);
        sent.put("idempotencyKey", page.hidden("idempotencyKey"));
        return sent;
    }

    @Test
    void the_kinds_and_their_forms_come_from_the_filing_api_with_chinese_labels() {
        PageClient li = officer();
        PageClient.Page kinds = li.get("/cases/new");
        assertThat(kinds.status()).isEqualTo(200);
        assertThat(kinds.body()).contains("/cases/new/labour-dispute", "/cases/new/safety-hazard",
                "/cases/new/legal-aid", "/cases/new/petition");
        PageClient.Page dispute = li.get("/cases/new/labour-dispute");
        assertThat(dispute.body()).contains("name=\"workers[0].idNumber\"", "name=\"employer.creditCode\"",
                "居民身份证号码", "统一社会信用代码", "劳动者 1", "争议类型");
        assertThat(li.get("/cases/new/petition").body()).contains("name=\"petitioners[0].name\"", "信访形式",
                "12351职工服务热线");
        assertThat(li.get("/cases/new/no-such-kind").status()).isEqualTo(404);
    }

    @Test
    void only_an_officer_files_cases() {
        PageClient wang = new PageClient(port).signIn(ApiClient.SUPERVISOR_WANG);
        assertThat(wang.get("/cases/new").status()).isEqualTo(403);
        assertThat(wang.get("/cases/new/labour-dispute").status()).isEqualTo(403);
    }

    @Test
    void a_wrong_id_number_and_a_missing_claim_are_told_in_chinese_beside_their_fields_and_nothing_is_filed() {
        PageClient li = officer();
        PageClient.Page form = li.get("/cases/new/labour-dispute");
        int before = cases("LD");
        Map<String, String> wrong = dispute("110105199001010011", "");
        PageClient.Page refused = li.post("/cases/new/labour-dispute", with(form, wrong));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("请按提示更正填写的内容", "未登记任何案件",
                "不是有效的18位居民身份证号码", "此项为必填项", "aria-invalid=\"true\"")
                .contains("value=\"110105199001010011\"");
        assertThat(cases("LD")).isEqualTo(before);
    }

    @Test
    void a_form_sent_twice_files_one_case_and_the_new_case_page_says_its_number() {
        PageClient li = officer();
        PageClient.Page form = li.get("/cases/new/labour-dispute");
        Map<String, String> sent = with(form, dispute(Disputes.uniqueIdNumber(), "三个月工资未发 " + UUID.randomUUID()));
        int before = cases("LD");
        PageClient.Page first = li.post("/cases/new/labour-dispute", sent);
        PageClient.Page again = li.post("/cases/new/labour-dispute", sent);
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).matches(".*/cases/LD-\\d{4}-\\d{6}");
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(cases("LD")).isEqualTo(before + 1);
        String number = first.location().substring(first.location().lastIndexOf('/') + 1);
        PageClient.Page page = li.get("/cases/" + number);
        assertThat(page.body()).contains("已登记，案件编号 " + number, "张**");
    }

    @Test
    void more_workers_are_added_as_rows_keeping_what_was_entered_and_a_blank_row_files_nobody() {
        PageClient li = officer();
        PageClient.Page form = li.get("/cases/new/labour-dispute");
        Map<String, String> entered = with(form, dispute(Disputes.uniqueIdNumber(), "加班费未付 " + UUID.randomUUID()));
        entered.put("addRow", "workers");
        PageClient.Page twoRows = li.post("/cases/new/labour-dispute", entered);
        assertThat(twoRows.status()).isEqualTo(200);
        assertThat(twoRows.body()).contains("name=\"workers[1].idNumber\"", "劳动者 2", "name=\"rows.workers\" value=\"2\"")
                .contains("value=\"" + entered.get("workers[0].idNumber") + "\"");
        Map<String, String> filed = new LinkedHashMap<>(entered);
        filed.remove("addRow");
        filed.put("rows.workers", "3");
        // the second row left blank, the third filled: it is filed as the second worker
        String third = Disputes.uniqueIdNumber();
        filed.put("workers[2].name", "李小红");
        filed.put("workers[2].idNumber", third);
        PageClient.Page done = li.post("/cases/new/labour-dispute", filed);
        assertThat(done.status()).isEqualTo(302);
        String number = done.location().substring(done.location().lastIndexOf('/') + 1);
        String caseId = jdbc.queryForObject("SELECT case_id FROM case_registry WHERE case_number = ?", String.class, number);
        assertThat(new ApiClient(port).as(ApiClient.OFFICER_LI).get("/api/disputes/" + caseId).json()
                .path("workers").size()).isEqualTo(2);
    }

    @Test
    void an_open_case_of_the_same_worker_is_shown_while_typing_and_again_after_filing() {
        PageClient li = officer();
        String worker = Disputes.uniqueIdNumber();
        PageClient.Page form = li.get("/cases/new/labour-dispute");
        String firstNumber = li.post("/cases/new/labour-dispute", with(form, dispute(worker, "工资 " + UUID.randomUUID())))
                .location().replaceAll(".*/", "");

        form = li.get("/cases/new/labour-dispute");
        Map<String, String> second = with(form, dispute(worker, "工资 " + UUID.randomUUID()));
        PageClient.Page typed = li.post("/cases/new/labour-dispute/duplicates", second);
        assertThat(typed.status()).isEqualTo(200);
        assertThat(typed.body()).startsWith("<section").contains(firstNumber, "同一当事人");
        second.put("check", "1");
        assertThat(li.post("/cases/new/labour-dispute", second).body()).contains(firstNumber, "请核对是否重复登记");
        second.remove("check");
        String secondNumber = li.post("/cases/new/labour-dispute", second).location().replaceAll(".*/", "");
        assertThat(secondNumber).isNotEqualTo(firstNumber);
        assertThat(li.get("/cases/" + secondNumber).body()).contains("登记时发现以下可能重复的在办案件", firstNumber);
    }

    @Test
    void a_hazard_a_legal_aid_application_and_a_petition_are_filed_from_their_forms() {
        PageClient li = officer();
        String employer = Disputes.creditCode(String.format("91320508MB%07d", (int) (Math.random() * 9_000_000)));
        Map<String, String> hazard = new LinkedHashMap<>(Map.of("district", "GUSU", "severity", "GENERAL",
                "employer.name", "苏州某化工有限公司", "employer.creditCode", employer,
                "location", "二号车间", "description", "消防通道堵塞 " + UUID.randomUUID(), "foundOn", TODAY));
        Map<String, String> legalAid = new LinkedHashMap<>(Map.of("district", "GUSU", "applicant.name", "王小军",
                "applicant.idNumber", Disputes.uniqueIdNumber(), "migrantWorker", "true", "matterCategory", "WAGES",
                "matter", "追索劳动报酬", "grounds", "经济困难 " + UUID.randomUUID(), "appliedOn", TODAY));
        Map<String, String> petition = new LinkedHashMap<>(Map.of("district", "GUSU", "channel", "LETTER",
                "receivedOn", TODAY, "petitioners[0].name", "赵大海", "petitioners[0].idNumber", Disputes.uniqueIdNumber(),
                "whistleblower", "false", "claim", "反映单位拖欠工资 " + UUID.randomUUID()));
        for (var kind : Map.of("safety-hazard", Map.entry("SH", hazard), "legal-aid", Map.entry("LA", legalAid),
                "petition", Map.entry("PT", petition)).entrySet()) {
            PageClient.Page form = li.get("/cases/new/" + kind.getKey());
            PageClient.Page filed = li.post("/cases/new/" + kind.getKey(), with(form, kind.getValue().getValue()));
            assertThat(filed.status()).as(kind.getKey() + ": " + filed.body()).isEqualTo(302);
            assertThat(filed.location()).as(kind.getKey()).matches(".*/cases/" + kind.getValue().getKey() + "-\\d{4}-\\d{6}");
        }
    }
}

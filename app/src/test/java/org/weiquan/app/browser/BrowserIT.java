package org.weiquan.app.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import java.util.Map;
import java.time.LocalDate;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.weiquan.app.support.ApiClient;
import org.weiquan.app.support.ApiResponse;
import org.weiquan.app.support.Disputes;
import org.weiquan.app.support.LegalAidCases;
import org.weiquan.app.support.Hazards;
import org.weiquan.app.support.Petitions;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The web pages in a real browser: Debian's Chromium, driven by Selenium through Debian's
 * chromedriver, against the packaged application on a fresh embedded store. Runs with
 * {@code mvn verify -Pbrowser}; without Chromium it is skipped with a message naming the packages,
 * unless {@code weiquan.browser.required} is set (CI sets it, so a skipped run fails there).
 * Screenshots of every page it visits go to {@code target/screenshots}; with
 * {@code -Dweiquan.screenshots.publish=true} they are copied to {@code docs/screenshots} too, which
 * the README links (CI does not set it: it never changes tracked files).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Process app;
    private int port;
    private WebDriver browser;

    @BeforeAll
    void startTheAppAndTheBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String missing = "browser tests need Debian's chromium, chromium-driver and fonts-noto-cjk"
                    + " (apt-get install chromium chromium-driver fonts-noto-cjk)";
            if (Boolean.getBoolean("weiquan.browser.required")) fail(missing);
            abort(missing);
        }
        Path jar = Path.of(System.getProperty("weiquan.browser.jar", "target/weiquan.jar"));
        assertThat(jar).as("the packaged application").exists();
        port = freePort();
        Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "browser-")
                .toAbsolutePath();
        Files.createDirectories(SCREENSHOTS);
        app = new ProcessBuilder(javaExecutable(), "-Xmx512m", "-Daxoniq.update-checker.disabled=true", "-jar",
                jar.toAbsolutePath().toString(), "--server.port=" + port, "--weiquan.data-dir=" + data)
                .redirectErrorStream(true).redirectOutput(Path.of("target", "browser-app.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        await("the app's health").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--disable-default-apps", "--lang=zh-CN",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1366, 768));
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    void stop() throws InterruptedException, IOException {
        if (Boolean.getBoolean("weiquan.screenshots.publish") && Files.isDirectory(SCREENSHOTS)) {
            Path published = Files.createDirectories(Path.of("..", "docs", "screenshots"));
            try (var shots = Files.list(SCREENSHOTS)) {
                for (Path shot : shots.toList()) {
                    Files.copy(shot, published.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        if (browser != null) browser.quit();
        if (app != null) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) app.destroyForcibly();
        }
    }

    @Test
    void an_officer_signs_in_and_sees_their_open_cases_overdue_first_with_the_days_left() throws IOException {
        ApiClient api = new ApiClient(port);
        ApiResponse filed = api.as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing());
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        String caseNumber = filed.json().path("caseNumber").asText();

        browser.get(url("/?kind=LABOUR_DISPUTE"));
        assertThat(browser.getCurrentUrl()).as("signed out: to the sign-in page").contains("/login");
        screenshot("sign-in");
        signIn("officer.li", "officer-demo");
        // the top bar waits for the next page; then it is the page asked for
        assertThat(text(".wq-me")).isEqualTo("李明 · 经办人 · 姑苏区总工会");
        assertThat(browser.getCurrentUrl()).as("back to the page asked for").contains("kind=LABOUR_DISPUTE");
        assertThat(text("h1")).isEqualTo("我的待办案件");
        await("the queue lists " + caseNumber).atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(text("table")).contains(caseNumber);
        });
        String row = browser.findElement(By.xpath("//tr[td[normalize-space()='" + caseNumber + "']]")).getText();
        assertThat(row).contains("劳动争议", "已登记（收到调解申请）", "张**", "姑苏区").containsPattern("剩余 \\d+ 天");
        assertThat(row).doesNotContain(Disputes.idNumber(1));
        assertNoSeriousAccessibilityViolation("queue");
        screenshot("queue");
        assertThat(compressedBytes("/", "/css/weiquan.css", "/webjars/bootstrap/css/bootstrap.min.css"))
                .as("the queue page with its styles, compressed (UI.md: keep each page light)").isLessThan(200 * 1024);

        click(browser.findElement(By.cssSelector("a[aria-label='查看 " + caseNumber + "']")));
        assertThat(text("h1")).isEqualTo(caseNumber);
        assertThat(text(".breadcrumb")).contains("工作台", "劳动争议", caseNumber);
        assertThat(text(".card-body")).as("the officer by name").contains("李明").doesNotContain("officer.li");
        String timeline = text(".wq-timeline");
        assertThat(timeline).as("who, in which role and organisation, when, what")
                .contains("李明", "经办人", "姑苏区总工会", caseNumber).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(timeline).as("coded values by their labels").contains("拖欠劳动报酬").doesNotContain("WAGE_ARREARS");
        assertNoSeriousAccessibilityViolation("case page");
        screenshot("case");

        browser.get(url("/?lang=en"));
        assertThat(text("h1")).isEqualTo("My open cases");
        browser.get(url("/?lang=zh_CN"));
        assertThat(text("h1")).isEqualTo("我的待办案件");
        signOut();
    }

    @Test
    void a_wrong_password_is_refused_in_plain_words_and_each_demo_user_sees_who_they_are() throws IOException {
        browser.get(url("/login"));
        signIn("officer.li", "not-the-password");
        assertThat(text(".alert-danger")).isEqualTo("用户名或密码不正确");
        assertNoSeriousAccessibilityViolation("sign-in");

        for (List<String> user : List.of(List.of("officer.chen", "officer-demo", "陈静 · 经办人 · 昆山市总工会"),
                List.of("supervisor.wang", "supervisor-demo", "王建国 · 监督员 · 苏州市总工会"),
                List.of("analyst.zhao", "analyst-demo", "赵敏 · 统计分析员 · 苏州市总工会"),
                List.of("admin", "admin-demo", "系统管理员 · 系统管理员 · 苏州市总工会"))) {
            browser.get(url("/login"));
            signIn(user.get(0), user.get(1));
            assertThat(text(".wq-me")).as(user.get(0)).isEqualTo(user.get(2));
            if (user.get(0).equals("analyst.zhao")) {
                assertThat(browser.findElements(By.cssSelector("table"))).as("no case table for analysts").isEmpty();
                browser.get(url("/cases/LD-2026-000001"));
                assertThat(text("h1")).as("a case page is not for analysts").isEqualTo("没有权限");
                browser.get(url("/"));
            }
            screenshot("home-" + user.get(0));
            signOut();
            assertThat(text(".alert-success")).isEqualTo("您已安全退出");
        }
    }

    @Test
    void the_administrator_replays_a_projection_from_its_page_and_sees_it_reach_100_percent() throws IOException {
        ApiClient api = new ApiClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(api.as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing()).status()).isEqualTo(201);
        }
        browser.get(url("/login"));
        signIn("officer.li", "officer-demo");
        browser.get(url("/admin/processors"));
        assertThat(text("h1")).as("not for officers").isEqualTo("没有权限");
        signOut();

        signIn("admin", "admin-demo");
        click(browser.findElement(By.linkText("处理器与重放")));
        assertThat(text("h1")).isEqualTo("处理器与重放");
        assertThat(text("table")).contains("dispute-list", "case-history", "monitoring");
        click(browser.findElement(By.cssSelector("button[aria-label='重放 dispute-list']")));
        assertThat(text(".alert-success")).isEqualTo("已开始重放 dispute-list");
        await("the replay of dispute-list reaches the head").atMost(Duration.ofSeconds(30))
                .ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
                    // the table is swapped in anew every second: read the row's cells in one go
                    List<String> cells = browser.findElements(By.cssSelector("tr[data-processor='dispute-list'] td"))
                            .stream().map(WebElement::getText).toList();
                    assertThat(cells.get(1)).isEqualTo("已追平");
                    assertThat(Long.parseLong(cells.get(2))).as("position of dispute-list").isPositive();
                    assertThat(cells.get(3)).as("head of the log").isEqualTo(cells.get(2));
                    assertThat(cells.get(4)).as("lag").isEqualTo("0");
                    assertThat(cells.get(5)).isEqualTo("100 %");
                });
        assertNoSeriousAccessibilityViolation("processors");
        screenshot("processors");
        signOut();
    }

    @Test
    void an_officer_takes_a_dispute_from_filing_to_closure_through_the_case_page_and_a_refusal_changes_nothing()
            throws IOException {
        ApiClient api = new ApiClient(port);
        ApiResponse filed = api.as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing());
        assertThat(filed.status()).as("%s", filed).isEqualTo(201);
        String caseNumber = filed.json().path("caseNumber").asText();
        String disputeId = filed.json().path("disputeId").asText();
        browser.get(url("/login"));
        signIn("officer.li", "officer-demo");
        await(caseNumber + " on its page").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.get(url("/cases/" + caseNumber));
            assertThat(present(".wq-status")).containsExactly("已登记（收到调解申请）");
        });
        assertThat(actionsOffered()).as("what a filed dispute allows").containsExactly("受理调解申请", "申请仲裁", "结案");

        actAndSucceed("ACCEPT", Map.of());
        assertThat(text(".alert-success")).isEqualTo("已办理：受理调解申请");
        assertThat(text(".wq-status")).isEqualTo("已受理");
        int steps = timelineSteps();

        act("CLOSE", Map.of("reason", "RESOLVED"));
        assertThat(text("details[data-action=CLOSE] .alert-danger")).as("the refusal beside its form")
                .contains("不能以此理由结案", "本案未作任何更改");
        assertThat(text(".wq-status")).isEqualTo("已受理");
        assertThat(timelineSteps()).as("nothing stored").isEqualTo(steps);
        assertNoSeriousAccessibilityViolation("case page with a refusal");
        screenshot("case-refusal");

        // someone else assigns the mediator while this page is open
        assertThat(api.as(ApiClient.OFFICER_LI).post(Disputes.PATH + "/" + disputeId + "/mediator",
                Disputes.mediator("mediator.sun")).status()).isEqualTo(200);
        act("RECORD_MEDIATION_FAILURE", Map.of("reason", "单位拒绝调解"));
        assertThat(text("details[data-action=RECORD_MEDIATION_FAILURE] .alert-danger"))
                .contains("本案已被他人修改", "本案未作任何更改");
        click(browser.findElement(By.linkText("重新载入本案")));
        assertThat(text(".wq-status")).isEqualTo("调解中");

        actAndSucceed("RECORD_MEDIATION_SESSION", Map.of("summary", "第一次调解，双方同意分期支付"));
        actAndSucceed("REACH_SETTLEMENT", Map.of("amount", "5000", "paymentDueOn", LocalDate.now().plusDays(10).toString(),
                "terms", "单位于十日内支付拖欠工资5000元"));
        assertThat(text(".wq-status")).isEqualTo("已达成调解协议");
        actAndSucceed("RECORD_PAYMENT", Map.of("amount", "5000"));
        assertThat(text(".wq-status")).isEqualTo("协议已履行");
        actAndSucceed("CLOSE", Map.of("reason", "RESOLVED"));
        assertThat(text(".alert-success")).isEqualTo("已办理：结案");
        assertThat(text(".wq-status")).isEqualTo("已结案");
        assertThat(actionsOffered()).as("a closed dispute offers nothing").isEmpty();
        assertThat(text(".wq-timeline")).as("each step in the history, by the officer")
                .contains("李明", "受理", "调解员", "调解协议", "结案");
        screenshot("case-closed");
        signOut();
    }

    @Test
    void an_officer_files_a_case_of_each_kind_through_its_form_and_sees_the_possible_duplicates_before_and_after()
            throws IOException {
        String worker = Disputes.uniqueIdNumber();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Map<String, String> dispute = new LinkedHashMap<>();
        dispute.put("district", "GUSU");
        dispute.put("category", "WAGE_ARREARS");
        dispute.put("workers[0].name", "周小平");
        dispute.put("workers[0].idNumber", "110105199001010011"); // a wrong check digit first
        dispute.put("employer.name", "苏州某纺织有限公司");
        dispute.put("claim", "两个月工资未发");
        dispute.put("claimedAmount", "9600");
        browser.get(url("/login"));
        signIn("officer.li", "officer-demo");
        click(browser.findElement(By.linkText("登记新案")));
        assertThat(present(".card h2")).containsExactly("登记劳动争议调解申请", "登记安全隐患", "登记法律援助申请", "登记信访件");
        assertNoSeriousAccessibilityViolation("intake kinds");
        click(browser.findElement(By.linkText("登记劳动争议调解申请")));
        fill(browser.findElement(By.cssSelector("form.wq-intake")), dispute);
        click(browser.findElement(By.cssSelector("form.wq-intake button.btn-primary")));
        assertThat(text(".alert-danger")).contains("请按提示更正填写的内容", "未登记任何案件");
        assertThat(text("#f-intake-workers-0-idNumber-error")).contains("不是有效的18位居民身份证号码");
        assertNoSeriousAccessibilityViolation("intake form with a refusal");

        fill(browser.findElement(By.cssSelector("form.wq-intake")), Map.of("workers[0].idNumber", worker));
        click(browser.findElement(By.cssSelector("form.wq-intake button.btn-primary")));
        assertThat(text(".alert-success")).startsWith("已登记，案件编号 LD-");
        String first = text("h1.wq-case-number");
        assertThat(text(".wq-status")).isEqualTo("已登记（收到调解申请）");

        // the same worker again: the first case is shown as the ID number is typed, and after filing
        browser.get(url("/cases/new/labour-dispute"));
        WebElement form = browser.findElement(By.cssSelector("form.wq-intake"));
        dispute.put("workers[0].idNumber", worker);
        dispute.put("claim", "加班费未付");
        fill(form, dispute);
        form.findElement(By.name("claim")).click(); // leaving the ID number: htmx asks for duplicates
        await("the possible duplicate while typing").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(text("#duplicates")).contains(first, "同一当事人"));
        assertNoSeriousAccessibilityViolation("intake form with a possible duplicate");
        screenshot("intake-form");
        click(form.findElement(By.cssSelector("button.btn-primary")));
        assertThat(text(".alert-warning")).contains("登记时发现以下可能重复的在办案件", first);
        String second = text("h1.wq-case-number");
        assertThat(second).isNotEqualTo(first);
        screenshot("case-filed-with-duplicate");

        Map<String, Map<String, String>> others = new LinkedHashMap<>();
        others.put("safety-hazard", Map.of("district", "GUSU", "severity", "GENERAL", "employer.name", "苏州某化工有限公司",
                "employer.creditCode", Disputes.creditCode("91320508MA1Q2W3E4"), "location", "二号车间",
                "description", "消防通道堵塞", "foundOn", today));
        others.put("legal-aid", Map.of("district", "GUSU", "applicant.name", "王小军",
                "applicant.idNumber", Disputes.uniqueIdNumber(), "migrantWorker", "true", "matterCategory", "WAGES",
                "matter", "追索劳动报酬", "grounds", "家庭经济困难，无力聘请律师"));
        others.put("petition", Map.of("district", "GUSU", "channel", "LETTER", "petitioners[0].name", "赵大海",
                "petitioners[0].idNumber", Disputes.uniqueIdNumber(), "claim", "反映单位拖欠工资"));
        Map<String, String> statuses = Map.of("safety-hazard", "SH-", "legal-aid", "LA-", "petition", "PT-");
        List<String> filed = new ArrayList<>(List.of(first, second));
        for (Map.Entry<String, Map<String, String>> kind : others.entrySet()) {
            browser.get(url("/cases/new/" + kind.getKey()));
            fill(browser.findElement(By.cssSelector("form.wq-intake")), kind.getValue());
            click(browser.findElement(By.cssSelector("form.wq-intake button.btn-primary")));
            assertThat(present(".alert-danger, .invalid-feedback")).as("refused: %s", kind.getKey()).isEmpty();
            assertThat(text(".alert-success")).startsWith("已登记，案件编号 " + statuses.get(kind.getKey()));
            assertThat(timelineSteps()).as("the filing in the history").isEqualTo(1);
            filed.add(text("h1.wq-case-number"));
        }
        for (String number : filed) {
            browser.get(url("/?q=" + number));
            assertThat(present("td.wq-case-number")).as("the work queue finds %s", number).containsExactly(number);
        }
        signOut();
    }

    @Test
    void the_supervisor_watches_the_dashboard_count_a_new_case_and_its_alert_arrive_without_a_reload()
            throws IOException {
        ApiClient api = new ApiClient(port);
        browser.get(url("/login"));
        signIn("supervisor.wang", "supervisor-demo");
        click(browser.findElement(By.linkText("监测")));
        long open = Long.parseLong(text("#kpi-open"));
        assertThat(open).isEqualTo(api.as(ApiClient.SUPERVISOR_WANG).get("/api/monitoring/summary").json()
                .path("total").path("open").asLong());
        await("the charts drawn").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(present("#chart-kind canvas, #chart-district canvas")).hasSize(2));
        ApiResponse collective = api.as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing(10));
        assertThat(collective.status()).isEqualTo(201);
        String number = collective.json().path("caseNumber").asText();
        await("the collective dispute in the alert feed, without a reload").atMost(Duration.ofSeconds(30))
                .ignoreException(StaleElementReferenceException.class) // htmx swaps the feed as we read it
                .untilAsserted(() -> assertThat(text("#alerts")).contains(number, "集体劳动争议"));
        assertThat(Long.parseLong(text("#kpi-open"))).as("the page was not reloaded").isEqualTo(open);
        browser.navigate().refresh();
        assertThat(Long.parseLong(text("#kpi-open"))).as("counted after a reload").isEqualTo(open + 1);
        assertNoSeriousAccessibilityViolation("dashboard");
        screenshot("dashboard");
        long weight = compressedBytes("/dashboard", "/webjars/echarts/dist/echarts.min.js", "/js/dashboard.js",
                "/webjars/htmx.org/dist/htmx.min.js", "/webjars/bootstrap/css/bootstrap.min.css", "/css/weiquan.css");
        assertThat(weight).as("the dashboard with ECharts, compressed").isLessThanOrEqualTo(1024 * 1024);
        signOut();
    }

    @Test
    void the_supervisor_reads_the_monthly_petition_report_on_the_page_and_as_it_prints_on_a4() throws IOException {
        ApiClient api = new ApiClient(port);
        assertThat(api.as(ApiClient.OFFICER_LI).post(Petitions.PATH, Petitions.letter()).status()).isEqualTo(201);
        browser.get(url("/login"));
        signIn("supervisor.wang", "supervisor-demo");
        click(browser.findElement(By.linkText("信访分析月报")));
        assertThat(text("h1")).isEqualTo("信访分析月报");
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        long received = api.as(ApiClient.SUPERVISOR_WANG).get("/api/reports/petitions/monthly?month=" + month).json()
                .path("totals").path("received").asLong();
        assertThat(received).isPositive();
        assertThat(browser.findElement(By.xpath("//tr[th[normalize-space()='收到信访件']]/td")).getText())
                .isEqualTo(Long.toString(received));
        assertThat(present("caption")).contains("一、总体情况", "二、按信访形式", "七、主要指标");
        assertNoSeriousAccessibilityViolation("petition report");
        screenshot("report");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.cssSelector(".wq-menu")).isDisplayed()).as("no menu on paper").isFalse();
            assertThat(browser.findElement(By.cssSelector("form.wq-query")).isDisplayed()).as("no buttons on paper").isFalse();
            screenshot("report-print");
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        signOut();
    }

    @Test
    void the_analyst_exports_events_to_100_percent_and_no_page_of_theirs_shows_an_id_number_or_a_phone()
            throws IOException {
        ObjectNode filing = Disputes.filing();
        String idNumber = Disputes.uniqueIdNumber();
        ((ObjectNode) filing.withArray("workers").get(0)).put("idNumber", idNumber).put("phone", "13987650000");
        assertThat(new ApiClient(port).as(ApiClient.OFFICER_LI).post(Disputes.PATH, filing).status()).isEqualTo(201);
        browser.get(url("/login"));
        signIn("analyst.zhao", "analyst-demo");
        click(browser.findElement(By.linkText("数据分析")));
        click(browser.findElement(By.cssSelector("form.wq-query button[type=submit]")));
        await("the export at 100 %").atMost(Duration.ofSeconds(30))
                .ignoreException(StaleElementReferenceException.class) // htmx swaps the progress as we read it
                .untilAsserted(() -> assertThat(text("#export")).contains("导出完成", "100.0 %"));
        assertThat(browser.findElement(By.linkText("下载导出文件")).getAttribute("href")).contains("/analytics/exports/");
        assertNoSeriousAccessibilityViolation("analyst export");
        screenshot("analytics");
        for (String page : List.of("/analytics", "/dashboard", "/reports/petitions", "/")) {
            browser.get(url(page));
            assertThat(browser.getPageSource()).as(page).doesNotContain(idNumber).doesNotContain("13987650000")
                    .doesNotContain(Disputes.idNumber(1));
        }
        signOut();
    }

    @Test
    void the_supervisor_searches_the_audit_trail_and_no_main_page_scrolls_sideways_on_a_laptop_or_a_tablet()
            throws IOException {
        ApiResponse filed = new ApiClient(port).as(ApiClient.OFFICER_LI).post(Disputes.PATH, Disputes.filing());
        assertThat(filed.status()).isEqualTo(201);
        String casePage = "/cases/" + filed.json().path("caseNumber").asText();
        browser.get(url("/login"));
        signIn("supervisor.wang", "supervisor-demo");
        click(browser.findElement(By.linkText("审计查询")));
        new Select(browser.findElement(By.id("actor"))).selectByValue("officer.li");
        click(browser.findElement(By.cssSelector("form.wq-query button[type=submit]")));
        await("what officer.li did").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(present("#audit tbody td:nth-child(2)")).isNotEmpty().allMatch("李明"::equals);
        });
        assertThat(browser.findElement(By.linkText("下载 CSV")).getAttribute("href")).contains("/api/audit?", "actor=officer.li",
                "format=csv");
        assertNoSeriousAccessibilityViolation("audit");
        screenshot("audit");
        List<String> pages = List.of("/", "/dashboard", "/reports/petitions", "/audit");
        assertNoSidewaysScrolling(pages);
        signOut();
        browser.get(url("/login"));
        signIn("officer.li", "officer-demo");
        assertNoSidewaysScrolling(List.of("/", "/cases/new", "/cases/new/labour-dispute", "/cases/new/petition", casePage));
        signOut();
    }

    @Test
    void the_administrator_retries_dead_letters_keeps_the_roster_and_reads_the_users() throws IOException {
        browser.get(url("/login"));
        signIn("admin", "admin-demo");
        click(browser.findElement(By.linkText("死信队列")));
        assertThat(present("#dead-letters tbody tr")).as("every projection").hasSizeGreaterThan(5);
        assertNoSeriousAccessibilityViolation("dead letters");
        screenshot("dead-letters");
        click(browser.findElement(By.linkText("律师与调解员名册")));
        String id = "mediator.browser" + System.nanoTime() % 10000;
        WebElement form = browser.findElement(By.cssSelector("form[action$='/admin/roster/mediators']"));
        fill(form, Map.of("mediatorId", id, "name", "钱调解员", "organisation", "szftu/gusu"));
        click(form.findElement(By.cssSelector("button[type=submit]")));
        assertThat(text(".alert-success")).contains(id);
        assertThat(text("#mediators")).contains(id, "钱调解员", "姑苏区总工会");
        assertNoSeriousAccessibilityViolation("roster");
        screenshot("roster");
        click(browser.findElement(By.linkText("用户（只读）")));
        assertThat(text("#users")).contains("officer.li", "李明", "supervisor.wang");
        assertThat(present("#users form, #users input")).as("read-only").isEmpty();
        assertNoSeriousAccessibilityViolation("users");
        signOut();
    }

    @Test
    void an_officer_takes_a_hazard_a_legal_aid_case_and_a_petition_along_their_main_paths_on_the_case_page()
            throws IOException {
        ApiClient api = new ApiClient(port);
        String hazard = api.as(ApiClient.OFFICER_LI).post(Hazards.PATH, Hazards.report("GENERAL", Hazards.CREDIT_CODE))
                .json().path("caseNumber").asText();
        String legalAid = api.as(ApiClient.OFFICER_LI).post(LegalAidCases.PATH, LegalAidCases.application(7))
                .json().path("caseNumber").asText();
        String petition = api.as(ApiClient.OFFICER_LI).post(Petitions.PATH, Petitions.letter()).json()
                .path("caseNumber").asText();
        String in10Days = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();
        Path photo = Files.createTempFile("rectified-", ".jpg");
        Files.write(photo, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        browser.get(url("/login"));
        signIn("officer.li", "officer-demo");

        openCase(hazard, "已登记");
        actAndSucceed("ISSUE_RECTIFICATION_NOTICE", Map.of("deadline", in10Days, "requirements", "十日内清理二号车间消防通道"));
        assertThat(text(".wq-status")).isEqualTo("整改中");
        assertThat(text(".wq-deadlines")).as("the notice's deadline on the page").contains("整改期限", in10Days);
        actAndSucceed("SUBMIT_RECTIFICATION", Map.of("description", "消防通道已清理完毕", "evidence", photo.toString()));
        assertThat(text(".wq-status")).isEqualTo("已报送整改情况");
        actAndSucceed("VERIFY_RECTIFICATION", Map.of("outcome", "PASSED", "findings", "现场复查，通道畅通"));
        assertThat(text(".wq-status")).as("a passed verification signs the hazard off (销号)").isEqualTo("已办结");
        assertThat(actionsOffered()).isEmpty();
        assertThat(text(".wq-timeline")).as("each step in the history").contains("整改", "复查");

        openCase(legalAid, "已收到申请");
        actAndSucceed("APPROVE", Map.of("meansTest.hardshipEstablished", "true", "meansTest.basis", "低保证明"));
        assertThat(text(".wq-status")).isEqualTo("决定给予法律援助");
        actAndSucceed("ASSIGN_LAWYER", Map.of("lawyerId", "lawyer.zhou"));
        assertThat(text(".wq-status")).isEqualTo("已指派律师");
        actAndSucceed("RECORD_OUTCOME", Map.of("outcome", "WON", "amountRecovered", "8000"));
        assertThat(text(".wq-status")).isEqualTo("已记录办理结果");
        actAndSucceed("SUBMIT_CLOSING_REPORT", Map.of("summary", "仲裁裁决支持全部请求，已执行到位"));
        assertThat(text(".wq-status")).isEqualTo("已提交结案报告");
        actAndSucceed("CLOSE", Map.of("reason", "COMPLETED"));
        assertThat(text(".wq-status")).isEqualTo("已结案");

        openCase(petition, "已收到");
        actAndSucceed("REGISTER", Map.of("subject", "WAGE_ARREARS"));
        assertThat(text(".wq-status")).isEqualTo("已登记");
        actAndSucceed("ASSIGN", Map.of("routing", "HANDLED_DIRECTLY", "handlingUnit", "姑苏区总工会权益保障部"));
        actAndSucceed("ACCEPT", Map.of());
        assertThat(text(".wq-status")).isEqualTo("已受理");
        assertThat(text(".wq-deadlines")).contains("办结期限", "《信访工作条例》第三十四条");
        actAndSucceed("REPLY", Map.of("reply", "经调查，单位已补发拖欠工资"));
        assertThat(text(".wq-status")).isEqualTo("已出具信访处理意见书");
        actAndSucceed("CLOSE", Map.of("reason", "RESOLVED"));
        assertThat(text(".wq-status")).isEqualTo("已办结");
        assertThat(timelineSteps()).as("each step of the petition in its history").isGreaterThanOrEqualTo(6);
        screenshot("case-petition-closed");
        signOut();
    }

    /** Opens the case's page once the case list shows it in {@code status}. */
    private void openCase(String caseNumber, String status) {
        await(caseNumber + " on its page").atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            browser.get(url("/cases/" + caseNumber));
            assertThat(present(".wq-status")).containsExactly(status);
        });
    }

    @Test
    void an_unknown_page_is_a_page_in_chinese_and_the_api_still_answers_problem_json() throws Exception {
        browser.get(url("/login"));
        signIn("officer.li", "officer-demo");
        browser.get(url("/no-such-page"));
        assertThat(text("h1")).isEqualTo("页面不存在");
        browser.get(url("/cases/LD-1999-000001"));
        assertThat(text("h1")).as("an unknown case").isEqualTo("页面不存在");
        JsonNode problem = new ApiClient(port).as(ApiClient.OFFICER_LI).get("/api/no-such-endpoint").json();
        assertThat(problem.path("code").asText()).isEqualTo("http-404");
        signOut();
    }

    /**
     * What the pages at these paths weigh on the wire, compressed as a browser asks for them, with the
     * browser's session; the figures are written to {@code target/page-weights.txt}.
     */
    private long compressedBytes(String... paths) throws IOException {
        String session = browser.manage().getCookieNamed("WEIQUAN_SESSION").getValue();
        HttpClient http = HttpClient.newHttpClient();
        long total = 0;
        StringBuilder report = new StringBuilder();
        for (String path : paths) {
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Accept-Encoding", "gzip").header("Cookie", "WEIQUAN_SESSION=" + session).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                total += response.body().length;
                report.append(path).append(": ").append(response.body().length).append(" bytes (")
                        .append(response.headers().firstValue("Content-Encoding").orElse("identity")).append(")\n");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        report.append("total: ").append(total).append(" bytes\n");
        Files.writeString(Path.of("target", "page-weights.txt"), report + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return total;
    }

    /** At 1366×768 (an office laptop) and 768×1024 (a tablet upright) no page is wider than the window. */
    private void assertNoSidewaysScrolling(List<String> paths) {
        try {
            for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(768, 1024))) {
                browser.manage().window().setSize(size);
                for (String path : paths) {
                    browser.get(url(path));
                    Object overflow = ((JavascriptExecutor) browser).executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    assertThat(((Number) overflow).longValue()).as("%s at %s: pixels beyond the window", path, size)
                            .isLessThanOrEqualTo(0);
                }
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    /** The labels of the actions the case page offers now. */
    private List<String> actionsOffered() {
        return present("details.wq-action > summary");
    }

    /** The texts of what the page shows now at {@code css}, without waiting for more to appear. */
    private List<String> present(String css) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).map(String::strip).toList();
        } finally {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        }
    }

    private int timelineSteps() {
        return browser.findElements(By.cssSelector(".wq-timeline > li")).size();
    }

    /** {@link #act}, and the case page shows no refusal. */
    private void actAndSucceed(String action, Map<String, String> fields) {
        act(action, fields);
        assertThat(present(".alert-danger, .invalid-feedback")).as("refused: %s", action).isEmpty();
    }

    /** Opens the action's form, fills it (dates as the browser's date input takes them) and sends it. */
    private void act(String action, Map<String, String> fields) {
        WebElement details = browser.findElement(By.cssSelector("details[data-action=" + action + "]"));
        if (details.getAttribute("open") == null) click(details.findElement(By.tagName("summary")));
        fill(details, fields);
        click(details.findElement(By.cssSelector("button[type=submit]")));
    }

    /** Fills the inputs named in {@code fields} inside {@code scope}, as a user types and picks. */
    private void fill(WebElement scope, Map<String, String> fields) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            WebElement input = scope.findElement(By.name(field.getKey()));
            if ("select".equals(input.getTagName())) {
                new Select(input).selectByValue(field.getValue());
            } else if ("file".equals(input.getAttribute("type"))) {
                input.sendKeys(field.getValue()); // a path on this machine, as a user picks a file
            } else if ("date".equals(input.getAttribute("type"))) {
                ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, field.getValue());
            } else {
                input.clear();
                input.sendKeys(field.getValue());
            }
        }
    }

    /** Clicks an element after scrolling it to the middle of the window, as a user would. */
    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        // a select's list that is still closing can cover the element for a moment, as for a user
        await("clickable").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .ignoreException(ElementClickInterceptedException.class).until(() -> {
                    element.click();
                    return true;
                });
    }

    private void signIn(String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private void signOut() {
        browser.findElement(By.cssSelector(".wq-topbar form button")).click();
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().strip();
    }

    private void assertNoSeriousAccessibilityViolation(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa")).analyze(browser);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(BrowserIT::describe).toList();
        assertThat(serious).as("serious or critical WCAG 2 A/AA violations on " + page).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).toList();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

package cn.childprotect.cms.ui;

import cn.childprotect.cms.support.ApiClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.escalations.DeadlineSweep;
import cn.childprotect.cms.intake.Channel;
import cn.childprotect.cms.intake.IntakeDesk;
import cn.childprotect.cms.intake.ReportReceipt;
import cn.childprotect.cms.intake.ReportSubmission;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.support.BrowserPages;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.HeadlessChromium;
import cn.childprotect.cms.support.TestDatabase;
import cn.childprotect.cms.support.TestIds;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.UserDirectory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17 ("the first hour") in Debian's headless Chromium: an assessment that cannot lie
 * (nothing preselected, the server refuses unanswered items and rates nothing, the age from the
 * birth date, a live preview, the supervisors' 评估待确认 queue), the police notification
 * recorded from the receipt, "my reports", the case page and the escalation row, and the HTML
 * error pages. Same set-up as {@link BrowserWalkThroughTests} (so the two share one context);
 * screenshots under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AssessmentAndPoliceBrowserTests {

    private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
    private static final String VILLAGE_1_1 = "141029100001";
    private static WebDriver browser;

    @LocalServerPort
    int port;

    private BrowserPages pages;

    @BeforeEach
    void openPages() {
        pages = new BrowserPages(browser, port);
    }

    @Autowired
    IntakeDesk intake;

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    UserDirectory users;

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Keeps what the browser showed when a test fails, for the person who reads the CI log. */
    @AfterEach
    void keepFailure(TestInfo test) throws Exception {
        if (browser != null) {
            Path dir = Path.of("target/browser-last");
            Files.createDirectories(dir);
            String name = test.getTestMethod().map(m -> m.getName()).orElse("test");
            Files.writeString(dir.resolve(name + ".html"), browser.getPageSource());
        }
    }

    // --- 2. the risk assessment cannot lie ---------------------------------------------------------

    @Test
    void anAssessmentStartsUnansweredIsRefusedIncompleteAndPreviewsItsLevel() throws Exception {
        LocalDate fiveYearsOld = LocalDate.now(COUNTY).minusYears(5).minusDays(20);
        long caseId = hotlineReport(List.of("GD03"), fiveYearsOld).caseId();
        assignToDirector1(caseId);

        pages.login("director1");
        pages.open("/cases/" + caseId);
        pages.openAllDetails();
        // nothing preselected; the age is not asked but derived from the birth date
        assertThat(browser.findElements(By.cssSelector("#assessment-form input[type=radio]:checked"))).isEmpty();
        assertThat(browser.findElement(By.id("derived-V1")).getText()).contains("3 至 6 岁").contains("5 岁");
        assertThat(browser.findElement(By.id("assessment-preview")).getText()).contains("还有 13 项未回答");

        // a browser that skips the required check: the server refuses, names the items, rates nothing
        browser.findElement(By.id("rationale")).sendKeys("电话了解情况，尚未家访");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('assessment-form').noValidate = true");
        pages.clickAndWait(By.id("assessment-submit"));
        pages.expectText(By.id("page-error"), "还有 13 项未回答");
        assertThat(browser.findElement(By.id("error-S1")).getText()).contains("完成评估前须回答此项");
        assertThat(browser.findElement(By.id("case-risk")).getText()).isEqualTo("未定级");
        assertThat(jdbc.queryForObject("select count(*) from assessment_assessment where case_id = ?", Integer.class,
                caseId)).isZero();
        ((JavascriptExecutor) browser).executeScript("document.getElementById('page-error').scrollIntoView()");
        pages.screenshotForReadme("fh-assessment-refused");

        // answers: the lowest-risk option everywhere except an immediate physical threat (S1 是)
        pages.openAllDetails();
        for (WebElement item : browser.findElements(By.cssSelector("#assessment-form .item"))) {
            List<WebElement> options = item.findElements(By.cssSelector("input[type=radio]"));
            if (!options.isEmpty()) {
                options.get(item.getDomAttribute("id").equals("item-S1") ? 1 : 0).click();
            }
        }
        // 8 (S1) + 3 (age 3-6) = 11 points is MEDIUM by score; the override makes it at least HIGH
        pages.expectText(By.id("assessment-preview"), "11 分");
        assertThat(browser.findElement(By.id("assessment-preview")).getText()).contains("预计等级：高");
        assertThat(browser.findElement(By.id("error-S1")).isDisplayed()).isFalse();
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById('assessment-preview').scrollIntoView({block: 'center'})");
        pages.screenshotForReadme("fh-assessment-preview");
        pages.clickAndWait(By.id("assessment-submit"));
        pages.expectText(By.cssSelector("p.notice"), "已保存");
        assertThat(browser.findElement(By.id("case-risk")).getText()).isEqualTo("未定级"); // counts once confirmed

        // the township supervisor finds it in 评估待确认 on the dashboard
        String caseNumber = browser.findElement(By.id("case-number")).getText();
        pages.login("supervisor1");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/dashboard"));
        assertThat(browser.findElement(By.id("awaiting-confirmation")).getText()).contains("评估待确认").contains(caseNumber)
                .contains("高");
        pages.screenshotForReadme("fh-dashboard-awaiting-confirmation");
    }

    // --- 3. police notification in the UI -----------------------------------------------------------

    @Test
    void thePoliceNotificationIsRecordedFromTheReceiptMyReportsTheCasePageAndTheEscalationQueue() throws Exception {
        // the receipt: a school files an MR04 report and records its police report right there
        pages.login("school1");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/reports/new"));
        browser.findElement(By.cssSelector("input[name=categories][value=MR04]")).click();
        browser.findElement(By.id("narrative")).sendKeys("学生手臂多处淤青，自述被父亲殴打");
        browser.findElement(By.id("childName")).sendKeys(TestIds.uniqueName());
        new Select(browser.findElement(By.id("childSex"))).selectByValue("FEMALE");
        pages.clickAndWait(By.id("submit-report"));
        pages.expectText(By.id("receipt-police"), "报警");
        String receipt = browser.findElement(By.id("receipt-number")).getText();
        long fromReceipt = reportId(receipt);
        pages.screenshotForReadme("fh-receipt-police-form");
        recordPolice(fromReceipt, "城关派出所");
        pages.expectText(By.id("police-saved"), "已登记报警情况");
        assertThat(policeDeadline(fromReceipt)).isNull();
        assertThat(policeStation(fromReceipt)).isEqualTo("城关派出所");

        // "my reports": a second report of the school, recorded from its row
        long fromList = intake.submit(mandatoryReport(), UUID.randomUUID().toString(), user("school1")).reportId();
        pages.open("/reports/mine");
        assertThat(browser.findElement(By.id("police-form-" + fromList)).isDisplayed()).isTrue();
        pages.screenshotForReadme("fh-my-reports-police-form");
        recordPolice(fromList, "110 指挥中心");
        pages.expectText(By.id("police-saved"), "已登记报警情况");
        assertThat(policeDeadline(fromList)).isNull();

        // the case page: the child director records it for a hotline report of the case
        ReportReceipt hotline = intake.submit(mandatoryReport(), null, user("operator1"));
        assignToDirector1(hotline.caseId());
        pages.login("director1");
        pages.open("/cases/" + hotline.caseId());
        recordPolice(hotline.reportId(), "城关派出所");
        pages.expectText(By.id("police-recorded-" + hotline.reportId()), "城关派出所");
        assertThat(policeDeadline(hotline.reportId())).isNull();

        // the "未按时报警" row of the escalation queue: the supervisor records it, the item resolves itself
        ReportReceipt late = intake.submit(mandatoryReport(), null, user("operator1"));
        jdbc.update("update intake_report set police_deadline = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(2))), late.reportId());
        sweep.sweep();
        assertThat(escalationStatus(late.reportId())).isEqualTo("OPEN");
        pages.login("supervisor1");
        pages.open("/escalations");
        assertThat(browser.findElement(By.id("police-form-" + late.reportId())).isDisplayed()).isTrue();
        pages.screenshotForReadme("fh-escalation-police-form");
        recordPolice(late.reportId(), "昌宁派出所");
        pages.expectText(By.cssSelector("p.notice"), "已登记报警情况");
        assertThat(escalationStatus(late.reportId())).isEqualTo("RESOLVED");
        assertThat(browser.findElements(By.id("police-form-" + late.reportId()))).isEmpty();
    }

    @Test
    void aPoliceNotificationWithoutItsUnitIsRefusedOnThePage() {
        long reportId = intake.submit(mandatoryReport(), UUID.randomUUID().toString(), user("school1")).reportId();
        pages.login("school1");
        pages.open("/reports/mine");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('police-form-' + arguments[0]).noValidate = true",
                reportId);
        setValue("police-at-" + reportId, LocalDateTime.now(COUNTY).minusMinutes(5).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        pages.clickAndWait(By.id("police-submit-" + reportId));
        pages.expectText(By.id("page-error"), "接警单位");
        assertThat(policeDeadline(reportId)).isNotNull();
    }

    // --- 8. error pages -----------------------------------------------------------------------------

    @Test
    void browsersGetAChineseErrorPageWhileTheApiKeepsProblemJson() throws Exception {
        pages.login("director1");
        pages.open("/no-such-page");
        pages.expectText(By.id("error-title"), "页面不存在");
        assertThat(browser.findElement(By.id("error-text")).getText()).contains("返回首页");
        assertThat(browser.getPageSource()).doesNotContain("problem");
        pages.screenshotForReadme("fh-error-404");

        // a form posted without its CSRF token (an expired page) is refused with the 403 page
        ((JavascriptExecutor) browser).executeScript("const f = document.createElement('form'); f.method = 'post';"
                + "f.action = '/escalations/1/resolve'; document.body.appendChild(f); f.submit();");
        pages.expectText(By.id("error-title"), "无权访问");
        pages.screenshotForReadme("fh-error-403");

        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/no-such-thing"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("director1:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    // --- issue 11 item 5: every word from the bundles, in English too -------------------------------

    /**
     * Every page of the UI the demo roles reach (the {@code @Controller}s' GET mappings, downloads
     * aside), rendered for a browser whose language is English, shows no Chinese except data: what
     * users entered, which the templates mark with {@code data-user-data} (the parts of a timeline
     * line that people wrote or named), and the names kept in the registers (divisions, agencies,
     * accounts, children, the support plan's service type codes, the texts this test entered). The case
     * page's timeline carries system lines of several modules: cases, screening, assessment,
     * escalations, referrals, guardianship.
     */
    @Test
    void everyPageOfTheDemoRolesShowsNoChineseInEnglish() throws Exception {
        ReportReceipt receipt = hotlineReport(List.of("GD03"), LocalDate.now(COUNTY).minusYears(8));
        long caseId = receipt.caseId();
        assignToDirector1(caseId);
        ApiClient api = ApiClient.over(MockMvcTester.from(context,
                builder -> builder.apply(springSecurity()).build()));
        ApiClient director = api.as("director1");
        MvcTestResult draft = director.post("/api/v1/cases/{id}/assessments", """
                {"answers":{"S1":"NO","S2":"NO","S3":"NO","S4":"NO","V1":"TEEN","V2":"NO","V3":"NO","C1":"NO","C2":"NO",
                 "C3":"NO","P1":"YES","P2":"YES","F1":"NO","F2":"NO"},"rationale":"家访核实后评估"}""", caseId);
        assertThat(draft).hasStatus(201);
        assertThat(director.post("/api/v1/cases/{c}/assessments/{a}/complete", null, caseId,
                ((Number) com.jayway.jsonpath.JsonPath.read(draft.getResponse().getContentAsString(), "$.id")).longValue()))
                .hasStatusOk();
        assertThat(director.fire(caseId, "DECLARE_EMERGENCY", "祖母突发疾病住院")).hasStatusOk();
        MvcTestResult order = director.dispatch(caseId, "XN-PS");
        assertThat(order).hasStatus(201);
        long workOrderId = ((Number) com.jayway.jsonpath.JsonPath.read(order.getResponse().getContentAsString(), "$.id"))
                .longValue();
        MvcTestResult measure = director.post("/api/v1/cases/{id}/measures", """
                {"type":"PROTECTION_ORDER","applicant":"城关镇妇联（代为申请）","body":"示范县人民法院",
                 "urgent":false,"occurredAt":"%s"}""".formatted(Instant.now().minusSeconds(600)), caseId);
        assertThat(measure).hasStatus(201);
        long measureId = ((Number) com.jayway.jsonpath.JsonPath.read(measure.getResponse().getContentAsString(), "$.id"))
                .longValue();
        assertThat(director.post("/api/v1/cases/{id}/notes", "{\"text\":\"电话回访：儿童已返校\"}", caseId)).hasStatus(201);
        assertThat(jdbc.queryForList("select distinct kind from cases_timeline where case_id = ? and note_key is not null",
                String.class, caseId)).contains("OPENED", "ASSIGNMENT", "ASSESSMENT", "RISK_LEVEL", "TRANSITION",
                        "ESCALATION", "WORK_ORDER", "MEASURE");
        long reportId = receipt.reportId();
        MvcTestResult entry = director.post("/api/v1/register", """
                {"child":{"name":"名册英文页","sex":"MALE","birthDate":"2016-03-01"},"villageCode":"141029100001",
                 "categories":["LEFT_BEHIND","DISTRESS"],"distressKinds":["POVERTY"],
                 "leftBehind":{"parentsWhereabouts":"父母在广东务工","caregiverName":"王奶奶","caregiverRelation":"祖母",
                               "caregiverPhone":"13900000001"},
                 "household":"城关村三组","school":"城关小学","tier":"GREEN"}""");
        assertThat(entry).hasStatus(201);
        long entryId = ((Number) com.jayway.jsonpath.JsonPath.read(entry.getResponse().getContentAsString(), "$.id"))
                .longValue();
        LocalDate today = LocalDate.now(COUNTY);
        MvcTestResult campaign = api.as("supervisor1").post("/api/v1/register-campaigns", """
                {"name":"寒假特别关爱","categories":["LEFT_BEHIND"],"startsOn":"%s","endsOn":"%s"}""".formatted(today,
                today.plusDays(3)));
        assertThat(campaign).hasStatus(201);
        long campaignId = ((Number) com.jayway.jsonpath.JsonPath.read(campaign.getResponse().getContentAsString(), "$.id"))
                .longValue();

        WebDriver english = HeadlessChromium.start("en");
        try {
            List<String> data = dataTexts(caseId);
            data.addAll(List.of("家访核实后评估", "祖母突发疾病住院", "城关镇妇联（代为申请）", "示范县人民法院", "请核查并依法处置",
                    "一名儿童疑似受到伤害", "电话回访：儿童已返校", "父母在广东务工", "王奶奶", "祖母", "城关村三组", "城关小学",
                    "寒假特别关爱"));
            data.sort(java.util.Comparator.comparingInt(String::length).reversed());
            java.util.Map<String, java.util.Set<String>> chinese = new java.util.TreeMap<>();
            String caseUri = "/cases/" + caseId;
            walkInEnglish(english, null, data, chinese, "/login");
            walkInEnglish(english, "director1", data, chinese, "/", "/cases", caseUri, "/cases/" + caseId + "/measures/new",
                    "/measures/" + measureId, "/register", "/register/new", "/register/import", "/reports/new",
                    "/register/" + entryId, "/no-such-page");
            walkInEnglish(english, "supervisor1", data, chinese, "/dashboard", "/escalations", "/cases", caseUri,
                    "/extensions", "/callbacks", "/performance", "/work-orders/" + workOrderId, "/register/review",
                    "/register/campaigns", "/register/campaigns/" + campaignId, "/register/" + entryId,
                    "/measures/active", "/stats");
            walkInEnglish(english, "county1", data, chinese, "/dashboard", "/escalations", "/stats", "/measures/active",
                    "/cases");
            walkInEnglish(english, "operator1", data, chinese, "/reports/new", "/reports/" + reportId + "/receipt");
            walkInEnglish(english, "school1", data, chinese, "/reports/mine", "/reports/new");
            walkInEnglish(english, "police1", data, chinese, "/work-orders", "/work-orders/" + workOrderId);
            walkInEnglish(english, "admin", data, chinese, "/admin", "/admin/machine-accounts");
            assertThat(chinese).as("Chinese on pages rendered in English (page: texts)").isEmpty();
            assertThat(errorPages).as("pages of the walk that answered with an error page").containsExactly("director1 /no-such-page");
            // the timeline's system lines are English; what people wrote is marked as theirs
            english.manage().deleteAllCookies();
            login(english, "director1");
            english.get("http://localhost:" + port + caseUri);
            assertThat(english.findElement(By.id("timeline")).getText()).contains("Risk assessment completed: Low risk")
                    .contains("Work order #" + workOrderId).contains("Guardianship measure #" + measureId);
            assertThat(english.findElements(By.cssSelector("#timeline [data-user-data]")))
                    .extracting(WebElement::getText).contains("电话回访：儿童已返校", "祖母突发疾病住院");
        }
        finally {
            english.quit();
        }
    }

    private final List<String> errorPages = new java.util.ArrayList<>();

    private void login(WebDriver english, String user) {
        english.get("http://localhost:" + port + "/login");
        english.findElement(By.id("username")).sendKeys(user);
        english.findElement(By.id("password")).sendKeys(IntegrationTest.PASSWORD);
        english.findElement(By.id("login-submit")).click();
        new WebDriverWait(english, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private void walkInEnglish(WebDriver english, String user, List<String> data,
            java.util.Map<String, java.util.Set<String>> chinese, String... paths) {
        english.manage().deleteAllCookies();
        if (user != null) {
            login(english, user);
        }
        for (String path : paths) {
            english.get("http://localhost:" + port + path);
            if (!english.findElements(By.id("error-page")).isEmpty()) {
                errorPages.add((user == null ? "" : user) + " " + path);
            }
            // what people entered, as the templates mark it, is data; then the page's text with the
            // details opened, plus what it says without showing it
            ((JavascriptExecutor) english).executeScript(
                    "document.querySelectorAll('[data-user-data]').forEach(e => e.textContent = ' ');"
                            + "document.querySelectorAll('details').forEach(d => d.open = true)");
            StringBuilder text = new StringBuilder(english.findElement(By.tagName("body")).getText());
            text.append('\n').append(english.getTitle());
            for (WebElement e : english.findElements(By.cssSelector("[placeholder],[title],[aria-label],option,input[type=submit]"))) {
                for (String attribute : List.of("placeholder", "title", "aria-label", "value")) {
                    String value = e.getAttribute(attribute);
                    text.append('\n').append(value == null ? "" : value);
                }
                text.append('\n').append(e.getText());
            }
            String rest = text.toString();
            for (String d : data) {
                rest = rest.replace(d, " ");
            }
            // masked names of children in lists (张**)
            rest = rest.replaceAll("[\\u4e00-\\u9fff]\\*+", " ");
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("[^\\n]{0,20}[\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]+[^\\n]{0,20}").matcher(rest);
            while (m.find()) {
                chinese.computeIfAbsent((user == null ? "" : user) + " " + path, k -> new java.util.TreeSet<>())
                        .add(m.group().strip());
            }
        }
    }

    /** Texts that are data, longest first (a name may contain a shorter one). */
    private List<String> dataTexts(long caseId) {
        List<String> data = new java.util.ArrayList<>();
        data.addAll(jdbc.queryForList("select name from jurisdictions_division", String.class));
        data.addAll(jdbc.queryForList("select name from agencies_agency", String.class));
        data.addAll(jdbc.queryForList("select display_name from users_account", String.class));
        data.addAll(jdbc.queryForList("select institution_name from users_account where institution_name is not null",
                String.class));
        data.addAll(jdbc.queryForList("select name from people_child where name is not null", String.class));
        // the service types' codes are the values of the plan form's options (the API's codes); their names are English
        data.addAll(context.getBean(cn.childprotect.cms.assessment.SupportServiceTypes.class).codes());
        data.addAll(List.of("村委会来电：母亲住院，孩子暂无人照料", "村委会主任", "学生身上多处淤青，自述在家被打", "王老师"));
        data.removeIf(d -> d == null || d.isBlank());
        data.sort(java.util.Comparator.comparingInt(String::length).reversed());
        return data;
    }

    // --- helpers ------------------------------------------------------------------------------------

    private ReportReceipt hotlineReport(List<String> categories, LocalDate birthDate) {
        return intake.submit(new ReportSubmission(Channel.HOTLINE, categories, false, Instant.now().minusSeconds(3600),
                VILLAGE_1_1, "村委会来电：母亲住院，孩子暂无人照料", new ChildData(TestIds.uniqueName(), Sex.MALE, birthDate,
                        null, null, false, null, VILLAGE_1_1, null, null, List.of()),
                new ReportSubmission.Reporter(false, "村委会主任", null, null, null), null, false), null, user("operator1"));
    }

    private ReportSubmission mandatoryReport() {
        return new ReportSubmission(Channel.HOTLINE, List.of("MR04"), false, Instant.now().minusSeconds(3600), VILLAGE_1_1,
                "学生身上多处淤青，自述在家被打", new ChildData(TestIds.uniqueName(), Sex.MALE, TestIds.childBirthDate(),
                        null, null, false, null, VILLAGE_1_1, null, null, List.of()),
                new ReportSubmission.Reporter(false, "王老师", null, null, null), null, false);
    }

    private void assignToDirector1(long caseId) {
        CurrentUser supervisor = user("supervisor1");
        caseFiles.transition(caseId, new TransitionCommand(CaseEvent.ACCEPT, null, null, null),
                caseFiles.find(caseId).orElseThrow().version(), supervisor);
        caseFiles.assign(caseId, "director1", null, supervisor);
    }

    private CurrentUser user(String username) {
        return users.findCurrentUser(username).orElseThrow();
    }

    private void recordPolice(long reportId, String station) {
        setValue("police-at-" + reportId,
                LocalDateTime.now(COUNTY).minusMinutes(10).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        browser.findElement(By.id("police-station-" + reportId)).sendKeys(station);
        pages.clickAndWait(By.id("police-submit-" + reportId));
    }

    private void setValue(String id, String value) {
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private long reportId(String receiptNumber) {
        return jdbc.queryForObject("select id from intake_report where receipt_number = ?", Long.class, receiptNumber);
    }

    private Timestamp policeDeadline(long reportId) {
        return jdbc.queryForObject("select police_deadline from intake_report where id = ?", Timestamp.class, reportId);
    }

    private String policeStation(long reportId) {
        return jdbc.queryForObject("select police_station from intake_report where id = ?", String.class, reportId);
    }

    private String escalationStatus(long reportId) {
        return jdbc.queryForObject("select status from escalations_item where kind = 'POLICE_NOTIFICATION' "
                + "and source_id = ? and level = 'TOWNSHIP'", String.class, reportId);
    }

}

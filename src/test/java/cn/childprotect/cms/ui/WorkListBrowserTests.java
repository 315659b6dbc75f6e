package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import cn.childprotect.cms.support.BrowserPages;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.HeadlessChromium;
import cn.childprotect.cms.support.TestDatabase;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The work lists in Debian's headless Chromium (issue 17, item 5): filters stay set after a
 * search and across pages ("只看超时" used to untick itself), paging goes beyond the first 50
 * rows, and the triage list shows channel, categories, received time and a duplicate flag.
 * Screenshots go to target/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(CaseFixtures.class)
class WorkListBrowserTests {

    private static WebDriver browser;

    @LocalServerPort
    int port;

    private BrowserPages pages;

    @BeforeEach
    void openPages() {
        pages = new BrowserPages(browser, port);
    }

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

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

    @Test
    void filtersStaySetAcrossASearchAndPagesAndTheTriageListShowsChannelAndDuplicates() throws Exception {
        try {
            walk();
        }
        catch (Throwable failure) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/worklist-failure.html"), browser.getPageSource());
            pages.screenshot("worklist-failure");
            throw failure;
        }
    }

    private void walk() throws Exception {
        // 55 overdue urgent school-bullying cases waiting for triage: more than one page of 50
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            ids.add(fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("BL01"), true).id());
        }
        // and a hotline report filed twice about one child: one case, two reports, flagged
        String idNumber = TestIds.idNumber(TestIds.childBirthDate(), false);
        String name = TestIds.uniqueName();
        fileHotlineReport(name, idNumber);
        long twice = fileHotlineReport(name, idNumber);
        ids.add(twice);
        jdbc.update("update cases_case set status_deadline = ? where id in (" + String.join(",",
                ids.stream().map(String::valueOf).toList()) + ")", Timestamp.from(Instant.now().minusSeconds(3600)));

        pages.login("supervisor1");
        pages.open("/cases");
        new Select(browser.findElement(By.id("status"))).selectByValue("RECEIVED");
        new Select(browser.findElement(By.id("category"))).selectByValue("BL01");
        browser.findElement(By.id("overdue")).click();
        browser.findElement(By.id("urgent")).click();
        pages.clickAndWait(By.cssSelector("#case-filters button[type=submit]"));

        assertFiltersKept();
        // the triage list: channel, categories, received time; the case with two reports is flagged
        String header = browser.findElement(By.cssSelector("#case-list thead")).getText();
        assertThat(header).contains("报告渠道", "类别", "接报时间");
        List<String> firstPage = rows();
        assertThat(firstPage).hasSize(50);
        pages.screenshot("worklist-triage");

        pages.clickAndWait(By.id("next-page"));
        assertFiltersKept();
        List<String> secondPage = rows();
        assertThat(secondPage).isNotEmpty().doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.findElement(By.id("page-info")).getText()).contains("51");

        pages.clickAndWait(By.id("prev-page"));
        assertFiltersKept();
        assertThat(rows()).isEqualTo(firstPage);
        // the case with two reports is flagged, wherever its page (all are equally overdue)
        assertThat(String.join("\n", firstPage) + String.join("\n", secondPage)).contains("疑似重复").contains("热线");
    }

    private void assertFiltersKept() {
        assertThat(browser.findElement(By.id("overdue")).isSelected()).as("只看超时 stays ticked").isTrue();
        assertThat(browser.findElement(By.id("urgent")).isSelected()).as("只看紧急 stays ticked").isTrue();
        assertThat(new Select(browser.findElement(By.id("status"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("RECEIVED");
        assertThat(new Select(browser.findElement(By.id("category"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("BL01");
    }

    /** The text of each row of the list, read at once (the elements go stale with the next page). */
    private List<String> rows() {
        return browser.findElements(By.cssSelector("#case-list tbody tr")).stream().map(WebElement::getText).toList();
    }

    /** Files a hotline report through the API as operator1 (urgent school bullying); returns its case id. */
    private long fileHotlineReport(String name, String idNumber) throws Exception {
        String body = """
                {"channel":"HOTLINE","categories":["BL01"],"urgent":true,"villageCode":"141029100001",
                 "narrative":"家长来电：孩子在学校多次被同学殴打","child":{"name":"%s","idNumber":"%s",
                 "villageCode":"141029100001"},"reporter":{"name":"刘先生","phone":"13800000003"}}"""
                .formatted(name, idNumber);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                .uri(URI.create("http://localhost:" + port + "/api/v1/reports"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator1:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"caseId\":(\\d+)").matcher(response.body());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

}

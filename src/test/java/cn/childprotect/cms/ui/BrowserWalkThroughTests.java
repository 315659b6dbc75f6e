package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import cn.childprotect.cms.support.BrowserPages;
import cn.childprotect.cms.support.HeadlessChromium;
import cn.childprotect.cms.support.TestDatabase;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole path of a report through the UI, in Debian's headless Chromium (never a downloaded
 * browser): a school files a report, a supervisor accepts and assigns it, the child director
 * assesses, plans and dispatches a work order to the police, the police sign and answer, the
 * director requests closure and the supervisor approves. Screenshots go to target/screenshots, or
 * to docs/screenshots with the Maven profile docs-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserWalkThroughTests {

    private static WebDriver browser;

    @LocalServerPort
    int port;

    private BrowserPages pages;

    @BeforeEach
    void openPages() {
        pages = new BrowserPages(browser, port);
    }

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

    private void expectStatus(String label) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(By.id("case-status")).getText().equals(label));
    }

    private void fire(String event) {
        pages.clickAndWait(By.id("event-" + event));
    }

    @Test
    void aReportTravelsFromTheSchoolToClosure() throws Exception {
        try {
            walkThrough();
        }
        catch (Throwable failure) {
            // keep what the browser showed, for the person who reads the CI log
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/browser-failure.html"), browser.getPageSource());
            Files.write(Path.of("target/browser-failure.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            throw failure;
        }
    }

    private void walkThrough() throws Exception {
        String child = TestIds.uniqueName();

        // 1. the school files a report and sees its receipt
        pages.login("school1");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/reports/new"));
        browser.findElement(By.cssSelector("input[name=categories][value=MR04]")).click();
        browser.findElement(By.id("narrative")).sendKeys("学生手臂和背部多处淤青，自述被父亲殴打");
        browser.findElement(By.id("childName")).sendKeys(child);
        new Select(browser.findElement(By.id("childSex"))).selectByValue("MALE");
        browser.findElement(By.id("childSchool")).sendKeys("城关小学");
        browser.findElement(By.id("reporterName")).sendKeys("王老师");
        pages.screenshotForReadme("01-school-report-form");
        pages.clickAndWait(By.id("submit-report"));
        pages.expectText(By.id("receipt-number"), "R");
        String receipt = browser.findElement(By.id("receipt-number")).getText();
        assertThat(receipt).matches("R\\d{8}-\\d{6}");
        pages.screenshotForReadme("02-receipt");
        pages.open("/reports/mine");
        assertThat(browser.findElement(By.id("my-reports")).getText()).contains(receipt).contains("已接收");

        // 2. the township supervisor accepts the case and assigns it to the village's child director
        pages.login("supervisor1");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/dashboard"));
        pages.screenshotForReadme("03-supervisor-dashboard");
        pages.open("/cases?status=RECEIVED&q=" + child);
        browser.findElement(By.cssSelector("#case-list a")).click();
        expectStatus("接报");
        // someone else accepts the case meanwhile: the page says so and shows the new state
        String staleVersion = browser.findElement(By.cssSelector("form:has(#event-ACCEPT) input[name=version]"))
                .getDomAttribute("value");
        fire("ACCEPT");
        expectStatus("评估");
        ((JavascriptExecutor) browser).executeScript(
                "const f = document.querySelector('form:has(#event-SCREEN_OUT)');"
                        + "f.querySelector('input[name=version]').value = arguments[0];"
                        + "f.querySelector('input[name=reason]').value = 'x'; f.submit();", staleVersion);
        pages.expectText(By.id("page-error"), "已被其他人修改");
        pages.screenshotForReadme("10-stale-version");
        expectStatus("评估");
        new Select(browser.findElement(By.id("assignee"))).selectByValue("director1");
        pages.clickAndWait(By.id("assign-submit"));
        pages.expectText(By.id("case-assignee"), "李芳"); // the display name, not the username
        String casePage = browser.getCurrentUrl();
        String caseNumber = browser.findElement(By.id("case-number")).getText();

        // 3. the child director assesses, plans and sends a work order to the police
        pages.login("director1");
        pages.open("/cases?mine=true");
        pages.screenshotForReadme("04-director-my-cases");
        browser.get(casePage);
        pages.openAllDetails();
        // nothing is preselected: answer every item (the first option of each is the low-risk one)
        for (WebElement item : browser.findElements(By.cssSelector("#assessment-form .item"))) {
            List<WebElement> options = item.findElements(By.cssSelector("input[type=radio]"));
            if (!options.isEmpty()) {
                options.get(0).click();
            }
        }
        browser.findElement(By.id("rationale")).sendKeys("家访核实：父亲酗酒后殴打，母亲能保护");
        pages.clickAndWait(By.id("assessment-submit"));
        pages.expectText(By.id("case-risk"), "低");
        fire("COMPLETE_ASSESSMENT");
        expectStatus("处置");
        pages.openAllDetails();
        browser.findElement(By.id("goals")).sendKeys("制止家庭暴力，保障儿童正常上学");
        new Select(browser.findElements(By.name("type")).get(0)).selectByValue("监护指导");
        browser.findElements(By.name("provider")).get(0).sendKeys("城关村儿童之家");
        pages.clickAndWait(By.id("plan-submit"));
        pages.expectText(By.id("plan"), "监护指导");
        pages.openAllDetails();
        new Select(browser.findElement(By.id("agencyCode"))).selectByValue("XN-PS");
        browser.findElement(By.id("requestText")).sendKeys("请对监护人家庭暴力行为依法处置");
        browser.findElement(By.id("sharedSummary")).sendKeys("城关村一名男童多处淤青，疑似父亲殴打");
        pages.clickAndWait(By.id("dispatch-submit"));
        pages.expectText(By.id("work-orders"), "已派单");
        pages.screenshotForReadme("05-case-page");

        // 4. the police sign the order and answer it
        pages.login("police1");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/work-orders"));
        pages.screenshotForReadme("06-agency-work-orders");
        browser.findElement(By.xpath("//table[@id='order-list']//tr[td[text()='" + caseNumber + "']]//a")).click();
        assertThat(browser.findElement(By.id("shared-summary")).getText()).contains("疑似父亲殴打").doesNotContain("王老师");
        pages.clickAndWait(By.id("sign"));
        pages.expectText(By.id("order-status"), "已签收");
        browser.findElement(By.id("answer")).sendKeys("已出警，对父亲予以训诫并出具家庭暴力告诫书");
        pages.clickAndWait(By.id("respond"));
        pages.expectText(By.id("order-status"), "已反馈");
        assertThat(browser.findElements(By.id("agency-actions"))).as("no empty action card once answered").isEmpty();
        pages.screenshotForReadme("07-work-order");

        // 5. the director completes the order, starts support and requests closure
        pages.login("director1");
        browser.get(casePage);
        pages.clickAndWait(By.cssSelector(".wo-complete"));
        fire("START_SUPPORT");
        expectStatus("帮扶");
        browser.findElement(By.cssSelector("form:has(#event-REQUEST_CLOSURE) input[name=reason]"))
                .sendKeys("家庭暴力已制止，儿童恢复正常上学");
        fire("REQUEST_CLOSURE");
        expectStatus("待结案审核");

        // 6. the supervisor approves the closure
        pages.login("supervisor1");
        pages.open("/escalations");
        pages.screenshotForReadme("08-escalation-queue");
        browser.get(casePage);
        fire("APPROVE_CLOSURE");
        expectStatus("结案");
        pages.screenshotForReadme("09-closed-case");

        // 6b. the statistics dashboard (统计监测): ECharts from the WebJar draws the trend and the bars
        pages.open("/stats");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(
                "#trend-chart canvas, #trend-chart svg")).isEmpty() && !d.findElements(By.cssSelector(
                "#place-chart canvas, #place-chart svg")).isEmpty());
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#indicators td")).isEmpty());
        pages.screenshotForReadme("13-stats-dashboard");

        // 7. the administrator adds a partner agency; a supervisor cannot reach the admin page
        pages.open("/admin");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/dashboard"));
        pages.login("admin");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));
        pages.openAllDetails();
        String code = "UI-" + (System.nanoTime() % 100000);
        browser.findElement(By.id("a-code")).sendKeys(code);
        new Select(browser.findElement(By.id("a-type"))).selectByValue("SOCIAL_WORK");
        browser.findElement(By.id("a-name")).sendKeys("城关社工站");
        browser.findElement(By.id("a-code2")).sendKeys("141029000000");
        browser.findElement(By.id("a-email")).sendKeys("sw@example.org");
        pages.clickAndWait(By.cssSelector("form:has(#a-code) button[type=submit]"));
        pages.expectText(By.id("agencies"), code);
        pages.screenshotForReadme("11-admin");
    }
}

package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.HeadlessChromium;
import cn.childprotect.cms.support.TestDatabase;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
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

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void login(String user) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(IntegrationTest.PASSWORD);
        clickAndWait(By.id("login-submit"));
    }

    private void openAllDetails() {
        ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
    }

    /** Under target/ by default; {@code ./mvnw -Pdocs-screenshots test} refreshes docs/screenshots (README). */
    static Path screenshotDir() {
        return Path.of(System.getProperty("cms.screenshots", "target/screenshots"));
    }

    private void screenshot(String name) throws Exception {
        Path dir = screenshotDir();
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Waits (page loads follow each click) until the element shows the text; fails after 10 s. */
    private void expectText(By element, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(element).getText().contains(text));
    }

    private void expectStatus(String label) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(By.id("case-status")).getText().equals(label));
    }

    private void fire(String event) {
        clickAndWait(By.id("event-" + event));
    }

    /** Clicks something that submits a form and waits until the next page has replaced this one. */
    private void clickAndWait(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                page.isEnabled();
                return false;
            }
            catch (WebDriverException gone) {
                // stale, or "node does not belong to the document": either way the old page is gone
                return true;
            }
        });
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
        login("school1");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/reports/new"));
        browser.findElement(By.cssSelector("input[name=categories][value=MR04]")).click();
        browser.findElement(By.id("narrative")).sendKeys("学生手臂和背部多处淤青，自述被父亲殴打");
        browser.findElement(By.id("childName")).sendKeys(child);
        new Select(browser.findElement(By.id("childSex"))).selectByValue("MALE");
        browser.findElement(By.id("childSchool")).sendKeys("城关小学");
        browser.findElement(By.id("reporterName")).sendKeys("王老师");
        screenshot("01-school-report-form");
        clickAndWait(By.id("submit-report"));
        expectText(By.id("receipt-number"), "R");
        String receipt = browser.findElement(By.id("receipt-number")).getText();
        assertThat(receipt).matches("R\\d{8}-\\d{6}");
        screenshot("02-receipt");
        open("/reports/mine");
        assertThat(browser.findElement(By.id("my-reports")).getText()).contains(receipt).contains("已接收");

        // 2. the township supervisor accepts the case and assigns it to the village's child director
        login("supervisor1");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/dashboard"));
        screenshot("03-supervisor-dashboard");
        open("/cases?status=RECEIVED&q=" + child);
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
        expectText(By.id("page-error"), "已被其他人修改");
        screenshot("10-stale-version");
        expectStatus("评估");
        new Select(browser.findElement(By.id("assignee"))).selectByValue("director1");
        clickAndWait(By.id("assign-submit"));
        expectText(By.id("case-assignee"), "李芳"); // the display name, not the username
        String casePage = browser.getCurrentUrl();
        String caseNumber = browser.findElement(By.id("case-number")).getText();

        // 3. the child director assesses, plans and sends a work order to the police
        login("director1");
        open("/cases?mine=true");
        screenshot("04-director-my-cases");
        browser.get(casePage);
        openAllDetails();
        // nothing is preselected: answer every item (the first option of each is the low-risk one)
        for (WebElement item : browser.findElements(By.cssSelector("#assessment-form .item"))) {
            List<WebElement> options = item.findElements(By.cssSelector("input[type=radio]"));
            if (!options.isEmpty()) {
                options.get(0).click();
            }
        }
        browser.findElement(By.id("rationale")).sendKeys("家访核实：父亲酗酒后殴打，母亲能保护");
        clickAndWait(By.id("assessment-submit"));
        expectText(By.id("case-risk"), "低");
        fire("COMPLETE_ASSESSMENT");
        expectStatus("处置");
        openAllDetails();
        browser.findElement(By.id("goals")).sendKeys("制止家庭暴力，保障儿童正常上学");
        new Select(browser.findElements(By.name("type")).get(0)).selectByValue("监护指导");
        browser.findElements(By.name("provider")).get(0).sendKeys("城关村儿童之家");
        clickAndWait(By.id("plan-submit"));
        expectText(By.id("plan"), "监护指导");
        openAllDetails();
        new Select(browser.findElement(By.id("agencyCode"))).selectByValue("XN-PS");
        browser.findElement(By.id("requestText")).sendKeys("请对监护人家庭暴力行为依法处置");
        browser.findElement(By.id("sharedSummary")).sendKeys("城关村一名男童多处淤青，疑似父亲殴打");
        clickAndWait(By.id("dispatch-submit"));
        expectText(By.id("work-orders"), "已派单");
        screenshot("05-case-page");

        // 4. the police sign the order and answer it
        login("police1");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/work-orders"));
        screenshot("06-agency-work-orders");
        browser.findElement(By.xpath("//table[@id='order-list']//tr[td[text()='" + caseNumber + "']]//a")).click();
        assertThat(browser.findElement(By.id("shared-summary")).getText()).contains("疑似父亲殴打").doesNotContain("王老师");
        clickAndWait(By.id("sign"));
        expectText(By.id("order-status"), "已签收");
        browser.findElement(By.id("answer")).sendKeys("已出警，对父亲予以训诫并出具家庭暴力告诫书");
        clickAndWait(By.id("respond"));
        expectText(By.id("order-status"), "已反馈");
        assertThat(browser.findElements(By.id("agency-actions"))).as("no empty action card once answered").isEmpty();
        screenshot("07-work-order");

        // 5. the director completes the order, starts support and requests closure
        login("director1");
        browser.get(casePage);
        clickAndWait(By.cssSelector(".wo-complete"));
        fire("START_SUPPORT");
        expectStatus("帮扶");
        browser.findElement(By.cssSelector("form:has(#event-REQUEST_CLOSURE) input[name=reason]"))
                .sendKeys("家庭暴力已制止，儿童恢复正常上学");
        fire("REQUEST_CLOSURE");
        expectStatus("待结案审核");

        // 6. the supervisor approves the closure
        login("supervisor1");
        open("/escalations");
        screenshot("08-escalation-queue");
        browser.get(casePage);
        fire("APPROVE_CLOSURE");
        expectStatus("结案");
        screenshot("09-closed-case");

        // 6b. the statistics dashboard (统计监测): ECharts from the WebJar draws the trend and the bars
        open("/stats");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.cssSelector(
                "#trend-chart canvas, #trend-chart svg")).isEmpty() && !d.findElements(By.cssSelector(
                "#place-chart canvas, #place-chart svg")).isEmpty());
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#indicators td")).isEmpty());
        screenshot("13-stats-dashboard");

        // 7. the administrator adds a partner agency; a supervisor cannot reach the admin page
        open("/admin");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/dashboard"));
        login("admin");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/admin"));
        openAllDetails();
        String code = "UI-" + (System.nanoTime() % 100000);
        browser.findElement(By.id("a-code")).sendKeys(code);
        new Select(browser.findElement(By.id("a-type"))).selectByValue("SOCIAL_WORK");
        browser.findElement(By.id("a-name")).sendKeys("城关社工站");
        browser.findElement(By.id("a-code2")).sendKeys("141029000000");
        browser.findElement(By.id("a-email")).sendKeys("sw@example.org");
        clickAndWait(By.cssSelector("form:has(#a-code) button[type=submit]"));
        expectText(By.id("agencies"), code);
        screenshot("11-admin");
    }
}

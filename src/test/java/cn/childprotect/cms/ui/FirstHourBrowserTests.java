package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.TransitionCommand;
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
import cn.childprotect.cms.users.NewUser;
import cn.childprotect.cms.users.Role;
import cn.childprotect.cms.users.UserDirectory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 17 items 4, 6 and 7 in Debian's headless Chromium: a disabled user's next click lands on
 * the login page (and an administrator cannot disable themselves); the hotline operator tells
 * possible duplicates apart on the receipt and links the call; a village director's phone
 * (390 px) shows the case list as cards with touch targets of at least 44 px and adds a case
 * note. Screenshots go to target/screenshots; with {@code -Dscreenshots.docs=true} the phone
 * screenshot of the README is refreshed in docs/screenshots as well.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FirstHourBrowserTests {

    private static WebDriver browser;

    @LocalServerPort
    int port;

    private BrowserPages pages;

    @BeforeEach
    void openPages() {
        pages = new BrowserPages(browser, port);
    }

    @Autowired
    UserDirectory users;

    @Autowired
    IntakeDesk intake;

    @Autowired
    CaseFiles caseFiles;

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

    /** Keeps what the browser showed when a test failed, for the person who reads the CI log. */
    @AfterEach
    void keepFailure(TestInfo test) throws Exception {
        if (browser == null) {
            return;
        }
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        String name = "last-" + test.getTestMethod().map(m -> m.getName()).orElse("test");
        Files.writeString(dir.resolve(name + ".html"), browser.getPageSource());
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    // --- item 4 ------------------------------------------------------------------------------------

    @Test
    void aDisabledUsersNextClickLandsOnTheLoginPage() throws Exception {
        String director = "bd" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new NewUser(director, "儿童主任（测试）", IntegrationTest.PASSWORD, Role.CHILD_DIRECTOR,
                "141029100002", null, null, null, null), "admin");

        pages.login(director);
        waitForUrl("/cases");
        Cookie directorSession = browser.manage().getCookieNamed("SESSION");
        // the same session cookie, given back, keeps working: it is the account that changes below
        resumeSession(directorSession, "/cases?mine=true");
        assertThat(browser.getCurrentUrl()).contains("/cases");

        pages.login("admin");
        waitForUrl("/admin");
        assertThat(browser.findElements(By.cssSelector("#users thead th"))).hasSize(6);
        assertThat(new Select(browser.findElement(By.id("scope-" + director))).getFirstSelectedOption().getDomProperty("textContent"))
                .isEqualTo("乡宁县 / 昌宁镇 / 南关村");
        // an administrator cannot disable themselves
        pages.clickAndWait(By.id("toggle-admin"));
        pages.expectText(By.id("page-error"), "不能停用自己的账户");
        pages.expectText(By.cssSelector("#user-admin .user-state"), "在用");
        // but can disable the director, whose open session then ends
        pages.clickAndWait(By.id("toggle-" + director));
        pages.expectText(By.cssSelector("#user-" + director + " .user-state"), "已停用");
        pages.screenshot("admin-users");

        resumeSession(directorSession, "/cases?mine=true");
        waitForUrl("/login");
    }

    // --- item 6 ------------------------------------------------------------------------------------

    @Test
    void theOperatorTellsPossibleDuplicatesApartAndLinksTheCall() throws Exception {
        String child = TestIds.uniqueName();
        ReportReceipt first = fileAs("operator1", child, LocalDate.now().minusYears(9).minusDays(10), "141029100003");

        pages.login("operator1");
        waitForUrl("/intake");
        browser.findElement(By.cssSelector("input[name=categories][value=LB01]")).click();
        new Select(browser.findElement(By.id("villageCode"))).selectByValue("141029100003");
        browser.findElement(By.id("narrative")).sendKeys("来电反映该儿童近一周独自在家");
        browser.findElement(By.id("childName")).sendKeys(child);
        browser.findElement(By.cssSelector("input[name=anonymous]")).click();
        pages.clickAndWait(By.id("submit-report"));
        pages.expectText(By.id("duplicates"), first.caseNumber());
        String row = browser.findElement(By.id("duplicates")).getText();
        assertThat(row).contains("9 岁").contains("北关村").contains("接报").contains(child.charAt(0) + "***")
                .doesNotContain(child);
        pages.screenshot("receipt-duplicates");

        pages.clickAndWait(By.id("link-" + first.caseId()));
        pages.expectText(By.id("linked"), first.caseNumber());
    }

    // --- item 7 ------------------------------------------------------------------------------------

    @Test
    void aVillageDirectorsPhoneShowsCardsWithLargeTargetsAndTakesACaseNote() throws Exception {
        long caseId = caseOfDirector1();
        browser.manage().window().setSize(new Dimension(390, 844));
        pages.login("director1");
        waitForUrl("/cases");
        assertThat(viewportWidth()).isLessThanOrEqualTo(600);

        WebElement card = browser.findElement(By.cssSelector("#case-list tbody tr"));
        assertThat(card.getCssValue("display")).isEqualTo("block");
        assertThat(card.getRect().getWidth()).as("a card uses the width of the phone").isGreaterThan(300);
        WebElement childCell = card.findElements(By.tagName("td")).get(1);
        assertThat(childCell.getRect().getHeight()).as("the child's name on one line, not one character per line")
                .isLessThan(60);
        assertThat(browser.findElement(By.cssSelector("header.top")).getRect().getHeight())
                .as("a compact header").isLessThanOrEqualTo(120);
        assertThat(smallTouchTargets()).as("touch targets under 44 px").isEmpty();
        pages.screenshot("12-phone-case-list");
        if (Boolean.getBoolean("screenshots.docs")) {
            Path docs = Path.of("docs/screenshots");
            Files.createDirectories(docs);
            Files.copy(Path.of("target/screenshots/12-phone-case-list.png"), docs.resolve("12-phone-case-list.png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        pages.open("/cases/" + caseId);
        pages.expectText(By.id("case-number"), "CP-");
        browser.findElement(By.id("note-text")).sendKeys("电话回访：孩子已由祖母接回，明天入户");
        pages.clickAndWait(By.id("note-submit"));
        pages.expectText(By.id("timeline"), "电话回访：孩子已由祖母接回");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("个案记录");
        assertThat(smallTouchTargets()).as("touch targets under 44 px on the case page").isEmpty();
        pages.screenshot("phone-case-page");
    }

    // --- set-up through the facades ------------------------------------------------------------------

    private ReportReceipt fileAs(String username, String childName, LocalDate birth, String village) {
        CurrentUser user = users.findCurrentUser(username).orElseThrow();
        return intake.submit(new ReportSubmission(Channel.HOTLINE, List.of("LB01"), false, null, village,
                "留守儿童独自在家", new ChildData(childName, Sex.MALE, birth, null, null, false, null, null, null, null,
                        List.of()),
                new ReportSubmission.Reporter(true, null, null, null, null), null, false), null, user);
    }

    /** A case of 城关村, accepted and assigned to director1. */
    private long caseOfDirector1() {
        ReportReceipt receipt = fileAs("operator1", TestIds.uniqueName(), TestIds.childBirthDate(), "141029100001");
        CurrentUser supervisor = users.findCurrentUser("supervisor1").orElseThrow();
        caseFiles.transition(receipt.caseId(), new TransitionCommand(CaseEvent.ACCEPT, null, null, null),
                caseFiles.find(receipt.caseId()).orElseThrow().version(), supervisor);
        caseFiles.assign(receipt.caseId(), "director1", null, supervisor);
        return receipt.caseId();
    }

    // --- browser helpers -----------------------------------------------------------------------------

    /** Gives the browser back a session cookie it had before (as if that person came back to the tab). */
    private void resumeSession(Cookie session, String path) {
        pages.open("/login");
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(session);
        pages.open(path);
    }

    private long viewportWidth() {
        return ((Number) ((JavascriptExecutor) browser).executeScript("return window.innerWidth")).longValue();
    }

    /** Visible things a finger taps that are lower than 44 CSS pixels. */
    @SuppressWarnings("unchecked")
    private List<String> smallTouchTargets() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const small = [];
                document.querySelectorAll('a, button, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), label.check, summary')
                  .forEach(e => { const r = e.getBoundingClientRect();
                    if (r.width > 0 && r.height > 0 && r.height < 44 && e.offsetParent !== null && !e.closest('details:not([open]) > :not(summary)'))
                      small.push(e.tagName + ' ' + (e.id || e.className || e.textContent.trim().slice(0, 20)) + ' ' + Math.round(r.height)); });
                return small;""");
    }

    private void waitForUrl(String part) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(part));
    }

}

package cn.childprotect.cms.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests do with a page, once: open a path of the running service, log in as a
 * demo user, click and wait for the next page, wait for a text, take a screenshot. Every wait
 * ends after 10 s. One per test instance ({@code new BrowserPages(browser, port)}): the browser is
 * the class's, the port the test's.
 */
public final class BrowserPages {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WebDriver browser;
    private final int port;

    public BrowserPages(WebDriver browser, int port) {
        this.browser = browser;
        this.port = port;
    }

    public void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    /** Logs in afresh (the cookies of an earlier user are deleted first) and waits for the home page. */
    public void login(String user) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(IntegrationTest.PASSWORD);
        clickAndWait(By.id("login-submit"));
    }

    /** Clicks something that submits a form and waits until the next page has replaced this one. */
    public void clickAndWait(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new WebDriverWait(browser, WAIT).until(d -> {
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

    /** Waits (page loads follow each click) until the element shows the text. */
    public void expectText(By element, String text) {
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(NoSuchElementException.class)
                .until(d -> d.findElement(element).getText().contains(text));
    }

    /** Opens every {@code <details>} of the page, so that what they hold can be read and clicked. */
    public void openAllDetails() {
        ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
    }

    /** A screenshot under {@code target/screenshots}, never under {@code docs/}. */
    public void screenshot(String name) throws Exception {
        write(Path.of("target/screenshots"), name);
    }

    /**
     * A screenshot README shows: under {@code target/screenshots} by default;
     * {@code ./mvnw -Pdocs-screenshots test} sets {@code cms.screenshots} to refresh
     * {@code docs/screenshots} (README).
     */
    public void screenshotForReadme(String name) throws Exception {
        write(Path.of(System.getProperty("cms.screenshots", "target/screenshots")), name);
    }

    private void write(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}

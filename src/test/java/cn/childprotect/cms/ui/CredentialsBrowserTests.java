package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import cn.childprotect.cms.support.BrowserPages;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.HeadlessChromium;
import cn.childprotect.cms.support.TestDatabase;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The administrator makes a machine account in Debian's headless Chromium, copies its API key
 * (shown once), the key works against the API and stops working once revoked. Also checks that
 * the pages still get their stylesheet under the Content-Security-Policy. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CredentialsBrowserTests {

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

    private int apiStatusWithKey(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .header("X-API-Key", key).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anAdministratorMakesAMachineAccountAndRevokesItsKey() throws Exception {
        browser.manage().deleteAllCookies();
        pages.open("/login");
        // the stylesheet is allowed by the policy: the header gets its colour
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector('main') || document.body).maxWidth")).isNotNull();
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(IntegrationTest.PASSWORD);
        pages.clickAndWait(By.id("login-submit"));
        pages.open("/admin");
        assertThat(((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector('header.top')).backgroundColor"))
                .isEqualTo("rgb(179, 38, 30)");
        pages.clickAndWait(By.id("machine-accounts-link"));

        String username = "portal" + UUID.randomUUID().toString().substring(0, 6);
        ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        browser.findElement(By.id("m-name")).sendKeys(username);
        browser.findElement(By.id("m-display")).sendKeys("城关小学报告平台");
        new Select(browser.findElement(By.id("m-role"))).selectByValue("REPORTER");
        browser.findElement(By.id("m-code")).sendKeys("141029100001");
        new Select(browser.findElement(By.id("m-inst-type"))).selectByValue("SCHOOL");
        browser.findElement(By.id("m-inst")).sendKeys("乡宁县城关小学");
        browser.findElement(By.id("m-label")).sendKeys("school portal");
        pages.clickAndWait(By.cssSelector("form[action$='/admin/machine-accounts'] button[type=submit]"));

        String key = browser.findElement(By.id("api-key")).getText().strip();
        assertThat(key).startsWith("cmsk_");
        pages.screenshot("credentials-new-api-key");
        assertThat(apiStatusWithKey(key)).isEqualTo(200);

        // the key is not on the page any more once it is left
        pages.open("/admin/machine-accounts");
        assertThat(browser.getPageSource()).doesNotContain(key).contains(key.substring(0, 12));
        pages.clickAndWait(By.cssSelector("form[action*='/admin/machine-accounts/" + username + "/api-keys/'] button"));
        assertThat(browser.findElement(By.id("machines")).getText()).contains("已吊销");
        pages.screenshot("credentials-machine-accounts");
        assertThat(apiStatusWithKey(key)).isEqualTo(401);
    }

    /** The API documentation page runs under the same policy (its scripts are files, not inline). */
    @Test
    void theApiDocumentationRendersUnderThePolicy() {
        pages.open("/swagger-ui.html");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".swagger-ui .opblock"))).hasSizeGreaterThan(30);
    }
}

package cn.childprotect.cms.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium for the browser tests, never a downloaded browser; the tests are
 * skipped, visibly, where chromium and chromium-driver are not installed (.ci/run installs them).
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A fresh browser (own profile, Chinese first, 1280×1000) waiting up to 5 s for elements. */
    public static WebDriver start() throws Exception {
        return start("zh-CN");
    }

    /**
     * The same with another language first ({@code "en"}: the pages' Accept-Language is English,
     * which is how the application chooses the language of a page).
     */
    public static WebDriver start(String language) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages",
                language.startsWith("zh") ? "zh-CN,zh" : language));
        // without the background-networking flags Chromium keeps calling hosts this closed network refuses
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--lang=" + language,
                "--user-data-dir=" + Files.createTempDirectory("cms-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }
}

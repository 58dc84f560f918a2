package org.pilotline.mes.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.pilotline.mes.localplant.TempDirs;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, named explicitly so nothing downloads a driver)
 * at tablet size, with the few things the UI tests do again and again: log in on Keycloak's own page, scan like a
 * barcode scanner (keys typed fast, ending with Enter, with no field clicked first), wait for the page, take a
 * screenshot.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("mes.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("mes.chromedriver", "/usr/bin/chromedriver"));
    /** Landscape and portrait tablets of the dry room. */
    static final Dimension LANDSCAPE = new Dimension(1280, 800);
    static final Dimension PORTRAIT = new Dimension(800, 1280);

    private final ChromeDriver driver;
    private final Path profile;
    final String base;

    /** Skips the calling test, with the reason, where Chromium is not installed (a machine with only a JDK). */
    static void assumeChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
                        + " are needed (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
    }

    Browser(String base, Dimension size) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("mes-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
                "--window-size=" + size.width + "," + size.height, "--lang=en-US", "--autoplay-policy=no-user-gesture-required");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(size);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    WebDriver driver() {
        return driver;
    }

    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Keycloak's login page, as a person fills it in (the user name may be there already, for a signature). */
    Browser login(String user, String password) {
        waitFor(By.id("password"));
        // signing again, Keycloak shows the user's name as text, not as a field
        for (WebElement name : driver.findElements(By.id("username"))) {
            if (name.isDisplayed() && name.isEnabled() && name.getAttribute("readonly") == null) {
                name.clear();
                name.sendKeys(user);
            }
        }
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        return this;
    }

    /**
     * Signs the manifest on the page: Sign, the password again on Keycloak's page (user and password alike, as in
     * the test realm), and back on the page the change came from, which says it was signed and recorded.
     */
    Browser signWithPassword(String user) {
        click(By.id("sign"));
        login(user, user);
        waitForText(By.id("flash"), "Signed and recorded");
        return this;
    }

    /** A barcode scanner: the code typed fast into whatever has the focus, then Enter. */
    Browser scan(String code) {
        new Actions(driver).sendKeys(code + "\n").perform();
        return this;
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void waitForText(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(by,
                text));
    }

    void waitUntilGone(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    String text(By by) {
        return waitFor(by).getText();
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void type(By by, String text) {
        WebElement e = waitFor(by);
        e.clear();
        e.sendKeys(text);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** A script that calls its last argument when done (a fetch from the page, say). */
    Object asyncScript(String js, Object... args) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** A screenshot for docs/ui.md: the directory is target/ui-screenshots unless mes.screenshots.dir says. */
    void screenshot(String name) {
        Path dir = Path.of(System.getProperty("mes.screenshots.dir", "target/ui-screenshots"));
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    @Override
    public void close() {
        driver.quit();
        TempDirs.delete(profile);
    }
}

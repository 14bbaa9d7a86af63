package cn.zhifa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives Debian's headless Chromium against the running application. On a developer machine without
 * chromium the browser tests are skipped; under CI (CI=true) a missing browser fails them.
 * Screenshots go to target/screenshots.
 */
@ZhifaIntegrationTest
@Tag("browser")
public abstract class BrowserTestSupport {

    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1366, 900);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    /**
     * One Chromium for the whole test run: starting and quitting it for every class cost about a second each time.
     * Each class still begins from a clean browser (see {@link #startBrowser()}); the JVM's exit quits it.
     */
    private static WebDriver shared;

    /** Finds that expect an element wait this long for it to show; checks that expect none use {@link #absent(By)}. */
    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(2);

    /**
     * How long each move of a signature stroke takes. Selenium's {@code Actions} gives every move 200–250 ms whatever
     * it is told, so each stroke lasted 1.25 s (about half a minute of the suite); a finger's stroke takes a fraction
     * of that, and the pad draws each move it is told.
     */
    private static final Duration STROKE_STEP = Duration.ofMillis(20);

    /** How often the waits here ask again (WebDriverWait's default, 500 ms, is added to a wait half of the time). */
    private static final Duration POLL = Duration.ofMillis(100);

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(available, "chromium is not installed; browser tests skipped");
        if (shared != null && !alive(shared)) {
            quitQuietly(shared);
            shared = null;
        }
        if (shared == null) {
            shared = launch();
            WebDriver launched = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> quitQuietly(launched), "quit-chromium"));
        }
        browser = shared;
        cleanedFor = null;
    }

    /** The class whose tests have the browser now; the first of its tests cleans it (the port is known by then). */
    private static Class<?> cleanedFor;

    @BeforeEach
    void cleanBrowserForThisClass() {
        if (browser != null && cleanedFor != getClass()) {
            cleanBrowser(url(""));
            cleanedFor = getClass();
        }
    }

    private static WebDriver launch() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("zhifa-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        return driver;
    }

    /**
     * What a fresh browser would be for the next class: no cookies, no stored data of any origin (IndexedDB, caches,
     * service workers, local storage), no HTTP cache, the network on, one blank tab at desktop size.
     */
    private static void cleanBrowser(String origin) {
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.get("about:blank");
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chrome.executeCdpCommand("Network.clearBrowserCache", Map.of());
        chrome.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        chrome.executeCdpCommand("Emulation.clearGeolocationOverride", Map.of());
        chrome.executeCdpCommand("Browser.resetPermissions", Map.of());
        browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        browser.manage().window().setSize(DESKTOP);
    }

    private static boolean alive(WebDriver driver) {
        try {
            return !driver.getWindowHandles().isEmpty();
        } catch (RuntimeException gone) {
            return false;
        }
    }

    private static void quitQuietly(WebDriver driver) {
        try {
            driver.quit();
        } catch (RuntimeException alreadyGone) {
            // the browser or its driver has already ended
        }
    }

    @AfterAll
    static void releaseBrowser() {
        browser = null;
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected void open(String path) {
        browser.get(url(path));
    }

    /** Logs out whoever is logged in, then logs in through the login page. */
    protected void loginAs(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/login");
        // filled in by script: the login form has no script of its own to see keys, and typing both fields key by key
        // cost a quarter of a second a login (about 15 s of the suite)
        ((JavascriptExecutor) browser).executeScript("document.getElementById('username').value = arguments[0];"
                + " document.getElementById('password').value = arguments[1];", username, password);
        browser.findElement(By.id("login-submit")).click();
    }

    protected void loginAs(String username) {
        loginAs(username, "Zhifa@2026");
        waitFor(By.id("current-user"));
    }

    /**
     * Waits for an element; generous because a submit may render PDFs while CI's two cores run other forks — the
     * wait ends as soon as the element shows, so it costs nothing when the machine is idle.
     */
    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(30), POLL).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * A wait of up to {@code timeout} that asks every {@link #POLL}: WebDriverWait's own half-second added a quarter of a
     * second on average to every wait.
     */
    protected WebDriverWait waitAtMost(Duration timeout) {
        return new WebDriverWait(browser, timeout, POLL);
    }

    /**
     * The elements matching now, without the implicit wait: for checks that expect none, which would otherwise wait
     * the implicit wait out each time. Use it only where the page has finished (after a page load or a wait).
     */
    protected List<WebElement> findAllNow(By locator) {
        return findAllNow(browser, locator);
    }

    /** {@link #findAllNow(By)} inside one element (a card, a row). */
    protected List<WebElement> findAllNow(SearchContext scope, By locator) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return scope.findElements(locator);
        } finally {
            browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /** True when nothing matches now (no implicit wait). */
    protected boolean absent(By locator) {
        return findAllNow(locator).isEmpty();
    }

    /**
     * Waits until the condition holds (a truthy or non-null result), asking every {@link #POLL} without the implicit
     * wait, so a condition such as "no element matches" costs no more than it takes to become true.
     */
    protected <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return new WebDriverWait(browser, timeout, POLL).until(condition::apply);
        } finally {
            browser.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /**
     * A finger stroke across a signature pad (pointer down, moves, up). Waits for the page's scripts first: after a
     * form submission the new page's heading can show before the scripts at the end of the body have attached the pad's
     * listeners, and a stroke drawn then is lost ("签名缺失" — seen once per few full runs in the inspection walk).
     */
    protected void drawOn(WebElement pad) {
        new WebDriverWait(browser, Duration.ofSeconds(30), POLL).until(d -> "complete".equals(
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", pad);
        PointerInput finger = new PointerInput(PointerInput.Kind.MOUSE, "default mouse");
        Sequence stroke = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(pad), -100, 10))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
        for (int[] move : new int[][] {{40, -25}, {40, 30}, {40, -30}, {40, 25}}) {
            stroke.addAction(finger.createPointerMove(STROKE_STEP, PointerInput.Origin.pointer(), move[0], move[1]));
        }
        stroke.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        ((org.openqa.selenium.interactions.Interactive) browser).perform(List.of(stroke));
    }

    /**
     * Taps an element as a person does: scrolled to the middle of the screen, once it has stopped moving and nothing
     * covers its centre. A page that is still laying out on a loaded machine (a restored draft's photos and signatures)
     * can move the element after the scroll, even out of the window, which WebDriver reports as "not clickable at
     * point": so it scrolls again until the element holds still in view, as a person would. An element that stays
     * covered fails the test naming what covers it, since a person could not tap it either.
     */
    protected void tap(By locator) {
        tap(waitFor(locator));
    }

    /** {@link #tap(By)} for an element already found. */
    protected void tap(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        String script = "const e = arguments[0]; let r = e.getBoundingClientRect();"
                + " if (r.top < 0 || r.bottom > window.innerHeight) {"
                + "   e.scrollIntoView({block: 'center', behavior: 'instant'}); r = e.getBoundingClientRect(); }"
                + " const x = r.left + r.width / 2, y = r.top + r.height / 2, top = document.elementFromPoint(x, y);"
                + " const where = [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)].join(',')"
                + "   + ' in ' + window.innerWidth + 'x' + window.innerHeight;"
                + " if (top && (top === e || e.contains(top))) return 'free:' + where;"
                + " return 'covered:' + where + ':' + (top ? top.outerHTML.slice(0, 160) : 'outside the window');";
        js.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        String[] last = {""};
        try {
            waitUntil(Duration.ofSeconds(10), d -> {
                String now = String.valueOf(js.executeScript(script, element));
                boolean still = now.equals(last[0]);
                last[0] = now;
                return still && now.startsWith("free:") ? now : null;
            });
        } catch (org.openqa.selenium.TimeoutException covered) {
            throw new AssertionError("cannot tap " + element + ": " + last[0], covered);
        }
        element.click();
    }

    protected void resize(Dimension size) {
        browser.manage().window().setSize(size);
    }

    /** Saves a full-window PNG under target/screenshots/{name}.png and returns its path. */
    protected Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** True when the page is no wider than the window (no horizontal scrolling at phone width). */
    protected boolean fitsWidth() {
        Object fits = ((ChromeDriver) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
        return Boolean.TRUE.equals(fits);
    }
}

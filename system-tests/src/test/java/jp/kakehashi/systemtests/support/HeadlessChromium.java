package jp.kakehashi.systemtests.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real browser for the customer screens: one Playwright with one headless Chromium per test class (the system's
 * Chromium, never a downloaded one), a fresh context (cookies, session, language) per test, and full-page
 * screenshots kept as test output under {@code target/screenshots/<TestClass>/<name>.png}.
 *
 * <p>Contexts accept the platform's self-signed certificate and speak Japanese, as a customer's browser in Japan
 * would; {@link #newContext(String)} chooses another browser language.
 *
 * <p>Every page is held to the platform's Content-Security-Policy: Chromium reports each thing it refused (an inline
 * script, a style, a form sent elsewhere) on the console, and {@link #closeContexts()} fails the test that caused it.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> policyViolations = new java.util.concurrent.CopyOnWriteArrayList<>();

    private HeadlessChromium(Playwright playwright, Browser browser, Path screenshots) {
        this.playwright = playwright;
        this.browser = browser;
        this.screenshots = screenshots;
    }

    public static HeadlessChromium launch(Class<?> testClass) {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                    .setExecutablePath(Paths.get(System.getenv().getOrDefault("PLAYWRIGHT_CHROMIUM_EXECUTABLE",
                            "/usr/bin/chromium"))));
            return new HeadlessChromium(playwright, browser,
                    Path.of("target", "screenshots", testClass.getSimpleName()));
        }
        catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new, empty browser context whose browser language is Japanese. */
    public BrowserContext newContext() {
        return newContext("ja-JP");
    }

    public BrowserContext newContext(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true)
                .setLocale(locale).setTimezoneId("Asia/Tokyo").setViewportSize(1024, 800));
        context.setDefaultTimeout(15_000);
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text() + " (" + message.location() + ")");
            }
        });
        contexts.add(context);
        return context;
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<TestClass>/<name>.png} and returns its path. */
    public Path screenshot(Page page, String name) {
        Path file = screenshots.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** Closes the contexts opened so far (call after each test); fails if a page broke the CSP meanwhile. */
    public void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        if (!policyViolations.isEmpty()) {
            List<String> seen = List.copyOf(policyViolations);
            policyViolations.clear();
            throw new AssertionError("the pages broke their Content-Security-Policy: " + seen);
        }
    }

    @Override
    public void close() {
        try {
            closeContexts();
            browser.close();
        }
        finally {
            playwright.close();
        }
    }
}

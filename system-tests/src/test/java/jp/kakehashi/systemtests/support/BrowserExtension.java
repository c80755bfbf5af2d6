package jp.kakehashi.systemtests.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Tracing;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real browser for the screen tests, as a JUnit 5 extension: one Playwright with one headless Chromium per test
 * class (the system's Chromium, never a downloaded one), a fresh context (cookies, session, language) per test, and
 * full-page screenshots kept as test output under {@code target/screenshots/<TestClass>/<name>.png}.
 *
 * <p>Register it once per class, {@code @RegisterExtension static final BrowserExtension chromium = new
 * BrowserExtension();}. A test (or its {@code @BeforeEach}) then declares a {@link Page} or a {@link BrowserContext}
 * parameter for a fresh Japanese-speaking context of its own, or calls {@link #newContext()} for more of them (a
 * second person on the same screens, another browser language); {@code @BeforeAll} methods may open contexts that
 * live as long as the class.
 *
 * <p>Contexts accept the platform's self-signed certificate and speak Japanese in Tokyo's time zone, 1024×800, as a
 * customer's browser in Japan would. Every page is held to the platform's Content-Security-Policy: Chromium reports
 * each thing it refused (an inline script, a style, a form sent elsewhere) on the console, and the test that caused
 * it fails. After each test its contexts are closed; when it failed, every open page is first saved as
 * {@code target/screenshots/<TestClass>/FAILED-<test>-<n>.png}, and with {@code -Dkakehashi.browser.trace=true} a
 * Playwright trace of each of its contexts as {@code target/traces/<TestClass>/<test>-<n>.zip}.
 */
public final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback,
        AfterEachCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(BrowserExtension.class);
    private static final boolean TRACING = Boolean.getBoolean("kakehashi.browser.trace");

    private Playwright playwright;
    private Browser browser;
    private Path screenshots;
    private Path traces;
    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> policyViolations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (browser != null) {
            return;
        }
        String testClass = context.getRequiredTestClass().getSimpleName();
        screenshots = Path.of("target", "screenshots", testClass);
        traces = Path.of("target", "traces", testClass);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                    .setExecutablePath(Paths.get(System.getenv().getOrDefault("PLAYWRIGHT_CHROMIUM_EXECUTABLE",
                            "/usr/bin/chromium"))));
        }
        catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // contexts opened from here on are the test's own; the ones of @BeforeAll stay for the next tests
        store(context).put(Mark.class, new Mark(contexts.size()));
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        String test = context.getRequiredTestMethod().getName();
        int n = 0;
        for (BrowserContext open : List.copyOf(contexts)) {
            for (Page page : open.pages()) {
                if (!page.isClosed()) {
                    screenshot(page, "FAILED-" + test + "-" + (++n));
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Mark mark = store(context).get(Mark.class, Mark.class);
        String test = context.getRequiredTestMethod().getName();
        boolean failed = context.getExecutionException().isPresent();
        List<BrowserContext> own = new ArrayList<>(contexts.subList(mark == null ? 0 : mark.from(), contexts.size()));
        contexts.removeAll(own);
        int n = 0;
        for (BrowserContext open : own) {
            n++;
            if (TRACING) {
                open.tracing().stop(failed ? new Tracing.StopOptions().setPath(traces.resolve(test + "-" + n + ".zip"))
                        : new Tracing.StopOptions());
            }
            open.close();
        }
        failOnPolicyViolations();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser == null) {
            return;
        }
        try {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
            browser.close();
            failOnPolicyViolations();
        }
        finally {
            playwright.close();
            browser = null;
            playwright = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Page.class || type == BrowserContext.class;
    }

    /**
     * A {@link Page} or {@link BrowserContext} parameter: the same fresh Japanese context (and its one page) for every
     * such parameter of one test, its {@code @BeforeEach} methods included.
     */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = store(context);
        BrowserContext browserContext = store.computeIfAbsent(BrowserContext.class, key -> newContext(),
                BrowserContext.class);
        if (parameter.getParameter().getType() == BrowserContext.class) {
            return browserContext;
        }
        return store.computeIfAbsent(Page.class, key -> browserContext.newPage(), Page.class);
    }

    /** A new, empty browser context whose browser language is Japanese. */
    public BrowserContext newContext() {
        return newContext("ja-JP");
    }

    /** A new, empty browser context whose browser language is {@code locale}, e.g. {@code en-US}. */
    public BrowserContext newContext(String locale) {
        if (browser == null) {
            throw new IllegalStateException("register the BrowserExtension with @RegisterExtension on a static field");
        }
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true)
                .setLocale(locale).setTimezoneId("Asia/Tokyo").setViewportSize(1024, 800));
        context.setDefaultTimeout(15_000);
        context.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text() + " (" + message.location() + ")");
            }
        });
        if (TRACING) {
            context.tracing().start(new Tracing.StartOptions().setScreenshots(true).setSnapshots(true));
        }
        contexts.add(context);
        return context;
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<TestClass>/<name>.png} and returns its path. */
    public Path screenshot(Page page, String name) {
        Path file = screenshots.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    private void failOnPolicyViolations() {
        if (!policyViolations.isEmpty()) {
            List<String> seen = List.copyOf(policyViolations);
            policyViolations.clear();
            throw new AssertionError("the pages broke their Content-Security-Policy: " + seen);
        }
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }

    /** How many contexts were open when a test began. */
    private record Mark(int from) {
    }
}

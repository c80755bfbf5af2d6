package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kakehashi.systemtests.support.RunningPlatform;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * B11: every page of the bank (customer screens, console, portal, error pages) and every machine answer carries the
 * platform's Content-Security-Policy (no inline script, no framing, forms to the bank only), and no page has an inline
 * script or event handler left for the policy to block. The browser tests hold the pages to it in Chromium
 * ({@code BrowserExtension} fails a test on any CSP violation); the consent screen's wider {@code form-action} is
 * exercised by {@code ConsentBrowserTest}.
 */
class ContentSecurityPolicyTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]+\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private final RunningPlatform platform = RunningPlatform.get();
    private final HttpClient http = HttpClient.newBuilder().sslContext(platform.tls())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @TestFactory
    Stream<DynamicTest> everyPageCarriesThePolicyAndHasNoInlineScript() {
        return Stream.of("/login", "/login/otp", "/help", "/error", "/no-such-page", "/console/login", "/portal",
                "/portal/login", "/portal/apply", "/v1/branches", "/oauth2/jwks", "/.well-known/openid-configuration",
                "/connect/register", "/css/bank.css", "/js/passkey-signin.js")
                .map(path -> DynamicTest.dynamicTest(path, () -> {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(platform.uri(path))
                            .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
                    String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
                    assertThat(policy).as("%s answered %s", path, answer.statusCode())
                            .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'",
                                    "form-action 'self'", "object-src 'none'", "base-uri 'none'")
                            .doesNotContain("unsafe-inline", "unsafe-eval");
                    if (answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                        assertThat(INLINE_SCRIPT.matcher(answer.body()).find()).as("inline script in %s", path)
                                .isFalse();
                        assertThat(EVENT_HANDLER.matcher(answer.body()).find()).as("event handler in %s", path)
                                .isFalse();
                        assertThat(answer.body()).as(path).doesNotContain("style=\"", "javascript:");
                    }
                }));
    }
}

package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import jp.kakehashi.systemtests.support.RawHttps;
import jp.kakehashi.systemtests.support.RawHttps.Answer;
import jp.kakehashi.systemtests.support.RunningPlatform;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * B11, F4: what the servlet container or the firewall refuses before any controller sees it is still answered in the
 * platform's own words: the API's error JSON ({@code errorCode}, {@code errorMessage}, an {@code ErrorCode} of the
 * OpenAPI document) under {@code /v1}, an OAuth error ({@code error}: {@code invalid_request}, RFC 6749 §5.2) under
 * the authorization server's endpoints, and the bank's error page on the screens — never Tomcat's HTML report, never
 * Spring's default JSON ({@code timestamp}, {@code status}, {@code path}). Sent over raw TLS, since Java's HttpClient
 * will not send these requests.
 */
class ContainerRefusalsTest {

    private static final List<String> API_ERROR_CODES = List.of("INVALID_PARAMETER", "NOT_FOUND", "INVALID_TOKEN",
            "INTERNAL_ERROR", "SERVICE_UNAVAILABLE");
    private static final String BIG_HEADER = "X-Padding: " + "a".repeat(9 * 1024);

    private final RunningPlatform platform = RunningPlatform.get();

    private enum Area {
        API("/v1/branches"), OAUTH("/oauth2/jwks"), SCREEN("/login");

        final String path;

        Area(String path) {
            this.path = path;
        }
    }

    private record Probe(String name, Area area, String target, String... headers) {
    }

    @TestFactory
    Stream<DynamicTest> refusalsAreInThePlatformsOwnWords() {
        List<Probe> probes = new java.util.ArrayList<>();
        for (Area area : Area.values()) {
            probes.add(new Probe("headers over 8 KB", area, area.path, BIG_HEADER));
            probes.add(new Probe("[] in the path", area, area.path + "/[]"));
            probes.add(new Probe("..; in the path", area, area.path.replaceFirst("/([^/]+)$", "/..;/$1")));
            probes.add(new Probe("%00 in the query", area, area.path + "?q=%00"));
            probes.add(new Probe("%ff in the query", area, area.path + "?q=%ff"));
        }
        return probes.stream().map(probe -> DynamicTest.dynamicTest(probe.area() + " " + probe.target().substring(0,
                Math.min(60, probe.target().length())) + ": " + probe.name(), () -> {
                    Answer answer = RawHttps.send(platform, "GET", probe.target(), probe.headers());
                    assertThat(answer.status()).as(describe(answer)).isBetween(400, 499);
                    assertNotTheContainersOwn(answer);
                    switch (probe.area()) {
                        case API -> assertApiError(answer);
                        case OAUTH -> assertOAuthError(answer);
                        case SCREEN -> assertBankPage(answer);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> errorCalledDirectlyIsAMissingPage() {
        return Stream.of("text/html", "application/json", "*/*").map(accept -> DynamicTest.dynamicTest(
                "GET /error, Accept " + accept, () -> {
                    Answer answer = RawHttps.send(platform, "GET", "/error", "Accept: " + accept);
                    assertThat(answer.status()).as(describe(answer)).isEqualTo(404);
                    assertNotTheContainersOwn(answer);
                    assertBankPage(answer);
                }));
    }

    private static void assertNotTheContainersOwn(Answer answer) {
        assertThat(answer.body()).as(describe(answer)).doesNotContain("Apache Tomcat", "HTTP Status ",
                "\"timestamp\"", "Whitelabel", "Exception");
        BadInputTest.assertNoInternals(answer.body());
    }

    private static void assertApiError(Answer answer) throws Exception {
        assertThat(answer.header("Content-Type")).as(describe(answer)).startsWith("application/json");
        JSONObject json = com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(answer.body());
        assertThat(json.keySet()).as(describe(answer)).contains("errorCode", "errorMessage")
                .isSubsetOf("errorCode", "errorMessage", "errorDetails");
        assertThat(API_ERROR_CODES).as(describe(answer)).contains((String) json.get("errorCode"));
    }

    private static void assertOAuthError(Answer answer) throws Exception {
        assertThat(answer.header("Content-Type")).as(describe(answer)).startsWith("application/json");
        JSONObject json = com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(answer.body());
        assertThat(json.get("error")).as(describe(answer)).isEqualTo("invalid_request");
        assertThat(json.keySet()).as(describe(answer)).isSubsetOf("error", "error_description");
    }

    private static void assertBankPage(Answer answer) {
        assertThat(answer.header("Content-Type")).as(describe(answer)).startsWith("text/html");
        assertThat(answer.body()).as(describe(answer)).contains("class=\"bank-header\"");
        assertThat(answer.header("Content-Security-Policy")).as(describe(answer)).contains("script-src 'self'");
    }

    private static String describe(Answer answer) {
        String body = answer.body();
        return answer.status() + " " + answer.headers() + " " + (body.length() > 400 ? body.substring(0, 400) : body);
    }
}

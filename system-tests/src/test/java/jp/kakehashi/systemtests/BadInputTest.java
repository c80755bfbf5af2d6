package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Malformed input at every endpoint, as a fuzzing TPP, a broken client or an attacker would send it: garbage bodies,
 * wrong content types, huge, duplicated and non-UTF-8 parameters, invalid JSON, the wrong HTTP method. The platform
 * must answer each with a client error, never a 5xx, never a stack trace or an exception class name (that tells an
 * attacker what runs inside), and the OAuth endpoints with a JSON object naming an {@code error}.
 */
class BadInputTest {

    /** What a leaked stack trace or exception looks like. */
    private static final Pattern INTERNALS = Pattern.compile("\\bat (java|jakarta|org|com|jp)\\.[\\w.$]{1,200}\\("
            + "|\\b[A-Z][A-Za-z0-9]{0,80}(Exception|Error)\\b|\\.java:\\d{1,6}\\)|Caused by:|\"trace\"\\s{0,5}:"
            + "|PSQL|SQLState|org\\.springframework\\.|jakarta\\.servlet\\.|java\\.lang\\.");

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28, (byte) 0xa0};

    private final RunningPlatform platform = RunningPlatform.get();
    private final HttpClient http = HttpClient.newBuilder().sslContext(platform.tls())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** How an answer must look besides "no 5xx, no internals". */
    private enum Expect {
        /** an OAuth error object in JSON with a 4xx status */
        OAUTH_JSON,
        /** any 4xx, or a redirect to the bank's own sign-in page (a browser endpoint) */
        CLIENT_ERROR_OR_SIGN_IN,
        /** the request is harmless and may succeed (e.g. an ignored query on a public document) */
        NOT_SERVER_ERROR
    }

    private record Probe(String name, String method, String path, String contentType, byte[] body,
            List<String> headers, Expect expect, boolean signedIn) {
    }

    // ---- the OAuth endpoints a TPP calls ----

    @TestFactory
    Stream<DynamicTest> clientAuthenticatedEndpoints() {
        List<Probe> probes = new ArrayList<>();
        for (String path : List.of("/oauth2/par", "/oauth2/token", "/oauth2/revoke", "/oauth2/introspect")) {
            probes.add(form(path, "empty body", ""));
            probes.add(form(path, "garbage form", "%%%&&==&&%zz=%G1&=&==="));
            probes.add(form(path, "binary garbage", new String(NOT_UTF8, StandardCharsets.ISO_8859_1)));
            probes.add(post(path, "non-UTF-8 bytes in a value", FORM, concat(("client_assertion_type="
                    + JWT_BEARER + "&client_assertion=").getBytes(StandardCharsets.US_ASCII), NOT_UTF8)));
            probes.add(form(path, "percent-encoded invalid UTF-8", "client_id=%FF%FE&client_assertion_type=%C3%28"
                    + "&client_assertion=%ED%A0%80&token=%C0%AF&grant_type=%FF"));
            probes.add(form(path, "NUL in client_id", "client_id=%00&client_assertion_type=" + JWT_BEARER
                    + "&client_assertion=" + jwt("{\"alg\":\"ES256\"}", "{\"sub\":\"a\\u0000b\",\"iss\":\"x\"}")));
            probes.add(form(path, "NUL in the assertion's subject", "client_assertion_type=" + JWT_BEARER
                    + "&client_assertion=" + jwt("{\"alg\":\"ES256\"}", "{\"sub\":\"a\\u0000b\",\"iss\":\"a\\u0000b\"}")));
            probes.add(form(path, "assertion that is no JWT", "client_assertion_type=" + JWT_BEARER
                    + "&client_assertion=a.b.c"));
            probes.add(form(path, "assertion with a JSON array as payload", "client_assertion_type=" + JWT_BEARER
                    + "&client_assertion=" + jwt("{\"alg\":\"ES256\"}", "[1,2,3]")));
            probes.add(form(path, "assertion with a number as sub", "client_assertion_type=" + JWT_BEARER
                    + "&client_assertion=" + jwt("{\"alg\":\"ES256\",\"kid\":[1]}", "{\"sub\":42,\"aud\":7}")));
            probes.add(form(path, "assertion with alg none", "client_assertion_type=" + JWT_BEARER
                    + "&client_assertion=" + jwt("{\"alg\":\"none\"}", "{\"sub\":\"demo-kakeibo\"}")));
            probes.add(form(path, "unknown client in the assertion", "client_assertion_type=" + JWT_BEARER
                    + "&client_assertion=" + jwt("{\"alg\":\"ES256\"}", "{\"sub\":\"nobody\",\"iss\":\"nobody\"}")));
            probes.add(form(path, "duplicated client authentication", "client_assertion_type=" + JWT_BEARER
                    + "&client_assertion_type=" + JWT_BEARER + "&client_assertion=a.b.c&client_assertion=d.e.f"));
            probes.add(form(path, "duplicated grant_type and client_id", "grant_type=authorization_code"
                    + "&grant_type=refresh_token&client_id=a&client_id=b"));
            probes.add(form(path, "huge parameter (1 MB)", "client_assertion_type=" + JWT_BEARER
                    + "&client_assertion=" + "a".repeat(1 << 20)));
            probes.add(form(path, "huge body (3 MB)", "x=" + "b".repeat(3 << 20)));
            probes.add(form(path, "10 000 parameters", "p=1" + "&p=1".repeat(10_000)));
            probes.add(post(path, "JSON instead of a form", "application/json",
                    "{\"grant_type\":\"authorization_code\",\"client_id\":\"demo-kakeibo\"}".getBytes()));
            probes.add(post(path, "text/plain", "text/plain", "grant_type=authorization_code".getBytes()));
            probes.add(post(path, "XML", "application/xml", ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x "
                    + "SYSTEM \"file:///etc/passwd\">]><a>&x;</a>").getBytes()));
            probes.add(post(path, "multipart", "multipart/form-data; boundary=x",
                    "--x\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\nx\r\n--x--\r\n".getBytes()));
            probes.add(post(path, "form with a broken charset", FORM + "; charset=klingon", "client_id=x".getBytes()));
            probes.add(post(path, "no content type", null, "client_id=x".getBytes()));
            probes.add(withHeaders(form(path, "garbage DPoP header", "client_id=x"), "DPoP", "not.a.jwt"));
            probes.add(withHeaders(form(path, "Basic header that is not base64", "client_id=x"), "Authorization",
                    "Basic %%%"));
            probes.add(withHeaders(form(path, "Basic header without colon", "client_id=x"), "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString("justaname".getBytes())));
        }
        return tests(probes);
    }

    @TestFactory
    Stream<DynamicTest> clientAuthenticatedEndpointsWithTheWrongMethod() {
        List<Probe> probes = new ArrayList<>();
        for (String path : List.of("/oauth2/par", "/oauth2/token", "/oauth2/revoke", "/oauth2/introspect")) {
            for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
                probes.add(new Probe(method, method, path + "?client_id=x&grant_type=authorization_code",
                        method.equals("GET") || method.equals("DELETE") ? null : FORM,
                        method.equals("GET") || method.equals("DELETE") ? null : "client_id=x".getBytes(),
                        List.of("Accept", "application/json"), Expect.CLIENT_ERROR_OR_SIGN_IN, false));
            }
        }
        return tests(probes);
    }

    @TestFactory
    Stream<DynamicTest> userInfo() {
        String path = "/userinfo";
        List<Probe> probes = new ArrayList<>();
        probes.add(api("GET", path, "no token"));
        probes.add(withHeaders(api("GET", path, "empty DPoP"), "Authorization", "DPoP"));
        probes.add(withHeaders(api("GET", path, "DPoP garbage"), "Authorization", "DPoP %%%", "DPoP", "x.y.z"));
        probes.add(withHeaders(api("GET", path, "DPoP token with a proof that is no JSON"), "Authorization",
                "DPoP abc", "DPoP", jwt("{\"alg\":\"ES256\",\"typ\":\"dpop+jwt\",\"jwk\":7}", "nope")));
        probes.add(withHeaders(api("GET", path, "two DPoP headers"), "Authorization", "DPoP abc", "DPoP", "a.b.c",
                "DPoP", "d.e.f"));
        probes.add(withHeaders(api("GET", path, "Bearer with a 7 kB token"), "Authorization",
                "Bearer " + "t".repeat(7_000)));
        probes.add(withHeaders(api("GET", path, "Bearer with non-ASCII"), "Authorization", "Bearer t\u00e9st"));
        probes.add(withHeaders(api("GET", path, "Basic"), "Authorization", "Basic Zm9vOmJhcg=="));
        probes.add(withHeaders(api("GET", path, "unknown scheme"), "Authorization", "Negotiate abc"));
        probes.add(api("GET", path + "?access_token=abc", "token in the query"));
        probes.add(new Probe("token in a form body", "POST", path, FORM, "access_token=abc".getBytes(),
                List.of("Accept", "application/json"), Expect.CLIENT_ERROR_OR_SIGN_IN, false));
        probes.add(new Probe("non-UTF-8 body", "POST", path, FORM, NOT_UTF8, List.of("Accept", "application/json"),
                Expect.CLIENT_ERROR_OR_SIGN_IN, false));
        probes.add(api("PUT", path, "PUT"));
        probes.add(api("DELETE", path, "DELETE"));
        return tests(probes);
    }

    @TestFactory
    Stream<DynamicTest> dynamicClientRegistration() {
        String path = "/connect/register";
        List<Probe> probes = new ArrayList<>();
        for (String bearer : List.of("", "Bearer not-a-real-initial-access-token")) {
            String label = bearer.isEmpty() ? " without a token" : " with an unknown token";
            for (String json : List.of("{", "[]", "null", "\"text\"", "42", "{\"redirect_uris\":5}",
                    "{\"redirect_uris\":[\"https://x.example/cb\"],\"jwks\":\"not an object\"}",
                    "{\"redirect_uris\":[\"https://x.example/cb\"],\"jwks\":{\"keys\":[{\"kty\":\"EC\"}]}}",
                    "{\"redirect_uris\":[null],\"scope\":7,\"token_endpoint_auth_method\":{}}",
                    "{\"client_name\":\"\\u0000\",\"redirect_uris\":[\"https://x.example/\\u0000\"]}",
                    "[".repeat(5_000), "{\"a\":" + "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_001),
                    "{\"redirect_uris\":[\"" + "u".repeat(3 << 20) + "\"]}")) {
                Probe probe = post(path, "JSON " + abbreviate(json) + label, "application/json",
                        json.getBytes(StandardCharsets.UTF_8));
                probes.add(bearer.isEmpty() ? probe : withHeaders(probe, "Authorization", bearer));
            }
            probes.add(maybe(post(path, "non-UTF-8 JSON" + label, "application/json", concat(
                    "{\"client_name\":\"".getBytes(), NOT_UTF8, "\"}".getBytes())), bearer));
            probes.add(maybe(post(path, "form instead of JSON" + label, FORM, "redirect_uris=x".getBytes()), bearer));
            probes.add(maybe(post(path, "text/plain" + label, "text/plain", "{}".getBytes()), bearer));
            probes.add(maybe(post(path, "no content type" + label, null, "{}".getBytes()), bearer));
        }
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            probes.add(new Probe(method, method, path, method.equals("GET") || method.equals("DELETE") ? null
                    : "application/json", method.equals("GET") || method.equals("DELETE") ? null : "{}".getBytes(),
                    List.of("Accept", "application/json"), Expect.CLIENT_ERROR_OR_SIGN_IN, false));
        }
        return tests(probes);
    }

    // ---- public documents ----

    @TestFactory
    Stream<DynamicTest> publicDocuments() {
        List<Probe> probes = new ArrayList<>();
        for (String path : List.of("/oauth2/jwks", "/.well-known/openid-configuration",
                "/.well-known/oauth-authorization-server")) {
            probes.add(new Probe("garbage query", "GET", path + "?%FF%00=%C3%28&a=" + "q".repeat(4_000), null, null,
                    List.of(), Expect.NOT_SERVER_ERROR, false));
            probes.add(new Probe("Accept XML", "GET", path, null, null, List.of("Accept", "application/xml"),
                    Expect.NOT_SERVER_ERROR, false));
            for (String method : List.of("POST", "PUT", "DELETE")) {
                probes.add(new Probe(method, method, path, method.equals("DELETE") ? null : FORM,
                        method.equals("DELETE") ? null : "a=b".getBytes(), List.of("Accept", "application/json"),
                        Expect.CLIENT_ERROR_OR_SIGN_IN, false));
            }
        }
        return tests(probes);
    }

    // ---- the customer's browser pages ----

    @TestFactory
    Stream<DynamicTest> authorizationEndpoint() {
        String path = "/oauth2/authorize";
        List<Probe> probes = new ArrayList<>();
        for (boolean signedIn : List.of(false, true)) {
            String who = signedIn ? " (signed in)" : "";
            probes.add(page("GET", path, "no parameters" + who, signedIn));
            probes.add(page("GET", path + "?client_id=demo-kakeibo", "client_id only" + who, signedIn));
            probes.add(page("GET", path + "?client_id=demo-kakeibo&request_uri=garbage", "garbage request_uri" + who,
                    signedIn));
            probes.add(page("GET", path + "?client_id=%00&request_uri=urn:ietf:params:oauth:request_uri:%00",
                    "NUL in client_id and request_uri" + who, signedIn));
            probes.add(page("GET", path + "?client_id=%FF%FE&request_uri=urn:ietf:params:oauth:request_uri:%C3%28",
                    "invalid UTF-8" + who, signedIn));
            probes.add(page("GET", path + "?client_id=demo-kakeibo&request_uri=urn:ietf:params:oauth:request_uri:a"
                    + "&request_uri=urn:ietf:params:oauth:request_uri:b", "duplicated request_uri" + who, signedIn));
            probes.add(page("GET", path + "?client_id=demo-kakeibo&client_id=other&request_uri=x",
                    "duplicated client_id" + who, signedIn));
            probes.add(page("GET", path + "?client_id=demo-kakeibo&request_uri=" + "r".repeat(6_000),
                    "6 kB request_uri" + who, signedIn));
            probes.add(page("GET", path + "?response_type=code&client_id=demo-kakeibo&scope=openid&redirect_uri="
                    + "https%3A%2F%2Flocalhost%3A8444%2Fcallback&code_challenge=x&code_challenge_method=plain",
                    "parameters without PAR" + who, signedIn));
            probes.add(new Probe("POST garbage" + who, "POST", path, FORM, "%%%&&==".getBytes(),
                    List.of("Accept", "text/html"), Expect.CLIENT_ERROR_OR_SIGN_IN, signedIn));
            probes.add(new Probe("POST consent without state" + who, "POST", path, FORM,
                    "client_id=demo-kakeibo&scope=accounts".getBytes(), List.of("Accept", "text/html"),
                    Expect.CLIENT_ERROR_OR_SIGN_IN, signedIn));
            probes.add(new Probe("POST consent with unknown state" + who, "POST", path, FORM,
                    "client_id=demo-kakeibo&scope=accounts&state=nope&account=x".getBytes(),
                    List.of("Accept", "text/html"), Expect.CLIENT_ERROR_OR_SIGN_IN, signedIn));
            probes.add(new Probe("POST non-UTF-8" + who, "POST", path, FORM, concat("client_id=".getBytes(),
                    NOT_UTF8), List.of("Accept", "text/html"), Expect.CLIENT_ERROR_OR_SIGN_IN, signedIn));
            probes.add(page("PUT", path, "PUT" + who, signedIn));
            probes.add(page("DELETE", path, "DELETE" + who, signedIn));
        }
        return tests(probes);
    }

    @TestFactory
    Stream<DynamicTest> signIn() {
        String path = "/login";
        List<Probe> probes = new ArrayList<>();
        probes.add(page("GET", path + "?error=%FF%00&lang=%C3%28", "garbage query", false));
        probes.add(new Probe("POST without CSRF", "POST", path, FORM, "username=x&password=y".getBytes(),
                List.of("Accept", "text/html"), Expect.CLIENT_ERROR_OR_SIGN_IN, false));
        probes.add(new Probe("POST JSON", "POST", path, "application/json", "{\"username\":1}".getBytes(),
                List.of("Accept", "text/html"), Expect.CLIENT_ERROR_OR_SIGN_IN, false));
        probes.add(page("PUT", path, "PUT", false));
        probes.add(page("DELETE", path, "DELETE", false));
        probes.add(page("GET", "/login/otp?code=%00", "second factor page, not signed in", false));
        return tests(probes);
    }

    /** Sign-in attempts with a valid CSRF token, so the input reaches the password check. */
    @TestFactory
    Stream<DynamicTest> signInWithCsrf() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        List<String[]> forms = List.of(new String[] {"NUL in the login id", "username=%00&password=x"},
                new String[] {"NUL in the password", "username=nobody&password=%00"},
                new String[] {"invalid UTF-8", "username=%FF%FE&password=%C3%28"},
                new String[] {"1 MB login id", "username=" + "u".repeat(1 << 20) + "&password=x"},
                new String[] {"duplicated fields", "username=a&username=b&password=x&password=y"},
                new String[] {"no fields", ""});
        for (String[] form : forms) {
            tests.add(DynamicTest.dynamicTest(form[0], () -> {
                CustomerAgent browser = new CustomerAgent(platform);
                String csrf = CustomerAgent.csrf(browser.get(platform.uri("/login")).body());
                String body = form[1] + (form[1].isEmpty() ? "" : "&") + "_csrf=" + csrf;
                HttpResponse<String> response = browser.send(HttpRequest.newBuilder(platform.uri("/login"))
                        .header("Content-Type", FORM).header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                check(new Probe(form[0], "POST", "/login", FORM, body.getBytes(), List.of(),
                        Expect.CLIENT_ERROR_OR_SIGN_IN, false), response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Location").orElse(null), response.body());
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> consentAndConnectedServices() {
        List<Probe> probes = new ArrayList<>();
        for (boolean signedIn : List.of(false, true)) {
            String who = signedIn ? " (signed in)" : "";
            probes.add(page("GET", "/consent", "consent without parameters" + who, signedIn));
            probes.add(page("GET", "/consent?client_id=nobody&scope=accounts&state=x", "consent for an unknown client"
                    + who, signedIn));
            probes.add(page("GET", "/consent?client_id=%00&scope=%00&state=%00", "consent with NUL" + who, signedIn));
            probes.add(page("GET", "/consent?client_id=%FF&scope=%C3%28&state=%ED%A0%80", "consent with invalid UTF-8"
                    + who, signedIn));
            probes.add(page("GET", "/consent?client_id=demo-kakeibo&scope=" + "loans+".repeat(1_000) + "&state=x",
                    "consent with 1000 unknown scopes" + who, signedIn));
            probes.add(page("GET", "/consent?client_id=demo-kakeibo&client_id=x&scope=accounts&scope=x&state=x&state=y",
                    "consent with duplicated parameters" + who, signedIn));
            probes.add(page("GET", "/consent?client_id=demo-kakeibo&scope=+++&state=x", "consent with blank scope"
                    + who, signedIn));
            probes.add(page("POST", "/consent", "POST consent" + who, signedIn));
            probes.add(page("GET", "/connected-services?x=%FF%00", "connected services with a garbage query" + who,
                    signedIn));
            probes.add(page("GET", "/connected-services/%FF%FE/revoke", "revoke with invalid UTF-8 id" + who,
                    signedIn));
            probes.add(page("GET", "/connected-services/%00/revoke", "revoke with NUL id" + who, signedIn));
            probes.add(page("GET", "/connected-services/..%2F..%2Fadmin/revoke", "revoke with a traversal" + who,
                    signedIn));
            probes.add(page("GET", "/connected-services/" + "g".repeat(4_000) + "/revoke", "revoke with a 4 kB id"
                    + who, signedIn));
            probes.add(page("GET", "/connected-services/no-such-grant/revoke", "revoke an unknown grant" + who,
                    signedIn));
            probes.add(page("POST", "/connected-services/no-such-grant/revoke", "POST revoke without CSRF" + who,
                    signedIn));
            probes.add(page("PUT", "/connected-services", "PUT connected services" + who, signedIn));
        }
        return tests(probes);
    }

    // ---- the checks ----

    /** Fails if {@code body} shows a stack trace, an exception class or database internals. */
    static void assertNoInternals(String body) {
        if (body != null) {
            assertThat(INTERNALS.matcher(body).find()).as("internals in %s", abbreviate(body)).isFalse();
        }
    }

    private Stream<DynamicTest> tests(List<Probe> probes) {
        CustomerAgent[] browser = new CustomerAgent[1];
        return probes.stream().map(probe -> DynamicTest.dynamicTest(probe.method() + " " + abbreviate(probe.path())
                + ": " + probe.name(), () -> {
                    HttpRequest request = request(probe);
                    HttpResponse<String> response;
                    if (probe.signedIn()) {
                        if (browser[0] == null) {
                            String loginId = CustomerAgent.registerCustomer(platform, "INDIVIDUAL", "Kakehashi#2026",
                                    CustomerAgent.DEMO_TOTP_SECRET);
                            browser[0] = new CustomerAgent(platform);
                            browser[0].signIn(loginId, "Kakehashi#2026");
                        }
                        response = browser[0].send(request);
                    }
                    else {
                        response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    }
                    check(probe, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                            response.headers().firstValue("Location").orElse(null), response.body());
                }));
    }

    private void check(Probe probe, int status, String contentType, String location, String body) {
        assertThat(status).as("status of %s %s, body %s", probe.method(), probe.name(), abbreviate(body))
                .isLessThan(500);
        assertNoInternals(body);
        switch (probe.expect()) {
            case OAUTH_JSON -> {
                assertThat(status).as("status, body %s", abbreviate(body)).isBetween(400, 499);
                assertThat(contentType).as("content type").startsWith("application/json");
                JSONObject json = parse(body);
                assertThat(json.get("error")).as("error in %s", abbreviate(body)).isInstanceOf(String.class);
            }
            case CLIENT_ERROR_OR_SIGN_IN -> {
                if (status >= 300 && status < 400) {
                    URI target = platform.issuer().resolve(location);
                    assertThat(target.getAuthority()).as("a redirect stays on the bank's site: %s", target)
                            .isEqualTo(platform.issuer().getAuthority());
                    assertThat(target.getPath()).as("a redirect goes to the sign-in page only").isEqualTo("/login");
                }
                else {
                    assertThat(status).as("status, body %s", abbreviate(body)).isBetween(400, 499);
                }
                if (contentType.startsWith("application/json")) {
                    assertThat(parse(body).get("error")).as("error in %s", abbreviate(body)).isNotNull();
                }
            }
            case NOT_SERVER_ERROR -> {
            }
        }
    }

    private HttpRequest request(Probe probe) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(platform.uri(probe.path()));
        if (probe.contentType() != null) {
            builder.header("Content-Type", probe.contentType());
        }
        for (int i = 0; i < probe.headers().size(); i += 2) {
            builder.header(probe.headers().get(i), probe.headers().get(i + 1));
        }
        builder.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        return builder.build();
    }

    private static Probe form(String path, String name, String body) {
        return post(path, name, FORM, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Probe post(String path, String name, String contentType, byte[] body) {
        return new Probe(name, "POST", path, contentType, body, List.of("Accept", "application/json"),
                Expect.OAUTH_JSON, false);
    }

    private static Probe api(String method, String path, String name) {
        return new Probe(name, method, path, null, null, List.of("Accept", "application/json"),
                Expect.CLIENT_ERROR_OR_SIGN_IN, false);
    }

    private static Probe page(String method, String path, String name, boolean signedIn) {
        return new Probe(name, method, path, null, null, List.of("Accept", "text/html"),
                Expect.CLIENT_ERROR_OR_SIGN_IN, signedIn);
    }

    private static Probe withHeaders(Probe probe, String... headers) {
        List<String> all = new ArrayList<>(probe.headers());
        all.addAll(List.of(headers));
        return new Probe(probe.name(), probe.method(), probe.path(), probe.contentType(), probe.body(), all,
                probe.expect(), probe.signedIn());
    }

    private static Probe maybe(Probe probe, String bearer) {
        return bearer.isEmpty() ? probe : withHeaders(probe, "Authorization", bearer);
    }

    private static String jwt(String header, String payload) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static JSONObject parse(String body) {
        try {
            return com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(body);
        }
        catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError("not a JSON object: " + abbreviate(body), e);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }
}

package jp.kakehashi.systemtests.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kakehashi.shared.Totp;

/**
 * A customer's browser without the rendering: follows the bank's redirects, signs in, passes the second factor and
 * submits the consent form, reading only what the HTML pages hand it (CSRF tokens, hidden fields). Browser tests
 * with Chromium do the same through the real screens.
 */
public final class CustomerAgent {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");
    private static final Pattern ACCOUNT = Pattern.compile("name=\"account\" value=\"([^\"]+)\"");

    private final RunningPlatform platform;
    private final HttpClient http;
    private final String totpSecret;
    private final List<String> visited = new ArrayList<>();
    private final List<String> consentPages = new ArrayList<>();
    private boolean secondFactor = true;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private java.util.function.Consumer<Map<String, List<String>>> consentFormEditor = form -> {
    };

    public CustomerAgent(RunningPlatform platform) {
        this(platform, DEMO_TOTP_SECRET);
    }

    /** An agent for a customer whose authenticator app holds {@code totpSecret} (base32). */
    public CustomerAgent(RunningPlatform platform, String totpSecret) {
        this.platform = platform;
        this.totpSecret = totpSecret;
        this.http = HttpClient.newBuilder().sslContext(platform.tls()).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The TOTP secret of the demo customers. */
    public static final String DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    /**
     * Registers a customer of its own for one test (as the bank's customer feed would), so second-factor codes and
     * lockout counters are not shared with other tests. The core banking system knows no accounts of such a
     * customer, so it suits tests of the sign-in and the customer pages, not consents that need accounts.
     * Returns the login id; the password is {@code password}.
     */
    public static String registerCustomer(RunningPlatform platform, String segment, String password,
            String totpSecret) {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String loginId = "test-" + suffix;
        platform.bean(jp.kakehashi.authorization.customer.CustomerCredentials.class).upsert("T" + suffix, loginId,
                "試験 " + suffix, segment,
                platform.bean(org.springframework.security.crypto.password.PasswordEncoder.class).encode(password),
                totpSecret);
        return loginId;
    }

    /** The agent stops where the bank asks for the second factor, as a customer without the device would. */
    public CustomerAgent withoutSecondFactor() {
        this.secondFactor = false;
        return this;
    }

    /**
     * Sends {@code name: value} with every later request of this browser, e.g. {@link LoadBalancer#NODE_HEADER} to
     * reach one node behind the load balancer; {@code null} stops sending it.
     */
    public CustomerAgent withHeader(String name, String value) {
        if (value == null) {
            headers.remove(name);
        }
        else {
            headers.put(name, value);
        }
        return this;
    }

    /** Lets a test change the consent form before it is posted, as a tampering customer (or malware) could. */
    public CustomerAgent editingConsentForm(java.util.function.Consumer<Map<String, List<String>>> editor) {
        this.consentFormEditor = editor;
        return this;
    }

    /**
     * Posts a TOTP code. A customer's code is accepted once per time step and never for a step before one already
     * used; the demo customers are shared by the tests of this JVM, which may have used this step and even the next
     * (the bank accepts one step ahead, as an authenticator app a little ahead would show it). So this step's code is
     * tried, then the next step's, and when both are used up the agent waits for the step to turn. A used code does
     * not count towards the lockout.
     */
    private HttpResponse<String> passSecondFactor(URI location) throws Exception {
        HttpResponse<String> response = null;
        for (int round = 0; round < 3; round++) {
            long step = java.time.Instant.now().getEpochSecond() / 30;
            for (int ahead = 0; ahead <= 1; ahead++) {
                String page = response == null ? get(location).body() : response.body();
                response = post(location, Map.of("code",
                        List.of(Totp.codeAt(totpSecret, java.time.Instant.ofEpochSecond((step + ahead) * 30))),
                        "_csrf", List.of(csrf(page))));
                if (location(response) != null) {
                    return response;
                }
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(35))
                    .pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> java.time.Instant.now().getEpochSecond() / 30 > step);
        }
        return response;
    }

    /** The consent pages the bank sent, as received (D5: the record keeps the hash of exactly this document). */
    public List<String> consentPages() {
        return List.copyOf(consentPages);
    }

    /** The paths on the bank's site the agent was sent to, in order. */
    public List<String> visited() {
        return List.copyOf(visited);
    }

    /** Result of driving the flow: where the bank finally sent the browser, and the last page seen. */
    public record Outcome(URI redirect, int status, String lastPage) {
    }

    /** Opens the authorization URL, signs in (with TOTP when asked), and agrees on the consent screen. */
    public Outcome authorize(URI authorizationUrl, String loginId, String password, boolean agree) throws Exception {
        return authorize(authorizationUrl, loginId, password, agree, null);
    }

    public Outcome authorize(URI authorizationUrl, String loginId, String password, boolean agree,
            List<String> accountsToChoose) throws Exception {
        return follow(get(authorizationUrl), loginId, password, agree, accountsToChoose);
    }

    /** Continues from a response of the bank the way {@link #authorize} does (e.g. after a hand-made request). */
    public Outcome follow(HttpResponse<String> first, String loginId, String password, boolean agree,
            List<String> accountsToChoose) throws Exception {
        HttpResponse<String> response = first;
        while (true) {
            URI location = location(response);
            if (location == null) {
                return new Outcome(null, response.statusCode(), response.body());
            }
            if (!location.getAuthority().equals(platform.issuer().getAuthority())) {
                return new Outcome(location, response.statusCode(), response.body());
            }
            String path = location.getPath();
            visited.add(path);
            if (path.equals("/login/otp") && !secondFactor) {
                return new Outcome(location, response.statusCode(), response.body());
            }
            if (path.equals("/login")) {
                String page = get(location).body();
                response = post(location, Map.of("username", List.of(loginId), "password", List.of(password),
                        "_csrf", List.of(csrf(page))));
                if (location(response) != null && location(response).getQuery() != null
                        && location(response).getQuery().contains("error")) {
                    return new Outcome(location(response), response.statusCode(), page);
                }
            }
            else if (path.equals("/login/otp")) {
                response = passSecondFactor(location);
            }
            else if (path.equals("/consent")) {
                HttpResponse<String> page = get(location);
                consentPages.add(page.body());
                if (page.statusCode() != 200) {
                    return new Outcome(null, page.statusCode(), page.body());
                }
                response = consent(page.body(), agree, accountsToChoose);
            }
            else {
                response = get(location);
            }
        }
    }

    private HttpResponse<String> consent(String page, boolean agree, List<String> accountsToChoose) throws Exception {
        Map<String, List<String>> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.substring(0, page.indexOf("class=\"deny\"")));
        while (hidden.find()) {
            form.computeIfAbsent(hidden.group(1), k -> new ArrayList<>()).add(unescape(hidden.group(2)));
        }
        if (!agree) {
            form.remove("scope");
        }
        else {
            List<String> accounts = new ArrayList<>();
            Matcher account = ACCOUNT.matcher(page);
            while (account.find()) {
                accounts.add(account.group(1));
            }
            form.put("account", accountsToChoose != null ? accountsToChoose : accounts.isEmpty() ? List.of()
                    : List.of(accounts.get(0)));
        }
        form.put("_csrf", List.of(csrf(page)));
        consentFormEditor.accept(form);
        return post(platform.uri("/oauth2/authorize"), form);
    }

    /** Sends any request with this browser's cookies (e.g. a malformed one), without following redirects. */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(withHeaders(HttpRequest.newBuilder(uri)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder withHeaders(HttpRequest.Builder request) {
        headers.forEach(request::header);
        return request;
    }

    public HttpResponse<String> post(URI uri, Map<String, List<String>> form) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((name, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return http.send(withHeaders(HttpRequest.newBuilder(uri))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in on the bank's pages directly (for the connected services page). */
    public void signIn(String loginId, String password) throws Exception {
        URI login = platform.uri("/login");
        String page = get(login).body();
        post(login, Map.of("username", List.of(loginId), "password", List.of(password), "_csrf", List.of(csrf(page))));
    }

    /**
     * The grants the customer's connected-services page lists (D2), by the id each entry carries: what the signed-in
     * customer sees of the TPPs that can still reach the accounts.
     */
    public List<String> connectedGrants() throws Exception {
        HttpResponse<String> page = get(platform.uri("/connected-services"));
        if (page.statusCode() != 200) {
            throw new AssertionError("the connected-services page answered " + page.statusCode() + ": " + page.body());
        }
        return java.util.regex.Pattern.compile("data-grant=\"([^\"]+)\"").matcher(page.body()).results()
                .map(match -> match.group(1)).toList();
    }

    /** The grants the connected-services page lists for the TPP whose company is {@code companyName}, by id. */
    public List<String> connectedGrants(String companyName) throws Exception {
        HttpResponse<String> page = get(platform.uri("/connected-services"));
        if (page.statusCode() != 200) {
            throw new AssertionError("the connected-services page answered " + page.statusCode() + ": " + page.body());
        }
        Matcher article = java.util.regex.Pattern.compile(
                "<article class=\"service\" data-grant=\"([^\"]+)\">(.*?)</article>", java.util.regex.Pattern.DOTALL)
                .matcher(page.body());
        List<String> grants = new java.util.ArrayList<>();
        while (article.find()) {
            if (article.group(2).contains("<p class=\"company\">" + companyName + "</p>")) {
                grants.add(article.group(1));
            }
        }
        return grants;
    }

    /**
     * Ends a connection as the signed-in customer does on the connected-services page (D2): opens the warning, then
     * confirms it. Returns the status of the confirmation, 302 back to the list when the connection ended.
     */
    public int revokeConnection(String grantId) throws Exception {
        URI revoke = platform.uri("/connected-services/" + grantId + "/revoke");
        HttpResponse<String> warning = get(revoke);
        if (warning.statusCode() != 200) {
            return warning.statusCode();
        }
        return post(revoke, Map.of("_csrf", List.of(csrf(warning.body())))).statusCode();
    }

    public static String csrf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return matcher.group(1);
    }

    private URI location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(l -> response.uri().resolve(l)).orElse(null);
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">");
    }
}

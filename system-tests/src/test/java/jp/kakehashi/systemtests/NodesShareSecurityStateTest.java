package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.EnumSet;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.authorization.customer.CustomerCredentials;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.CustomerScreens;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.SecondNodeExtension;
import jp.kakehashi.systemtests.support.TcpBalancer;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.ratelimit.RateLimit;
import jp.kakehashi.tpp.ratelimit.TppRateLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * B7, F4, C1 with two nodes on one database, as a bank runs them behind a load balancer: no security decision rests
 * on one node's memory. A DPoP proof or a client assertion used on one node is refused on the other; a DPoP nonce of
 * one node is taken by the other; a TPP's rate limit and the lockouts of customers, staff and TPP developers are
 * counted for both; and the client's address comes from the forwarded header only where the peer is a trusted proxy.
 * <p>
 * Calls that must carry the same DPoP proof to both nodes go through {@link TcpBalancer}, so both see the URL the
 * proof names, as behind the bank's balancer. The second node trusts 127.0.0.2 as a proxy; the tests' own calls come
 * from 127.0.0.1 and are not affected.
 */
class NodesShareSecurityStateTest {

    private static final String PROXY = "127.0.0.2";
    private static final String STAFF_PASSWORD = "Kakehashi#Staff2026";
    private static final String PORTAL_PASSWORD = "Kakehashi#Portal2026";
    @RegisterExtension
    static final SecondNodeExtension secondNode = new SecondNodeExtension(
            first -> Map.of("kakehashi.network.trusted-proxies", PROXY + "/32"));
    private static TcpBalancer balancer;

    private final RunningPlatform platform = RunningPlatform.get();

    @BeforeAll
    static void startBalancer() throws Exception {
        balancer = TcpBalancer.start(RunningPlatform.get().issuer().getPort());
    }

    @AfterAll
    static void stopBalancer() throws Exception {
        balancer.close();
    }

    // ---- DPoP proofs (RFC 9449 §11.1) ----

    @Test
    void getWhenADpopProofUsedOnOneNodeIsReplayedToTheOtherThenRefused() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "sato", "openid", "accounts");
        URI accounts = viaBalancer("/v1/accounts");
        SignedJWT proof = connection.tpp().dpop().createDPoPJWT("GET", accounts, connection.accessToken());

        HTTPResponse first = sendTo(firstNode(), connection, withProof(new HTTPRequest(HTTPRequest.Method.GET, accounts),
                connection, proof));
        HTTPResponse replay = sendTo(secondNode.port(), connection,
                withProof(new HTTPRequest(HTTPRequest.Method.GET, accounts), connection, proof));

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(replay.getStatusCode()).isEqualTo(401);
        assertThat(replay.getHeaderValue("WWW-Authenticate")).startsWith("DPoP ")
                .contains("error=\"invalid_dpop_proof\"").contains("algs=\"ES256 PS256\"");
        assertThat(balancer.connectionsTo(firstNode())).as("one call per node").isEqualTo(1);
        assertThat(balancer.connectionsTo(secondNode.port())).isEqualTo(1);
    }

    @Test
    void transferWhenItsDpopProofIsReplayedToTheOtherNodeWithAnotherBodyThenRefusedAndNoSecondTransfer()
            throws Exception {
        Connection connection = TransferApiTest.withFreshCode(() -> Connection.establish(platform,
                TestTpp.register(platform, Set.of("accounts", "transfers")), "yamada", "openid", "accounts",
                "transfers"));
        URI transfers = viaBalancer("/v1/transfers");
        SignedJWT proof = connection.tpp().dpop().createDPoPJWT("POST", transfers, connection.accessToken());

        HTTPResponse first = sendTo(firstNode(), connection, transfer(transfers, connection, proof, "1111"));
        HTTPResponse replay = sendTo(secondNode.port(), connection, transfer(transfers, connection, proof, "2222"));

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(201);
        assertThat(replay.getStatusCode()).isEqualTo(401);
        // the TPP's own list of its transfers for the customer holds the first one only
        @SuppressWarnings("unchecked")
        var listed = (List<Map<String, Object>>) new ApiClient(platform, connection).get("/v1/transfers").json()
                .get("transfers");
        assertThat(listed).extracting(t -> t.get("transferAmount")).containsExactly("1111");
    }

    @Test
    void challengeWhenAProofIsRefusedThenItNamesExactlyTheAlgorithmsAccepted() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "sato", "openid", "accounts");
        URI userInfo = connection.tpp().metadata().getUserInfoEndpointURI();
        URI accounts = platform.uri("/v1/accounts");
        // a proof for another URL: refused at both resources with the DPoP challenge (RFC 9449 §7.1)
        SignedJWT wrongUrl = connection.tpp().dpop().createDPoPJWT("GET", platform.uri("/elsewhere"),
                connection.accessToken());

        for (URI resource : List.of(userInfo, accounts)) {
            HTTPResponse refused = connection.tpp().send(withProof(new HTTPRequest(HTTPRequest.Method.GET, resource),
                    connection, wrongUrl));
            assertThat(refused.getStatusCode()).as(resource.toString()).isEqualTo(401);
            // the /v1 challenge names its protected resource metadata after algs (RFC 9728 §5.1)
            assertThat(refused.getHeaderValue("WWW-Authenticate")).as(resource.toString()).startsWith("DPoP ")
                    .contains("algs=\"ES256 PS256\"").doesNotContain("RS256", "EdDSA");
        }
    }

    // ---- client assertions (FAPI 2.0 §5.3.2.1) and DPoP nonces (RFC 9449 §8) ----

    @Test
    void clientAssertionWhenReplayedToTheOtherNodeThenRefusedAtEveryEndpoint() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        ClientAuthentication pushAssertion = tpp.clientAuthentication();
        var request = tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier()).build();
        ClientAuthentication revokeAssertion = tpp.clientAuthentication();
        RefreshToken someToken = new RefreshToken();

        HTTPResponse pushed = tpp.send(new PushedAuthorizationRequest(onNode(firstNode(), "/oauth2/par"),
                pushAssertion, request).toHTTPRequest());
        HTTPResponse pushedAgain = tpp.send(new PushedAuthorizationRequest(onNode(secondNode.port(), "/oauth2/par"),
                pushAssertion, request).toHTTPRequest());
        HTTPResponse revoked = tpp.send(new TokenRevocationRequest(onNode(secondNode.port(), "/oauth2/revoke"),
                revokeAssertion, someToken).toHTTPRequest());
        HTTPResponse introspected = tpp.send(new TokenIntrospectionRequest(onNode(firstNode(), "/oauth2/introspect"),
                revokeAssertion, someToken).toHTTPRequest());

        assertThat(pushed.getStatusCode()).isEqualTo(201);
        assertThat(pushedAgain.getStatusCode()).isEqualTo(401);
        assertThat(pushedAgain.getBody()).contains("invalid_client");
        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(introspected.getStatusCode()).as("the revocation's assertion at another endpoint and node")
                .isEqualTo(401);
    }

    @Test
    void tokenRequestWhenTheNonceOfOneNodeIsSentToTheOtherThenAccepted() throws Exception {
        TestTpp tpp = nonceRequiringTpp();
        CodeVerifier verifier = new CodeVerifier();
        var request = tpp.authorizationRequest(new Scope("openid", "accounts"), verifier).build();
        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), "sato", "Kakehashi#2026", true);
        var grant = new AuthorizationCodeGrant(
                AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode(),
                TestTpp.REDIRECT_URI, verifier);

        HTTPResponse askedForNonce = tpp.sendWithDpop(new TokenRequest(onNode(firstNode(), "/oauth2/token"),
                tpp.clientAuthentication(), grant).toHTTPRequest(), null);
        String nonce = askedForNonce.getHeaderValue("DPoP-Nonce");
        HTTPRequest onSecond = new TokenRequest(onNode(secondNode.port(), "/oauth2/token"), tpp.clientAuthentication(),
                grant).toHTTPRequest();
        onSecond.setDPoP(tpp.dpop().createDPoPJWT("POST", onSecond.getURI(), new Nonce(nonce)));
        var tokens = OIDCTokenResponseParser.parse(tpp.send(onSecond));

        assertThat(askedForNonce.getStatusCode()).isEqualTo(400);
        assertThat(askedForNonce.getContentAsJSONObject().get("error")).isEqualTo("use_dpop_nonce");
        assertThat(tokens.indicatesSuccess()).as("node 2 takes node 1's nonce").isTrue();
    }

    // ---- refreshes (B7, B8): the guard of a grant's refreshes is a row lock in PostgreSQL, not one node's ----

    @Test
    void refreshWhenOneGrantIsRefreshedOnBothNodesAtOnceThenAllSucceedAndEveryAccessTokenWorksOnBoth()
            throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "yamada", "openid", "accounts");

        List<Connection> issued = ConcurrentRefreshTest.refreshAtOnce(connection,
                i -> onNode(i % 2 == 0 ? firstNode() : secondNode.port(), "/oauth2/token"));

        for (Connection each : issued) {
            assertThat(new ApiClient(platform, each).get("/v1/accounts").status()).isEqualTo(200);
            assertThat(new ApiClient(platform, each, secondNode.port()).get("/v1/accounts").status())
                    .isEqualTo(200);
        }
    }

    /** RFC 9449 §9: a nonce one node's resource issued is taken by every other node's (B7). */
    @Test
    void apiCallWhenTheNonceOfOneNodeIsSentToTheOtherThenAccepted() throws Exception {
        TestTpp tpp = nonceRequiringTpp();
        CodeVerifier verifier = new CodeVerifier();
        var grant = new AuthorizationCodeGrant(
                Connection.authorizationCode(platform, tpp, "sato", verifier, "openid", "accounts"),
                TestTpp.REDIRECT_URI, verifier);
        String tokenNonce = tpp.sendWithDpop(new TokenRequest(tpp.metadata().getTokenEndpointURI(),
                tpp.clientAuthentication(), grant).toHTTPRequest(), null).getHeaderValue("DPoP-Nonce");
        HTTPRequest token = new TokenRequest(tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(), grant)
                .toHTTPRequest();
        token.setDPoP(tpp.dpop().createDPoPJWT("POST", token.getURI(), new Nonce(tokenNonce)));
        var access = (com.nimbusds.oauth2.sdk.token.DPoPAccessToken) OIDCTokenResponseParser.parse(tpp.send(token))
                .toSuccessResponse().getTokens().getAccessToken();
        var connection = new Connection(tpp, null, access, null);
        ApiClient first = new ApiClient(platform, connection, firstNode());
        ApiClient second = new ApiClient(platform, connection, secondNode.port());

        var askedForNonce = first.sendWithProof("GET", "/v1/accounts", null, first.proof("GET", "/v1/accounts"));
        String nonce = askedForNonce.header("DPoP-Nonce");
        var answered = second.sendWithProof("GET", "/v1/accounts", null, second.proof("GET", "/v1/accounts", nonce));

        assertThat(askedForNonce.status()).isEqualTo(401);
        assertThat(askedForNonce.header("WWW-Authenticate")).contains("error=\"use_dpop_nonce\"");
        assertThat(answered.status()).as("node 2 takes node 1's nonce: %s", answered.body()).isEqualTo(200);
    }

    // ---- rate limits (F4) and lockout (B2) ----

    @Test
    void callsWhenATppCallsBothNodesThenTogetherTheyStayWithinOneLimitSetOnOneNode() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        Connection connection = Connection.establish(platform, tpp, "sato", "openid", "accounts");
        RateLimit limit = new RateLimit(2, 4);
        platform.bean(TppRateLimits.class).override(tpp.tppId(), limit);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> secondNode.bean(TppRateLimits.class).limitOf(tpp.tppId()).equals(limit));
        List<ApiClient> nodes = List.of(new ApiClient(platform, connection),
                new ApiClient(platform, connection, secondNode.port()));
        int[] accepted = new int[2];
        int[] refused = new int[2];

        long start = System.nanoTime();
        while (System.nanoTime() - start < Duration.ofSeconds(3).toNanos()) {
            for (int node = 0; node < 2; node++) {
                int status = nodes.get(node).get("/v1/accounts").status();
                assertThat(status).isIn(200, 429);
                if (status == 200) {
                    accepted[node]++;
                }
                else {
                    refused[node]++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        int total = accepted[0] + accepted[1];
        assertThat((double) total).as("accepted on both nodes within burst + rate × %.2f s", seconds)
                .isLessThanOrEqualTo(limit.burst() + limit.perSecond() * seconds);
        assertThat(total).as("the burst is granted").isGreaterThanOrEqualTo(limit.burst());
        assertThat(java.util.stream.IntStream.of(accepted).min().orElseThrow()).as("both nodes served").isPositive();
        assertThat(java.util.stream.IntStream.of(refused).min().orElseThrow()).as("both nodes refused").isPositive();
    }

    @Test
    void signInWhenWrongPasswordsAlternateBetweenNodesThenTheyAddUpToOneLockout() throws Exception {
        String loginId = CustomerScreens.freshCustomer(platform, "試験 三郎");
        CustomerAgent browser = new CustomerAgent(platform);
        List<Integer> nodes = List.of(firstNode(), secondNode.port());

        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(signIn(browser, nodes.get(attempt % 2), loginId, "wrong-" + attempt)).endsWith("/login?error");
        }
        String rightPasswordOnSecond = signIn(browser, secondNode.port(), loginId, CustomerScreens.DEMO_PASSWORD);

        var credential = platform.bean(CustomerCredentials.class).byLoginId(loginId).orElseThrow();
        assertThat(credential.failedAttempts()).as("counted in the shared database").isEqualTo(5);
        assertThat(credential.lockedUntil()).isAfter(java.time.Instant.now());
        assertThat(rightPasswordOnSecond).as("locked on the other node too").endsWith("/login?error");
    }

    @Test
    void signInWhenWrongPasswordsAlternateBetweenNodesThenTheStaffConsoleAndThePortalLockToo() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String staff = "t-lock-" + suffix;
        platform.bean(StaffAccounts.class).ensure(staff, "施錠 試験", STAFF_PASSWORD, "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU",
                EnumSet.of(StaffRole.AUDITOR));
        String developer = "lock-" + suffix + "@tpp.example";
        platform.bean(JdbcClient.class).sql("insert into portal_account (email, password_hash, tpp_ids, created_at)"
                + " values (?, ?, '{}', now())").params(developer,
                        platform.bean(PasswordEncoder.class).encode(PORTAL_PASSWORD)).update();
        CustomerAgent console = new CustomerAgent(platform);
        CustomerAgent portal = new CustomerAgent(platform);
        List<Integer> nodes = List.of(firstNode(), secondNode.port());

        for (int attempt = 0; attempt < 5; attempt++) {
            int node = nodes.get(attempt % 2);
            // the console tells the staff member of the lockout with the failure that caused it
            assertThat(formSignIn(console, node, "/console/login", staff, "wrong-" + attempt))
                    .endsWith(attempt < 4 ? "/console/login?error" : "/console/login?locked");
            assertThat(formSignIn(portal, node, "/portal/login", developer, "wrong-" + attempt))
                    .endsWith("/portal/login?error");
        }

        assertThat(formSignIn(console, secondNode.port(), "/console/login", staff, STAFF_PASSWORD))
                .as("the staff member's five failures on two nodes lock the account").endsWith("/console/login?locked");
        assertThat(formSignIn(portal, secondNode.port(), "/portal/login", developer, PORTAL_PASSWORD))
                .as("the developer's five failures on two nodes lock the account").endsWith("/portal/login?locked");
    }

    // ---- the client's address behind a trusted proxy (C1, C3, F4) ----

    @Test
    void clientAddressWhenFromTheTrustedProxyThenTheForwardedOneElseThePeer() throws Exception {
        String client = "203.0.113." + (1 + new java.util.Random().nextInt(250));

        String viaProxy = recordedClientAddress(PROXY, secondNode.port(), "198.51.100.66, " + client);
        String forgedDirectly = recordedClientAddress("127.0.0.1", secondNode.port(), client);
        String malformed = recordedClientAddress(PROXY, secondNode.port(), client + ".999");
        String nodeTrustingNobody = recordedClientAddress(PROXY, firstNode(), client);

        assertThat(viaProxy).as("the hop the trusted proxy added; what the client wrote left of it is not read")
                .isEqualTo(client);
        assertThat(forgedDirectly).as("from an untrusted peer the header is ignored").isEqualTo("127.0.0.1");
        assertThat(malformed).as("a malformed header counts as absent, and the call is served").isEqualTo(PROXY);
        assertThat(nodeTrustingNobody).as("the default trusts no proxy").isEqualTo(PROXY);
    }

    // ---- helpers ----

    private int firstNode() {
        return platform.issuer().getPort();
    }

    private static URI viaBalancer(String path) {
        return URI.create("https://localhost:" + balancer.port() + path);
    }

    private static URI onNode(int port, String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private static HTTPRequest withProof(HTTPRequest request, Connection connection, SignedJWT proof) {
        request.setAuthorization(connection.accessToken().toAuthorizationHeader());
        request.setDPoP(proof);
        return request;
    }

    private static HTTPRequest transfer(URI uri, Connection connection, SignedJWT proof, String amount)
            throws Exception {
        HTTPRequest request = withProof(new HTTPRequest(HTTPRequest.Method.POST, uri), connection, proof);
        request.setContentType("application/json; charset=UTF-8");
        request.setHeader("Idempotency-Key", "replay-" + UUID.randomUUID());
        request.setBody("{\"accountId\":\"001011234567\",\"totalCount\":\"1\",\"totalAmount\":\"" + amount
                + "\",\"transfers\":[{\"itemId\":\"1\",\"transferAmount\":\"" + amount + "\",\"beneficiaryBankCode\":"
                + "\"0999\",\"beneficiaryBranchCode\":\"001\",\"accountTypeCode\":\"4\",\"accountNumber\":\"2345678\","
                + "\"beneficiaryName\":\"ﾔﾏﾀﾞ ﾀﾛｳ\"}]}");
        return request;
    }

    /** Sends through the balancer to the node on {@code port}, one connection per request. */
    private static HTTPResponse sendTo(int port, Connection connection, HTTPRequest request) throws Exception {
        balancer.sendTo(port);
        return connection.tpp().send(request);
    }

    private TestTpp nonceRequiringTpp() throws Exception {
        TestTpp registered = TestTpp.register(platform, Set.of("accounts"));
        var key = TestTpp.newKey();
        String clientId = "nonce-" + UUID.randomUUID();
        platform.bean(Tpps.class).registerClient(new TppClient(clientId, registered.tppId(), "nonce client",
                List.of(TestTpp.REDIRECT_URI.toString()), new com.nimbusds.jose.jwk.JWKSet(key.toPublicJWK()).toString(),
                null, TppClient.AuthMethod.PRIVATE_KEY_JWT, null, TppClient.SenderConstraint.DPOP, true));
        return TestTpp.forClient(platform, registered.tppId(), clientId, key);
    }

    /** Posts the customers' sign-in form on one node; where the bank sends the browser next. */
    private static String signIn(CustomerAgent browser, int port, String loginId, String password) throws Exception {
        return formSignIn(browser, port, "/login", loginId, password);
    }

    private static String formSignIn(CustomerAgent browser, int port, String path, String login, String password)
            throws Exception {
        URI form = onNode(port, path);
        String page = browser.get(form).body();
        var answer = browser.post(form, Map.of("username", List.of(login), "password", List.of(password),
                "_csrf", List.of(CustomerAgent.csrf(page))));
        return answer.headers().firstValue("Location").orElse("(no redirect: " + answer.statusCode() + ")");
    }

    /** Calls a public API from {@code localAddress} with an X-Forwarded-For; the address the execution log kept. */
    private String recordedClientAddress(String localAddress, int port, String forwardedFor) throws Exception {
        UUID interaction = UUID.randomUUID();
        HttpClient http = HttpClient.newBuilder().sslContext(platform.tls())
                .localAddress(InetAddress.getByName(localAddress)).build();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(onNode(port, "/v1/branches"))
                .header("X-Forwarded-For", forwardedFor).header("x-fapi-interaction-id", interaction.toString())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return platform.bean(ExecutionLogRecords.class).byInteractionId(interaction).getFirst().signals()
                .clientIpAddress();
    }
}

package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.systemtests.support.TokenHashes;
import net.minidev.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One black-box test per FAPI 2.0 Security Profile rule for the authorization server
 * (FAPI 2.0 §5.3.2.1–5.3.2.2; B1, B3, B5), each sending what a careless or hostile client would and asserting the
 * exact refusal. The happy path is {@link FapiAuthorizationCodeFlowTest}.
 */
class FapiAuthorizationServerRulesTest {

    private static final String PASSWORD = "Kakehashi#2026";

    private final RunningPlatform platform = RunningPlatform.get();
    private final JdbcClient jdbc = platform.bean(JdbcClient.class);

    // ---- PAR is required (FAPI 2.0 §5.3.2.2 item 2) ----

    @Test
    void authorizationRequestWhenSentWithoutParThenRefusedAndNothingGoesToTheClient() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        URI direct = tpp.authorizationRequest(new Scope("openid", "accounts"), verifier).build().toURI();
        assertThat(direct.getQuery()).contains("response_type=code").contains("code_challenge=");
        CustomerAgent customer = new CustomerAgent(platform);
        customer.signIn("yamada", PASSWORD);

        HttpResponse<String> response = customer.get(direct);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Location")).isEmpty();
        assertThat(response.body()).contains("<code id=\"error-code\">invalid_request</code>")
                .contains("request_uri is required");
    }

    // ---- PKCE with S256 is required (FAPI 2.0 §5.3.2.2 items 3, 4) ----

    @Test
    void parWhenCodeChallengeMissingThenInvalidRequest() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var request = new AuthorizationRequest.Builder(ResponseType.CODE, tpp.clientId())
                .scope(new Scope("openid", "accounts")).redirectionURI(TestTpp.REDIRECT_URI).state(new State())
                .customParameter("dpop_jkt", tpp.dpopKey().computeThumbprint().toString()).build();

        assertOAuthError(tpp.pushForResponse(request), 400, "invalid_request");
    }

    @Test
    void parWhenCodeChallengeMethodPlainThenInvalidRequest() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var request = tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.PLAIN).build();
        assertThat(request.toParameters().get("code_challenge_method")).containsExactly("plain");

        assertOAuthError(tpp.pushForResponse(request), 400, "invalid_request");
    }

    @Test
    void tokenRequestWhenCodeVerifierWrongThenInvalidGrant() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "sato", verifier, "openid", "accounts");

        HTTPResponse wrong = tpp.sendWithDpop(tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, new CodeVerifier()),
                null);
        assertOAuthError(wrong, 400, "invalid_grant");
    }

    // ---- codes: one use, at most 60 s (FAPI 2.0 §5.3.2.1 items 7, 10; RFC 6749 §4.1.2) ----

    @Test
    void tokenRequestWhenCodeRedeemedTwiceThenRefusedAndTokensOfTheFirstRedemptionAreRevoked() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "yamada", verifier, "openid", "accounts");
        var first = OIDCTokenResponseParser.parse(tpp.sendWithDpop(
                tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null));
        assertThat(first.indicatesSuccess()).as("first redemption").isTrue();
        var tokens = ((OIDCTokenResponse) first.toSuccessResponse()).getOIDCTokens();
        var accessToken = (DPoPAccessToken) tokens.getAccessToken();
        assertThat(userInfoStatus(tpp, accessToken)).as("before the replay").isEqualTo(200);

        HTTPResponse replay = tpp.sendWithDpop(tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null);

        assertOAuthError(replay, 400, "invalid_grant");
        assertThat(userInfoStatus(tpp, accessToken)).as("access token of the replayed code").isEqualTo(401);
        assertThat(introspect(tpp, accessToken.getValue()).isActive()).as("introspection of the access token")
                .isFalse();
        assertThat(introspect(tpp, tokens.getRefreshToken().getValue()).isActive())
                .as("introspection of the refresh token").isFalse();
        HTTPResponse refresh = tpp.sendWithDpop(new TokenRequest(tpp.metadata().getTokenEndpointURI(),
                tpp.clientAuthentication(), new RefreshTokenGrant(tokens.getRefreshToken())).toHTTPRequest(), null);
        assertOAuthError(refresh, 400, "invalid_grant");
    }

    @Test
    void tokenRequestWhenCodeOlderThanItsLifetimeThenInvalidGrant() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "sato", verifier, "openid", "accounts");
        String hash = TokenHashes.of(code.getValue());
        var lifetime = jdbc.sql("select issued_at, expires_at from oauth_token where token_hash = ?").param(hash)
                .query((rs, row) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                .single();
        assertThat(lifetime).as("FAPI 2.0: codes live at most 60 s").isPositive()
                .isLessThanOrEqualTo(Duration.ofSeconds(60));

        // age the code as if 61 s had passed since it was issued, rather than waiting
        Instant issued = Instant.now().minusSeconds(61);
        assertThat(jdbc.sql("update oauth_token set issued_at = ?, expires_at = ? where token_hash = ?")
                .params(Timestamp.from(issued), Timestamp.from(issued.plus(lifetime)), hash).update()).isEqualTo(1);

        HTTPResponse response = tpp.sendWithDpop(tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null);

        assertOAuthError(response, 400, "invalid_grant");
    }

    // ---- redirect_uri: required, exact match (FAPI 2.0 §5.3.2.2 item 5; RFC 9700 §2.1) ----

    @ParameterizedTest
    @ValueSource(strings = {"https://tpp.example/callback/", "https://tpp.example/callback?x=1",
            "https://tpp.example/Callback", "https://tpp.example:443/callback", "https://tpp.example/callback/../callback",
            "https://evil.example/callback", "http://tpp.example/callback"})
    void parWhenRedirectUriIsNotExactlyARegisteredOneThenInvalidRequest(String redirectUri) throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var request = new AuthorizationRequest.Builder(ResponseType.CODE, tpp.clientId())
                .scope(new Scope("openid", "accounts")).redirectionURI(URI.create(redirectUri)).state(new State())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build();

        assertOAuthError(tpp.pushForResponse(request), 400, "invalid_request");
    }

    @Test
    void parWhenRedirectUriMissingThenInvalidRequest() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var request = new AuthorizationRequest.Builder(ResponseType.CODE, tpp.clientId())
                .scope(new Scope("openid", "accounts")).state(new State())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build();

        assertOAuthError(tpp.pushForResponse(request), 400, "invalid_request");
    }

    @Test
    void tokenRequestWhenRedirectUriDiffersFromTheAuthorizationRequestThenInvalidGrant() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "yamada", verifier, "openid", "accounts");

        HTTPResponse wrong = tpp.sendWithDpop(tpp.codeTokenRequest(code, URI.create("https://tpp.example/callback/"),
                verifier), null);
        assertOAuthError(wrong, 400, "invalid_grant");
        HTTPResponse missing = tpp.sendWithDpop(tpp.codeTokenRequest(code, null, verifier), null);
        assertOAuthError(missing, 400, "invalid_grant");
    }

    // ---- response_type=code only (FAPI 2.0 §5.3.2.2 item 1) ----

    @ParameterizedTest
    @ValueSource(strings = {"token", "id_token", "code id_token", "code token", "none"})
    void parWhenResponseTypeIsNotCodeThenRefused(String responseType) throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var request = new AuthorizationRequest.Builder(ResponseType.parse(responseType), tpp.clientId())
                .scope(new Scope("openid", "accounts")).redirectionURI(TestTpp.REDIRECT_URI).state(new State())
                .customParameter("nonce", "n-0S6_WzA2Mj")
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).build();

        assertOAuthError(tpp.pushForResponse(request), 400, "unsupported_response_type");
    }

    // ---- request_uri is one-time (FAPI 2.0 §5.3.2.2, RFC 9126 §4) ----

    @Test
    void authorizationRequestWhenRequestUriUsedAgainThenNoSecondCode() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        URI authorizationUrl = tpp.push(tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier())
                .build());
        var first = new CustomerAgent(platform).authorize(authorizationUrl, "sato", PASSWORD, true);
        assertThat(AuthorizationResponse.parse(first.redirect()).indicatesSuccess()).as("first use").isTrue();

        var again = new CustomerAgent(platform).authorize(authorizationUrl, "sato", PASSWORD, true);

        assertThat(again.redirect()).as("nothing is sent to the client").isNull();
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.lastPage()).contains("<code id=\"error-code\">invalid_request_uri</code>");
    }

    @Test
    void authorizationRequestWhenRequestUriIsAnotherClientsThenInvalidRequestUriAndNothingGoesToEitherClient()
            throws Exception {
        TestTpp owner = TestTpp.register(platform, Set.of("accounts"));
        TestTpp other = TestTpp.register(platform, Set.of("accounts"));
        URI ownersUrl = owner.push(owner.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier())
                .build());
        URI foreign = URI.create(ownersUrl.toString().replace("client_id=" + owner.clientId().getValue(),
                "client_id=" + other.clientId().getValue()));
        assertThat(foreign).isNotEqualTo(ownersUrl);

        var outcome = new CustomerAgent(platform).authorize(foreign, "sato", PASSWORD, true);

        assertThat(outcome.redirect()).as("nothing is sent to a client").isNull();
        assertThat(outcome.status()).isEqualTo(400);
        assertThat(outcome.lastPage()).contains("<code id=\"error-code\">invalid_request_uri</code>");
        assertThat(AuthorizationResponse.parse(new CustomerAgent(platform).authorize(ownersUrl, "sato", PASSWORD, true)
                .redirect()).indicatesSuccess()).as("the owner's own use").isTrue();
    }

    // ---- request objects are not accepted (discovery: request_parameter_supported false) ----

    @Test
    void parWhenRequestObjectSentThenRequestNotSupported() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var request = tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier()).build();
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder();
        request.toParameters().forEach((name, values) -> claims.claim(name, values.getFirst()));
        var unsigned = new com.nimbusds.jwt.PlainJWT(claims.build());
        var withRequestObject = new AuthorizationRequest.Builder(request).customParameter("request",
                unsigned.serialize()).build();

        assertOAuthError(tpp.pushForResponse(withRequestObject), 400, "request_not_supported");
        assertThat(tpp.pushForResponse(request).getStatusCode()).as("the same request without it").isEqualTo(201);
    }

    // ---- request_uri lifetime: expires_in is the lifetime enforced (RFC 9126 §2.2, FAPI 2.0 §5.3.2.2) ----

    /**
     * The PAR response's {@code expires_in} is the whole lifetime the bank records for the {@code request_uri}; a
     * request_uri whose lifetime has just ended (aged in the store rather than waited for) is refused with
     * {@code invalid_request_uri}, sent back to the client that pushed it with its {@code state}, while one a few
     * seconds from its end still leads to a code.
     */
    @Test
    void parResponseExpiresInIsTheLifetimeTheAuthorizationEndpointEnforces() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var ended = tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier()).build();
        var endingSoon = tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier()).build();
        HTTPResponse endedPar = tpp.pushForResponse(ended);
        HTTPResponse endingSoonPar = tpp.pushForResponse(endingSoon);
        var pushed = PushedAuthorizationResponse.parse(endedPar).toSuccessResponse();
        String hash = requestUriHash(pushed.getRequestURI());
        Duration lifetime = jdbc.sql("select issued_at, expires_at from oauth_token where token_hash = ?").param(hash)
                .query((rs, row) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
                .single();

        assertThat(pushed.getLifetime()).as("expires_in").isEqualTo(lifetime.toSeconds()).isEqualTo(300);
        assertThat(lifetime).as("the lifetime recorded").isEqualTo(Duration.ofSeconds(pushed.getLifetime()));

        ageRequestUri(hash, lifetime, Duration.ZERO);
        ageRequestUri(requestUriHash(PushedAuthorizationResponse.parse(endingSoonPar).toSuccessResponse()
                .getRequestURI()), lifetime, Duration.ofSeconds(10));
        var refused = new CustomerAgent(platform).authorize(tpp.authorizationUrl(endedPar), "sato", PASSWORD, true);
        var accepted = new CustomerAgent(platform).authorize(tpp.authorizationUrl(endingSoonPar), "sato", PASSWORD,
                true);

        AuthorizationErrorResponse error = AuthorizationResponse.parse(refused.redirect()).toErrorResponse();
        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_request_uri");
        assertThat(error.getState()).isEqualTo(ended.getState());
        assertThat(error.getIssuer().getValue()).isEqualTo(platform.issuer().toString());
        assertThat(AuthorizationResponse.parse(accepted.redirect()).indicatesSuccess()).as("10 s before its end")
                .isTrue();
    }

    private static String requestUriHash(URI requestUri) {
        return TokenHashes.of(requestUri.toString().substring("urn:ietf:params:oauth:request_uri:".length()));
    }

    /** Moves the request_uri's lifetime back so that {@code left} of it remains now. */
    private void ageRequestUri(String hash, Duration lifetime, Duration left) {
        Instant end = Instant.now().plus(left);
        assertThat(jdbc.sql("update oauth_token set issued_at = ?, expires_at = ? where token_hash = ?")
                .params(Timestamp.from(end.minus(lifetime)), Timestamp.from(end), hash).update()).isEqualTo(1);
    }

    // ---- B5: only approved scopes, and only scopes the bank has a policy for ----

    @Test
    void parWhenScopeNotApprovedForTheTppThenInvalidScope() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));

        var response = tpp.pushForResponse(tpp.authorizationRequest(new Scope("openid", "accounts", "transfers"),
                new CodeVerifier()).build());

        assertOAuthError(response, 400, "invalid_scope");
    }

    @Test
    void parWhenScopeUnknownThenInvalidScope() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));

        var response = tpp.pushForResponse(tpp.authorizationRequest(new Scope("openid", "accounts", "loans"),
                new CodeVerifier()).build());

        assertOAuthError(response, 400, "invalid_scope");
    }

    @Test
    void parWhenScopeApprovedButWithoutPolicyThenInvalidScope() throws Exception {
        // the registry would let staff approve a scope the policy does not know: it must still not be grantable
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "loans"));

        var response = tpp.pushForResponse(tpp.authorizationRequest(new Scope("openid", "loans"), new CodeVerifier())
                .build());

        assertOAuthError(response, 400, "invalid_scope");
    }

    @Test
    void consentWhenCustomerAddsAScopeTheTppIsNotApprovedForThenNoCodeIsIssued() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        URI authorizationUrl = tpp.push(tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier())
                .build());
        CustomerAgent customer = new CustomerAgent(platform)
                .editingConsentForm(form -> form.computeIfAbsent("scope", k -> new ArrayList<>()).add("transfers"));

        var outcome = customer.authorize(authorizationUrl, "yamada", PASSWORD, true);

        var response = AuthorizationResponse.parse(outcome.redirect());
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_scope");
    }

    // ---- discovery: only what FAPI 2.0 allows is advertised ----

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"})
    void discoveryMetadataAdvertisesOnlyFapiValues(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(platform.tls()).build().send(
                HttpRequest.newBuilder(platform.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JSONObject metadata = com.nimbusds.oauth2.sdk.util.JSONObjectUtils.parse(response.body());

        assertThat(metadata.get("issuer")).isEqualTo(platform.issuer().toString());
        assertThat(metadata.get("require_pushed_authorization_requests")).isEqualTo(true);
        assertThat(metadata.get("pushed_authorization_request_endpoint")).isEqualTo(platform.uri("/oauth2/par")
                .toString());
        assertThat(metadata.get("authorization_response_iss_parameter_supported")).isEqualTo(true);
        assertThat(list(metadata, "code_challenge_methods_supported")).containsExactly("S256");
        assertThat(list(metadata, "response_types_supported")).containsExactly("code");
        // query, and JARM's query.jwt and jwt (FAPI 2.0 Message Signing §5.4; MessageSigningTest)
        assertThat(list(metadata, "response_modes_supported")).containsExactlyInAnyOrder("query", "query.jwt", "jwt");
        assertThat(list(metadata, "grant_types_supported"))
                .containsExactlyInAnyOrder("authorization_code", "refresh_token");
        assertThat(list(metadata, "token_endpoint_auth_methods_supported"))
                .containsExactlyInAnyOrder("private_key_jwt", "tls_client_auth");
        assertThat(list(metadata, "token_endpoint_auth_signing_alg_values_supported"))
                .containsExactlyInAnyOrder("PS256", "ES256", "EdDSA");
        // exactly the algorithms PAR, the token endpoint and the resources accept (RFC 9449 §5.1, DpopRulesTest)
        assertThat(list(metadata, "dpop_signing_alg_values_supported")).containsExactlyInAnyOrder("PS256", "ES256");
        for (String endpoint : List.of("revocation", "introspection")) {
            if (metadata.containsKey(endpoint + "_endpoint_auth_methods_supported")) {
                assertThat(list(metadata, endpoint + "_endpoint_auth_methods_supported")).as(endpoint)
                        .containsExactlyInAnyOrder("private_key_jwt", "tls_client_auth");
            }
        }
        if (metadata.containsKey("id_token_signing_alg_values_supported")) {
            assertThat(list(metadata, "id_token_signing_alg_values_supported")).isNotEmpty()
                    .isSubsetOf("PS256", "ES256", "EdDSA");
        }
        assertThat(metadata.get("tls_client_certificate_bound_access_tokens")).isEqualTo(true);
    }

    // ---- RFC 9207: iss in every authorization response ----

    @Test
    void authorizationResponseCarriesIssInSuccessAndInError() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var agreed = tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier()).build();
        var denied = tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier()).build();

        var success = new CustomerAgent(platform).authorize(tpp.push(agreed), "yamada", PASSWORD, true);
        var refusal = new CustomerAgent(platform).authorize(tpp.push(denied), "yamada", PASSWORD, false);

        var successResponse = AuthorizationResponse.parse(success.redirect()).toSuccessResponse();
        assertThat(successResponse.getIssuer().getValue()).isEqualTo(platform.issuer().toString());
        assertThat(successResponse.getState()).isEqualTo(agreed.getState());
        AuthorizationErrorResponse errorResponse = AuthorizationResponse.parse(refusal.redirect()).toErrorResponse();
        assertThat(errorResponse.getErrorObject().getCode()).isEqualTo("access_denied");
        assertThat(errorResponse.getIssuer()).isNotNull();
        assertThat(errorResponse.getIssuer().getValue()).isEqualTo(platform.issuer().toString());
        assertThat(errorResponse.getState()).isEqualTo(denied.getState());
    }

    // ---- B2: only the customer's own decision grants anything ----

    @Test
    void consentWhenCustomerDeniesAfterAgreeingToTheSameTppBeforeThenAccessDeniedAndNoCode() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var earlier = new CustomerAgent(platform).authorize(tpp.push(tpp.authorizationRequest(
                new Scope("openid", "accounts"), new CodeVerifier()).build()), "sato", PASSWORD, true);
        assertThat(AuthorizationResponse.parse(earlier.redirect()).indicatesSuccess()).as("earlier consent").isTrue();

        var denied = new CustomerAgent(platform).authorize(tpp.push(tpp.authorizationRequest(
                new Scope("openid", "accounts"), new CodeVerifier()).build()), "sato", PASSWORD, false);

        var response = AuthorizationResponse.parse(denied.redirect());
        assertThat(response.indicatesSuccess()).as("a code although the customer pressed deny").isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("access_denied");
    }

    // ---- B3: payment rights need the second factor ----

    @Test
    void paymentScopeWhenCustomerSignedInWithPasswordThenSecondFactorFirstAndTokensSayMfa() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "transfers"));
        String loginId = "kakehashi-shoji";
        CodeVerifier verifier = new CodeVerifier();
        var request = tpp.authorizationRequest(new Scope("openid", "transfers"), verifier).build();
        URI authorizationUrl = tpp.push(request);

        var passwordOnly = new CustomerAgent(platform).withoutSecondFactor();
        var stopped = passwordOnly.authorize(authorizationUrl, loginId, PASSWORD, true);
        assertThat(stopped.redirect().getPath()).as("password alone does not reach consent").isEqualTo("/login/otp");
        assertThat(passwordOnly.visited()).doesNotContain("/consent");

        CustomerAgent customer = new CustomerAgent(platform);
        var outcome = customer.authorize(authorizationUrl, loginId, PASSWORD, true);
        assertThat(customer.visited()).containsSubsequence("/login", "/login/otp", "/consent");
        var code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
        var tokens = ((OIDCTokenResponse) OIDCTokenResponseParser.parse(tpp.sendWithDpop(
                tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null)).toSuccessResponse())
                .getOIDCTokens();

        assertThat(((SignedJWT) tokens.getIDToken()).getJWTClaimsSet().getStringClaim("acr"))
                .isEqualTo("urn:kakehashi:acr:mfa");
        assertThat(((SignedJWT) tokens.getIDToken()).getJWTClaimsSet().getStringListClaim("amr")).contains("otp");
        TokenIntrospectionSuccessResponse introspection = introspect(tpp, tokens.getAccessToken().getValue());
        assertThat(introspection.isActive()).isTrue();
        assertThat(introspection.getParameters().get("acr")).isEqualTo("urn:kakehashi:acr:mfa");
    }

    /**
     * C2: a customer whose stored seed does not open for them (here another customer's sealed seed copied into their
     * row by a database writer) is answered with a server error page that says so, whatever code they type, and no
     * failed attempt is counted toward their lockout: the bank's data is at fault, not the customer.
     */
    @Test
    void secondFactorWhenTheStoredSeedDoesNotOpenForTheCustomerThenServerErrorAndNoFailureCounted() throws Exception {
        String attackerSeed = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
        String victim = CustomerAgent.registerCustomer(platform, "INDIVIDUAL", PASSWORD, CustomerAgent.DEMO_TOTP_SECRET);
        String attacker = CustomerAgent.registerCustomer(platform, "INDIVIDUAL", PASSWORD, attackerSeed);
        JdbcClient jdbc = platform.bean(JdbcClient.class);
        jdbc.sql("update customer_credential set totp_seed_sealed = (select totp_seed_sealed from customer_credential"
                + " where login_id = ?) where login_id = ?").params(attacker, victim).update();
        TestTpp tpp = TestTpp.register(platform, Set.of("transfers"));
        URI authorizationUrl = tpp.push(tpp.authorizationRequest(new Scope("openid", "transfers"), new CodeVerifier())
                .build());

        var outcome = new CustomerAgent(platform, attackerSeed).authorize(authorizationUrl, victim, PASSWORD, true);

        assertThat(outcome.status()).isEqualTo(500);
        assertThat(outcome.lastPage()).contains("ワンタイムパスワードを確認できません");
        assertThat(jdbc.sql("select failed_attempts from customer_credential where login_id = ?").param(victim)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void paymentScopeWhenAuthorizationRequestIsPostedToSkipTheSecondFactorThenConsentIsRefused() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("transfers"));
        String loginId = "sato";
        var request = tpp.authorizationRequest(new Scope("openid", "transfers"), new CodeVerifier()).build();
        URI authorizationUrl = tpp.push(request);
        String requestUri = authorizationUrl.getQuery().replaceAll(".*request_uri=([^&]+).*", "$1");
        CustomerAgent customer = new CustomerAgent(platform).withoutSecondFactor();
        customer.signIn(loginId, PASSWORD);

        // an OIDC authorization request may also be POSTed (OIDC Core §3.1.2.1)
        var posted = customer.post(platform.uri("/oauth2/authorize"), Map.of("response_type", List.of("code"),
                "client_id", List.of(tpp.clientId().getValue()), "scope", List.of("openid transfers"),
                "request_uri", List.of(URLDecoder.decode(requestUri, StandardCharsets.UTF_8))));
        var outcome = customer.follow(posted, loginId, PASSWORD, true, null);

        // the posted request is turned into the same request as a GET, which steps up like any other
        assertThat(outcome.redirect()).isNotNull();
        assertThat(outcome.redirect().getAuthority()).isEqualTo(platform.issuer().getAuthority());
        assertThat(outcome.redirect().getPath()).as("sent to the second factor").isEqualTo("/login/otp");
        assertThat(customer.visited()).noneMatch(path -> path.startsWith("/consent"));
    }

    // ---- helpers ----

    static void assertOAuthError(HTTPResponse response, int status, String error) throws Exception {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaderValue("Content-Type")).startsWith("application/json");
        assertThat(response.getContentAsJSONObject().get("error")).as("error of %s", response.getBody())
                .isEqualTo(error);
    }

    private TokenIntrospectionSuccessResponse introspect(TestTpp tpp, String token) throws Exception {
        var request = new TokenIntrospectionRequest(tpp.metadata().getIntrospectionEndpointURI(),
                tpp.clientAuthentication(), new com.nimbusds.oauth2.sdk.token.TypelessAccessToken(token));
        HTTPResponse response = tpp.send(request.toHTTPRequest());
        assertThat(response.getStatusCode()).as("introspection %s", response.getBody()).isEqualTo(200);
        return TokenIntrospectionResponse.parse(response).toSuccessResponse();
    }

    private static int userInfoStatus(TestTpp tpp, DPoPAccessToken token) throws Exception {
        var request = new UserInfoRequest(tpp.metadata().getUserInfoEndpointURI(), token).toHTTPRequest();
        return tpp.sendWithDpop(request, token).getStatusCode();
    }

    private static List<Object> list(JSONObject metadata, String name) {
        assertThat(metadata).containsKey(name);
        return new ArrayList<>((List<?>) metadata.get(name));
    }

}

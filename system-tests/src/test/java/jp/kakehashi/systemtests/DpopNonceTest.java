package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.authorization.keys.ServerSecrets;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.Test;

/**
 * RFC 9449 §8 and §9 server-provided nonces, for a client the bank requires them of: at the token endpoint and at the
 * resources ({@code /v1}, userinfo, grant management) a proof without the nonce is answered with
 * {@code use_dpop_nonce} and the nonce to use, and the retry with it succeeds; a client without the requirement is
 * never asked for one.
 */
class DpopNonceTest {

    private final RunningPlatform platform = RunningPlatform.get();

    @Test
    void tokenRequestWhenNonceRequiredAndMissingThenUseDpopNonceAndRetryWithItSucceeds() throws Exception {
        TestTpp tpp = nonceRequiringTpp();
        CodeVerifier verifier = new CodeVerifier();
        var request = tpp.authorizationRequest(new Scope("openid", "accounts"), verifier).build();
        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), "sato", "Kakehashi#2026", true);
        var code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
        var grant = new AuthorizationCodeGrant(code, TestTpp.REDIRECT_URI, verifier);

        HTTPRequest first = new TokenRequest(tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(), grant)
                .toHTTPRequest();
        var refused = tpp.sendWithDpop(first, null);

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getContentAsJSONObject().get("error")).isEqualTo("use_dpop_nonce");
        String nonce = refused.getHeaderValue("DPoP-Nonce");
        assertThat(nonce).isNotBlank();

        HTTPRequest retry = new TokenRequest(tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(), grant)
                .toHTTPRequest();
        retry.setDPoP(tpp.dpop().createDPoPJWT("POST", retry.getURI(), new Nonce(nonce)));
        var tokens = OIDCTokenResponseParser.parse(tpp.send(retry));

        assertThat(tokens.indicatesSuccess()).isTrue();
        assertThat(tokens.toSuccessResponse().getTokens().getAccessToken()).isInstanceOf(DPoPAccessToken.class);
    }

    @Test
    void tokenRequestWhenNonceIsMadeUpThenUseDpopNonce() throws Exception {
        TestTpp tpp = nonceRequiringTpp();
        CodeVerifier verifier = new CodeVerifier();
        var request = tpp.authorizationRequest(new Scope("openid", "accounts"), verifier).build();
        var outcome = new CustomerAgent(platform).authorize(tpp.push(request), "sato", "Kakehashi#2026", true);
        var code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse().getAuthorizationCode();
        HTTPRequest token = new TokenRequest(tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                new AuthorizationCodeGrant(code, TestTpp.REDIRECT_URI, verifier)).toHTTPRequest();
        token.setDPoP(tpp.dpop().createDPoPJWT("POST", token.getURI(), new Nonce("made-up")));

        var response = tpp.send(token);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getContentAsJSONObject().get("error")).isEqualTo("use_dpop_nonce");
    }


    @Test
    void apiCallWhenNonceRequiredAndMissingThenUseDpopNonceAndRetryWithItSucceeds() throws Exception {
        TestTpp tpp = nonceRequiringTpp();
        ApiClient api = new ApiClient(platform, connect(tpp, "openid", "accounts"));

        var refused = api.sendWithProof("GET", "/v1/accounts", null, api.proof("GET", "/v1/accounts"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("DPoP ").contains("error=\"use_dpop_nonce\"")
                .contains("error_description=");
        String nonce = refused.header("DPoP-Nonce");
        assertThat(nonce).isNotBlank();

        var retried = api.sendWithProof("GET", "/v1/accounts", null, api.proof("GET", "/v1/accounts", nonce));

        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.header("DPoP-Nonce")).as("the nonce used is the current one").isNull();
    }

    @Test
    void apiCallWhenNonceIsMadeUpThenUseDpopNonce() throws Exception {
        TestTpp tpp = nonceRequiringTpp();
        ApiClient api = new ApiClient(platform, connect(tpp, "openid", "accounts"));

        var refused = api.sendWithProof("GET", "/v1/accounts", null,
                api.proof("GET", "/v1/accounts", "made-up"));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).contains("error=\"use_dpop_nonce\"");
        assertThat(refused.header("DPoP-Nonce")).isNotBlank();
    }

    /** RFC 9449 §8.2: a nonce still accepted but no longer the current one is answered with the current one. */
    @Test
    void apiCallWhenNonceOfThePreviousMinuteThenSucceedsWithTheCurrentNonce() throws Exception {
        TestTpp tpp = nonceRequiringTpp();
        ApiClient api = new ApiClient(platform, connect(tpp, "openid", "accounts"));
        // not in the last seconds of a minute, so "the previous minute" is the same one for the test and the server
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> secondOfMinute() < 50);
        long minute = java.time.Instant.now().getEpochSecond() / 60;

        var answered = api.sendWithProof("GET", "/v1/accounts", null,
                api.proof("GET", "/v1/accounts", issuedNonce(minute - 1)));

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.header("DPoP-Nonce")).isEqualTo(issuedNonce(minute));
    }

    @Test
    void apiCallWhenClientNotRequiredToUseNoncesThenNoNonceAskedOrSent() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        ApiClient api = new ApiClient(platform, Connection.establish(platform, tpp, "sato", "openid", "accounts"));

        var answered = api.sendWithProof("GET", "/v1/accounts", null, api.proof("GET", "/v1/accounts"));

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.header("DPoP-Nonce")).isNull();
    }

    @Test
    void userInfoWhenNonceRequiredAndMissingThenUseDpopNonceAndRetryWithItSucceeds() throws Exception {
        TestTpp tpp = nonceRequiringTpp();
        Connection connection = connect(tpp, "openid", "accounts");
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();

        HTTPRequest first = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        first.setDPoP(tpp.dpop().createDPoPJWT("GET", userInfo, connection.accessToken()));
        HTTPResponse refused = tpp.send(first);

        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(refused.getHeaderValue("WWW-Authenticate")).contains("error=\"use_dpop_nonce\"");
        String nonce = refused.getHeaderValue("DPoP-Nonce");
        assertThat(nonce).isNotBlank();

        HTTPRequest retry = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        retry.setDPoP(tpp.dpop().createDPoPJWT("GET", userInfo, connection.accessToken(), new Nonce(nonce)));

        assertThat(tpp.send(retry).getStatusCode()).isEqualTo(200);
    }

    @Test
    void grantQueryWhenNonceRequiredAndMissingThenUseDpopNonceAndRetryWithItSucceeds() throws Exception {
        TestTpp tpp = nonceRequiringTpp(Set.of("accounts", "grant_management_query"));
        Connection connection = connect(tpp, "openid", "accounts", "grant_management_query");
        URI grant = platform.uri("/grants/" + connection.grantId());

        HTTPRequest first = new HTTPRequest(HTTPRequest.Method.GET, grant);
        first.setAuthorization(connection.accessToken().toAuthorizationHeader());
        first.setDPoP(tpp.dpop().createDPoPJWT("GET", grant, connection.accessToken()));
        HTTPResponse refused = tpp.send(first);

        assertThat(refused.getStatusCode()).isEqualTo(401);
        assertThat(refused.getHeaderValue("WWW-Authenticate")).contains("error=\"use_dpop_nonce\"");
        assertThat(refused.getContentAsJSONObject().get("error")).isEqualTo("use_dpop_nonce");
        String nonce = refused.getHeaderValue("DPoP-Nonce");
        assertThat(nonce).isNotBlank();

        HTTPRequest retry = new HTTPRequest(HTTPRequest.Method.GET, grant);
        retry.setAuthorization(connection.accessToken().toAuthorizationHeader());
        retry.setDPoP(tpp.dpop().createDPoPJWT("GET", grant, connection.accessToken(), new Nonce(nonce)));

        assertThat(tpp.send(retry).getStatusCode()).isEqualTo(200);
    }

    /** RFC 9449 §10.1: a proof at PAR is optional, but one a client sends must carry the nonce the bank requires. */
    @Test
    void pushedRequestWhenNonceRequiredAndProofWithoutNonceThenUseDpopNonceAndRetryWithItSucceeds() throws Exception {
        TestTpp tpp = nonceRequiringTpp();
        var request = tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier()).build();
        HTTPRequest first = tpp.pushedAuthorizationRequest(request);
        first.setDPoP(tpp.dpop().createDPoPJWT("POST", first.getURI()));

        HTTPResponse refused = tpp.send(first);

        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getContentAsJSONObject().get("error")).isEqualTo("use_dpop_nonce");
        String nonce = refused.getHeaderValue("DPoP-Nonce");
        assertThat(nonce).isNotBlank();

        HTTPRequest retry = tpp.pushedAuthorizationRequest(request);
        retry.setDPoP(tpp.dpop().createDPoPJWT("POST", retry.getURI(), new Nonce(nonce)));
        HTTPResponse pushed = tpp.send(retry);

        assertThat(pushed.getStatusCode()).as(pushed.getBody()).isEqualTo(201);
        assertThat(pushed.getHeaderValue("DPoP-Nonce")).as("every PAR response names the nonce").isNotBlank();
    }

    /**
     * The whole flow of a client that must use nonces, as its library does it: the token request is retried with the
     * nonce the refusal names.
     */
    private Connection connect(TestTpp tpp, String... scopes) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        var code = Connection.authorizationCode(platform, tpp, "sato", verifier, scopes);
        var grant = new AuthorizationCodeGrant(code, TestTpp.REDIRECT_URI, verifier);
        HTTPResponse refused = tpp.sendWithDpop(new TokenRequest(tpp.metadata().getTokenEndpointURI(),
                tpp.clientAuthentication(), grant).toHTTPRequest(), null);
        HTTPRequest retry = new TokenRequest(tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(), grant)
                .toHTTPRequest();
        retry.setDPoP(tpp.dpop().createDPoPJWT("POST", retry.getURI(),
                new Nonce(refused.getHeaderValue("DPoP-Nonce"))));
        var answer = OIDCTokenResponseParser.parse(tpp.send(retry)).toSuccessResponse();
        var tokens = answer.getTokens();
        var access = (DPoPAccessToken) tokens.getAccessToken();
        return new Connection(tpp, Connection.grantIdOf(answer), access, tokens.getRefreshToken());
    }

    private static int secondOfMinute() {
        return (int) (java.time.Instant.now().getEpochSecond() % 60);
    }

    /** The nonce the bank issued in {@code minute} (a MAC of it under the master key, as every node makes it). */
    private String issuedNonce(long minute) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                platform.bean(ServerSecrets.class).mac("dpop-nonce", Long.toString(minute)));
    }

    private TestTpp nonceRequiringTpp() throws Exception {
        return nonceRequiringTpp(Set.of("accounts"));
    }

    private TestTpp nonceRequiringTpp(Set<String> scopes) throws Exception {
        TestTpp registered = TestTpp.register(platform, scopes);
        var key = TestTpp.newKey();
        String clientId = "nonce-" + UUID.randomUUID();
        platform.bean(Tpps.class).registerClient(new TppClient(clientId, registered.tppId(), "nonce client",
                List.of(TestTpp.REDIRECT_URI.toString()), new JWKSet(key.toPublicJWK()).toString(), null,
                TppClient.AuthMethod.PRIVATE_KEY_JWT, null, TppClient.SenderConstraint.DPOP, true));
        return TestTpp.forClient(platform, registered.tppId(), clientId, key);
    }
}

package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import java.util.Set;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sender-constrained tokens with DPoP (RFC 9449, FAPI 2.0 §5.3.2.1 item 3, B7): one test per rule, each with a
 * proof that breaks exactly that rule, and where the request can be repeated, the correct proof next to it to show
 * the refusal was for that rule alone. Server nonces are {@link DpopNonceTest}.
 */
class DpopRulesTest {

    private final RunningPlatform platform = RunningPlatform.get();

    // ---- token endpoint ----

    @Test
    void tokenRequestWhenNoDpopProofThenInvalidDpopProof() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "sato", verifier, "openid", "accounts");

        HTTPResponse response = tpp.send(tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier));

        assertOAuthError(response, 400, "invalid_dpop_proof");
        assertThat(tpp.sendWithDpop(tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null).getStatusCode())
                .as("the same code with a proof").isEqualTo(200);
    }

    @Test
    void tokenRequestWhenProofReplayedThenInvalidDpopProof() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "yamada", verifier, "openid", "accounts");
        HTTPRequest redeem = tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier);
        SignedJWT proof = tpp.dpop().createDPoPJWT("POST", redeem.getURI());
        redeem.setDPoP(proof);
        var tokens = OIDCTokenResponseParser.parse(tpp.send(redeem));
        assertThat(tokens.indicatesSuccess()).isTrue();
        RefreshToken refreshToken = tokens.toSuccessResponse().getTokens().getRefreshToken();

        HTTPRequest refresh = refreshRequest(tpp, refreshToken);
        refresh.setDPoP(proof);

        assertOAuthError(tpp.send(refresh), 400, "invalid_dpop_proof");
        assertThat(tpp.sendWithDpop(refreshRequest(tpp, refreshToken), null).getStatusCode())
                .as("the same refresh with a fresh proof").isEqualTo(200);
    }

    @Test
    void tokenRequestWhenProofKeyIsNotTheDpopJktOfTheRequestThenInvalidGrant() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "sato", verifier, "openid", "accounts");
        HTTPRequest request = tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier);
        request.setDPoP(otherKey().createDPoPJWT("POST", request.getURI()));

        assertOAuthError(tpp.send(request), 400, "invalid_grant");
        assertThat(tpp.sendWithDpop(tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null).getStatusCode())
                .as("the same code with the bound key").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oauth2/par", "/userinfo", "https://evil.example/oauth2/token",
            "http://localhost/oauth2/token", "/oauth2/token/x"})
    void tokenRequestWhenProofIsForAnotherUrlThenInvalidDpopProof(String htu) throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "yamada", verifier, "openid", "accounts");
        HTTPRequest request = tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier);
        request.setDPoP(tpp.dpop().createDPoPJWT("POST", htu.startsWith("/") ? platform.uri(htu) : URI.create(htu)));

        assertOAuthError(tpp.send(request), 400, "invalid_dpop_proof");
        assertThat(tpp.sendWithDpop(tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null).getStatusCode())
                .as("the same code with a proof for the token endpoint").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE"})
    void tokenRequestWhenProofIsForAnotherMethodThenInvalidDpopProof(String htm) throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "sato", verifier, "openid", "accounts");
        HTTPRequest request = tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier);
        request.setDPoP(tpp.dpop().createDPoPJWT(htm, request.getURI()));

        assertOAuthError(tpp.send(request), 400, "invalid_dpop_proof");
    }

    /**
     * RFC 9449 §4.3 item 11 leaves the acceptable window to the server; the bank accepts a proof for five minutes
     * after its {@code iat} (as long as it remembers its {@code jti}) and at most 60 s before it (FAPI 2.0 §5.3.2.1
     * item 12 for JWTs in general). An old proof is one made in advance or captured: it is refused.
     */
    @ParameterizedTest
    @ValueSource(ints = {-3600, -400, 120, 3600})
    void tokenRequestWhenProofIatOutsideTheWindowThenInvalidDpopProof(int offsetSeconds) throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "yamada", verifier, "openid", "accounts");
        HTTPRequest request = tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier);
        request.setDPoP(tpp.dpop().createDPoPJWT(new JWTID(), "POST", request.getURI(),
                new Date(System.currentTimeMillis() + offsetSeconds * 1000L), null));

        assertOAuthError(tpp.send(request), 400, "invalid_dpop_proof");
        assertThat(tpp.sendWithDpop(tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null).getStatusCode())
                .as("the same code with a fresh proof").isEqualTo(200);
    }

    /**
     * B7, F4: a proof whose {@code iat} is far beyond any time PostgreSQL can store (±10^13 s) is refused as invalid
     * before its jti is recorded, so it cannot fail the shared replay check of the calls recorded with it: another
     * TPP's call at the same moment is answered, and the same code with a good proof still works.
     */
    @ParameterizedTest
    @ValueSource(longs = {10_000_000_000_000L, -10_000_000_000_000L})
    void tokenRequestWhenProofIatIsBeyondAnyStorableTimeThenInvalidDpopProofAndNobodyElseFails(long iatSeconds)
            throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        Connection bystander = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")), "sato",
                "openid", "accounts");
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "yamada", verifier, "openid", "accounts");
        HTTPRequest request = tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier);
        request.setDPoP(tpp.dpop().createDPoPJWT(new JWTID(), "POST", request.getURI(), new Date(iatSeconds * 1000L),
                null));

        assertOAuthError(tpp.send(request), 400, "invalid_dpop_proof");
        assertThat(bystander.userInfoStatus()).as("another TPP's call").isEqualTo(200);
        assertThat(tpp.sendWithDpop(tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null).getStatusCode())
                .as("the same code with a fresh proof").isEqualTo(200);
    }

    /**
     * RFC 9449 §5: a confidential client's refresh token is not bound to the DPoP key, since the client authenticates
     * itself (here with private_key_jwt) at every refresh; it may move to a new key, and the new access token is bound
     * to the new key: it works with proofs of the new key and not with proofs of the old one.
     */
    @Test
    void refreshWhenProofIsSignedByANewKeyThenTheNewAccessTokenIsBoundToTheNewKey() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "sato", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        DefaultDPoPProofFactory newKey = otherKey();
        HTTPRequest refresh = refreshRequest(tpp, connection.refreshToken());
        refresh.setDPoP(newKey.createDPoPJWT("POST", refresh.getURI()));

        HTTPResponse response = tpp.send(refresh);

        assertThat(response.getStatusCode()).as("refresh with a new key: %s", response.getBody()).isEqualTo(200);
        var token = (DPoPAccessToken) OIDCTokenResponseParser.parse(response).toSuccessResponse().getTokens()
                .getAccessToken();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        HTTPRequest withNewKey = new UserInfoRequest(userInfo, token).toHTTPRequest();
        withNewKey.setDPoP(newKey.createDPoPJWT("GET", userInfo, token));
        assertThat(tpp.send(withNewKey).getStatusCode()).as("the new token with the new key").isEqualTo(200);
        assertUnauthorized(tpp.sendWithDpop(new UserInfoRequest(userInfo, token).toHTTPRequest(), token));
        assertThat(tpp.sendWithDpop(refreshRequest(tpp, connection.refreshToken()), null).getStatusCode())
                .as("the refresh token goes on working with the old key too").isEqualTo(200);
    }

    // ---- PAR (RFC 9449 §10.1) ----

    @Test
    void parWhenDpopHeaderIsNotAProofThenInvalidDpopProof() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        HTTPRequest par = tpp.pushedAuthorizationRequest(tpp.authorizationRequest(new Scope("openid", "accounts"),
                new CodeVerifier()).build());
        par.setHeader("DPoP", "not-a-proof");

        assertOAuthError(tpp.send(par), 400, "invalid_dpop_proof");
    }

    @Test
    void parWhenProofIsForAnotherUrlThenInvalidDpopProof() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        HTTPRequest par = tpp.pushedAuthorizationRequest(tpp.authorizationRequest(new Scope("openid", "accounts"),
                new CodeVerifier()).build());
        par.setDPoP(tpp.dpop().createDPoPJWT("POST", tpp.metadata().getTokenEndpointURI()));

        assertOAuthError(tpp.send(par), 400, "invalid_dpop_proof");
    }

    @Test
    void parWhenProofReplayedThenInvalidDpopProof() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        SignedJWT proof = tpp.dpop().createDPoPJWT("POST", tpp.metadata().getPushedAuthorizationRequestEndpointURI());
        HTTPRequest first = tpp.pushedAuthorizationRequest(tpp.authorizationRequest(new Scope("openid", "accounts"),
                new CodeVerifier()).build());
        first.setDPoP(proof);
        HTTPRequest replay = tpp.pushedAuthorizationRequest(tpp.authorizationRequest(new Scope("openid", "accounts"),
                new CodeVerifier()).build());
        replay.setDPoP(proof);

        assertThat(tpp.send(first).getStatusCode()).as("first use").isEqualTo(201);
        assertOAuthError(tpp.send(replay), 400, "invalid_dpop_proof");
    }

    @Test
    void parWhenProofKeyIsNotTheDpopJktThenInvalidDpopProof() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var request = tpp.authorizationRequest(new Scope("openid", "accounts"), new CodeVerifier()).build();
        HTTPRequest mismatched = tpp.pushedAuthorizationRequest(request);
        mismatched.setDPoP(otherKey().createDPoPJWT("POST", mismatched.getURI()));

        assertOAuthError(tpp.send(mismatched), 400, "invalid_dpop_proof");
        assertThat(tpp.sendWithDpop(tpp.pushedAuthorizationRequest(request), null).getStatusCode())
                .as("the same request with a proof of the dpop_jkt key").isEqualTo(201);
    }

    /**
     * A proof at PAR binds the request to its key as {@code dpop_jkt} does (RFC 9449 §10.1): the code can then only
     * be redeemed with that key, not with another key the client (or a thief of the code) holds.
     */
    @Test
    void parWhenProvenWithOneKeyThenTheCodeCannotBeRedeemedWithAnother() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        CodeVerifier verifier = new CodeVerifier();
        var request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "accounts"),
                tpp.clientId(), TestTpp.REDIRECT_URI).state(new State()).nonce(new Nonce())
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        assertThat(request.toParameters()).doesNotContainKey("dpop_jkt");
        HTTPResponse pushed = tpp.sendWithDpop(tpp.pushedAuthorizationRequest(request), null);
        assertThat(pushed.getStatusCode()).as("PAR with a proof %s", pushed.getBody()).isEqualTo(201);
        var outcome = new CustomerAgent(platform).authorize(tpp.authorizationUrl(pushed), "sato", "Kakehashi#2026",
                true);
        AuthorizationCode code = AuthorizationResponse.parse(outcome.redirect()).toSuccessResponse()
                .getAuthorizationCode();
        HTTPRequest otherKey = tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier);
        otherKey.setDPoP(otherKey().createDPoPJWT("POST", otherKey.getURI()));

        assertOAuthError(tpp.send(otherKey), 400, "invalid_grant");
        assertThat(tpp.sendWithDpop(tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null).getStatusCode())
                .as("the same code with the key proven at PAR").isEqualTo(200);
    }

    // ---- resource requests (userinfo) ----

    @Test
    void resourceRequestWhenDpopBoundTokenPresentedAsBearerThenUnauthorized() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "yamada", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();

        HTTPRequest bearer = new HTTPRequest(HTTPRequest.Method.GET, userInfo);
        bearer.setAuthorization("Bearer " + connection.accessToken().getValue());
        HTTPRequest bearerWithProof = new HTTPRequest(HTTPRequest.Method.GET, userInfo);
        bearerWithProof.setAuthorization("Bearer " + connection.accessToken().getValue());
        bearerWithProof.setDPoP(tpp.dpop().createDPoPJWT("GET", userInfo, connection.accessToken()));

        assertUnauthorized(tpp.send(bearer));
        assertUnauthorized(tpp.send(bearerWithProof));
        assertThat(connection.userInfoStatus()).as("the same token with the DPoP scheme").isEqualTo(200);
    }

    @Test
    void resourceRequestWhenDpopSchemeWithoutProofThenUnauthorized() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "sato", "openid", "accounts");

        HTTPRequest request = new UserInfoRequest(connection.tpp().metadata().getUserInfoEndpointURI(),
                connection.accessToken()).toHTTPRequest();
        assertThat(request.getAuthorization()).startsWith("DPoP ");

        assertUnauthorized(connection.tpp().send(request));
    }

    @Test
    void resourceRequestWhenProofIsForAnotherAccessTokenThenUnauthorized() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "yamada", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        HTTPRequest request = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        request.setDPoP(tpp.dpop().createDPoPJWT("GET", userInfo, new DPoPAccessToken("some-other-token")));

        assertUnauthorized(tpp.send(request));
    }

    @Test
    void resourceRequestWhenProofWithoutAthThenUnauthorized() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "sato", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        HTTPRequest request = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        request.setDPoP(tpp.dpop().createDPoPJWT("GET", userInfo));

        assertUnauthorized(tpp.send(request));
    }

    /**
     * B7, F4: at the resources too, a proof whose {@code iat} is far beyond any storable time is refused (the iat
     * check comes before the replay check records anything), and the same call with a good proof goes on working.
     */
    @ParameterizedTest
    @ValueSource(longs = {10_000_000_000_000L, -10_000_000_000_000L})
    void resourceRequestWhenProofIatIsBeyondAnyStorableTimeThenUnauthorizedAndTheNextCallWorks(long iatSeconds)
            throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "sato", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        HTTPRequest request = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        request.setDPoP(tpp.dpop().createDPoPJWT(new JWTID(), "GET", userInfo, new Date(iatSeconds * 1000L),
                connection.accessToken(), null));

        assertUnauthorized(tpp.send(request));
        assertThat(connection.userInfoStatus()).isEqualTo(200);
    }

    @Test
    void resourceRequestWhenProofSignedByAnotherKeyThenUnauthorized() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "yamada", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        HTTPRequest request = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        request.setDPoP(otherKey().createDPoPJWT("GET", userInfo, connection.accessToken()));

        assertUnauthorized(tpp.send(request));
    }

    @Test
    void resourceRequestWhenProofReplayedThenUnauthorized() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "sato", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        SignedJWT proof = tpp.dpop().createDPoPJWT("GET", userInfo, connection.accessToken());
        HTTPRequest first = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        first.setDPoP(proof);
        HTTPRequest replay = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        replay.setDPoP(proof);

        assertThat(tpp.send(first).getStatusCode()).isEqualTo(200);
        assertUnauthorized(tpp.send(replay));
    }

    @Test
    void resourceRequestWhenProofIsForAnotherMethodOrUrlThenUnauthorized() throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "yamada", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        HTTPRequest wrongMethod = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        wrongMethod.setDPoP(tpp.dpop().createDPoPJWT("POST", userInfo, connection.accessToken()));
        HTTPRequest wrongUrl = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        wrongUrl.setDPoP(tpp.dpop().createDPoPJWT("GET", platform.uri("/oauth2/token"), connection.accessToken()));

        assertUnauthorized(tpp.send(wrongMethod));
        assertUnauthorized(tpp.send(wrongUrl));
    }

    @Test
    void resourceRequestWhenOneKeySignsMoreThanAThousandProofsThenAllAccepted() throws Exception {
        // a TPP's backend signs all its customers' calls with one key; Spring's default would refuse the 1001st
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "yamada", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        int accepted = 0;
        for (int i = 0; i < 1_100; i++) {
            HTTPRequest request = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
            request.setDPoP(tpp.dpop().createDPoPJWT("GET", userInfo, connection.accessToken()));
            if (tpp.send(request).getStatusCode() == 200) {
                accepted++;
            }
        }

        assertThat(accepted).isEqualTo(1_100);
    }

    @Test
    void tokenAndResourceRequestsWhenProofsAreSignedWithPs256ThenAccepted() throws Exception {
        // FAPI 2.0 allows PS256 as well as ES256; RSA proofs are the cheaper ones for the bank to verify
        Connection connection = Connection.establish(platform,
                TestTpp.register(platform, Set.of("accounts"), JWSAlgorithm.PS256), "sato", "openid", "accounts");

        assertThat(connection.tpp().dpopKey().getKeyType().getValue()).isEqualTo("RSA");
        assertThat(connection.userInfoStatus()).isEqualTo(200);
    }

    // ---- htu: compared without query and fragment, after normalisation (RFC 9449 §4.3 check 9, RFC 3986 §6) ----

    @ParameterizedTest
    @ValueSource(strings = {"query", "fragment", "scheme", "host"})
    void parAndTokenRequestWhenHtuDiffersOnlyInWhatIsNotComparedThenAccepted(String difference) throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        HTTPRequest par = tpp.pushedAuthorizationRequest(tpp.authorizationRequest(new Scope("openid", "accounts"),
                new CodeVerifier()).build());
        par.setDPoP(proof(tpp, "POST", htu(par.getURI(), difference), null));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationCode code = Connection.authorizationCode(platform, tpp, "sato", verifier, "openid", "accounts");
        HTTPRequest redeem = tpp.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier);
        redeem.setDPoP(proof(tpp, "POST", htu(redeem.getURI(), difference), null));

        HTTPResponse pushed = tpp.send(par);
        HTTPResponse tokens = tpp.send(redeem);

        assertThat(pushed.getStatusCode()).as("PAR %s", pushed.getBody()).isEqualTo(201);
        assertThat(tokens.getStatusCode()).as("token %s", tokens.getBody()).isEqualTo(200);
        var token = (DPoPAccessToken) OIDCTokenResponseParser.parse(tokens).toSuccessResponse().getTokens()
                .getAccessToken();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        assertThat(tpp.sendWithDpop(new UserInfoRequest(userInfo, token).toHTTPRequest(), token).getStatusCode())
                .as("the token is bound to the proof's key").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "fragment", "scheme", "host"})
    void resourceRequestWhenHtuDiffersOnlyInWhatIsNotComparedThenAccepted(String difference) throws Exception {
        Connection connection = Connection.establish(platform, TestTpp.register(platform, Set.of("accounts")),
                "yamada", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        HTTPRequest userInfoRequest = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        userInfoRequest.setDPoP(proof(tpp, "GET", htu(userInfo, difference), connection.accessToken()));
        URI accounts = platform.uri("/v1/accounts");
        HTTPRequest accountsRequest = new HTTPRequest(HTTPRequest.Method.GET, accounts);
        accountsRequest.setAuthorization(connection.accessToken().toAuthorizationHeader());
        accountsRequest.setDPoP(proof(tpp, "GET", htu(accounts, difference), connection.accessToken()));

        HTTPResponse userInfoResponse = tpp.send(userInfoRequest);
        HTTPResponse accountsResponse = tpp.send(accountsRequest);

        assertThat(userInfoResponse.getStatusCode()).as("userinfo %s", userInfoResponse.getBody()).isEqualTo(200);
        assertThat(accountsResponse.getStatusCode()).as("/v1/accounts %s", accountsResponse.getBody())
                .isEqualTo(200);
    }

    // ---- algorithms: exactly the advertised ones (RFC 9449 §5.1, §7.1; FAPI 2.0 §5.4.1) ----

    /**
     * Every algorithm the challenge and discovery name is accepted (PS256 above, ES256 everywhere); one they do not
     * name, RS256, is refused at PAR, the token endpoint and the resources alike.
     */
    @Test
    void proofWhenSignedWithAnAlgorithmNotAdvertisedThenRefusedEverywhere() throws Exception {
        Connection connection = Connection.establish(platform,
                TestTpp.register(platform, Set.of("accounts"), JWSAlgorithm.PS256), "sato", "openid", "accounts");
        TestTpp tpp = connection.tpp();
        // the TPP's own RSA key, bound to its tokens: only the algorithm differs from its accepted PS256 proofs
        var rsa = new DefaultDPoPProofFactory(tpp.dpopKey(), JWSAlgorithm.RS256);
        HTTPRequest par = tpp.pushedAuthorizationRequest(tpp.authorizationRequest(new Scope("openid", "accounts"),
                new CodeVerifier()).build());
        par.setDPoP(rsa.createDPoPJWT("POST", par.getURI()));
        HTTPRequest refresh = refreshRequest(tpp, connection.refreshToken());
        refresh.setDPoP(rsa.createDPoPJWT("POST", refresh.getURI()));
        URI userInfo = tpp.metadata().getUserInfoEndpointURI();
        HTTPRequest resource = new UserInfoRequest(userInfo, connection.accessToken()).toHTTPRequest();
        resource.setDPoP(rsa.createDPoPJWT("GET", userInfo, connection.accessToken()));

        assertOAuthError(tpp.send(par), 400, "invalid_dpop_proof");
        assertOAuthError(tpp.send(refresh), 400, "invalid_dpop_proof");
        assertUnauthorized(tpp.send(resource));
    }

    // ---- helpers ----

    /** The request's URI written differently in a way RFC 9449 §4.3 check 9 does not compare. */
    private static String htu(URI target, String difference) {
        String uri = target.toString();
        return switch (difference) {
            case "query" -> uri + "?page=1";
            case "fragment" -> uri + "#top";
            case "scheme" -> "HTTPS" + uri.substring("https".length());
            case "host" -> uri.replace("://localhost", "://LocalHost");
            default -> throw new IllegalArgumentException(difference);
        };
    }

    /** A proof with this {@code htu} exactly as given, signed with the TPP's DPoP key (ES256). */
    private static SignedJWT proof(TestTpp tpp, String htm, String htu, AccessToken token) throws Exception {
        var claims = new JWTClaimsSet.Builder().jwtID(new JWTID().getValue()).claim("htm", htm).claim("htu", htu)
                .issueTime(new Date());
        if (token != null) {
            claims.claim("ath", Base64URL.encode(MessageDigest.getInstance("SHA-256")
                    .digest(token.getValue().getBytes(StandardCharsets.US_ASCII))).toString());
        }
        SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("dpop+jwt")).jwk(tpp.dpopKey().toPublicJWK()).build(), claims.build());
        proof.sign(new ECDSASigner(tpp.dpopKey().toECKey()));
        return proof;
    }

    private static void assertOAuthError(HTTPResponse response, int status, String error) throws Exception {
        FapiAuthorizationServerRulesTest.assertOAuthError(response, status, error);
        BadInputTest.assertNoInternals(response.getBody());
    }

    /** RFC 6750 §3 / RFC 9449 §7.1: 401 with a DPoP challenge, and no user information. */
    private static void assertUnauthorized(HTTPResponse response) {
        assertThat(response.getStatusCode()).as("status of %s", response.getBody()).isEqualTo(401);
        assertThat(response.getHeaderValue("WWW-Authenticate")).as("challenge").isNotNull();
        assertThat(response.getBody() == null ? "" : response.getBody()).doesNotContain("\"sub\"");
        BadInputTest.assertNoInternals(response.getBody());
    }

    private static HTTPRequest refreshRequest(TestTpp tpp, RefreshToken refreshToken) {
        return new TokenRequest(tpp.metadata().getTokenEndpointURI(), tpp.clientAuthentication(),
                new RefreshTokenGrant(refreshToken)).toHTTPRequest();
    }

    private static DefaultDPoPProofFactory otherKey() throws Exception {
        return new DefaultDPoPProofFactory(TestTpp.newKey(), JWSAlgorithm.ES256);
    }
}

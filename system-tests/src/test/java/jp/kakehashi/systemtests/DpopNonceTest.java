package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.systemtests.support.CustomerAgent;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.Test;

/**
 * RFC 9449 §8 server-provided nonces, for a client the bank requires them of: a proof without the nonce is answered
 * with {@code use_dpop_nonce} and the nonce to use, and the retry with it succeeds.
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

    private TestTpp nonceRequiringTpp() throws Exception {
        TestTpp registered = TestTpp.register(platform, Set.of("accounts"));
        var key = TestTpp.newKey();
        String clientId = "nonce-" + UUID.randomUUID();
        platform.bean(Tpps.class).registerClient(new TppClient(clientId, registered.tppId(), "nonce client",
                List.of(TestTpp.REDIRECT_URI.toString()), new JWKSet(key.toPublicJWK()).toString(), null,
                TppClient.AuthMethod.PRIVATE_KEY_JWT, null, TppClient.SenderConstraint.DPOP, true));
        return TestTpp.forClient(platform, registered.tppId(), clientId, key);
    }
}

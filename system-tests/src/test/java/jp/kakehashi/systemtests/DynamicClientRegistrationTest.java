package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformationResponse;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationRequest;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationResponseParser;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.RegistrationTokens;
import org.junit.jupiter.api.Test;

/**
 * RFC 7591 dynamic client registration with a bank-issued initial access token, through the Nimbus SDK: a TPP
 * registers its own FAPI client and can use it at once; it cannot ask for more than it is approved for (B5), nor
 * register without a valid token, nor reuse the token.
 */
class DynamicClientRegistrationTest {

    private final RunningPlatform platform = RunningPlatform.get();
    private final RegistrationTokens tokens = platform.bean(RegistrationTokens.class);

    @Test
    void registerWhenTokenValidThenClientIsCreatedAndCompletesTheFlow() throws Exception {
        TestTpp bankRegistered = TestTpp.register(platform, Set.of("accounts"));
        var key = TestTpp.newKey();
        String token = tokens.issue(bankRegistered.tppId(), Duration.ofDays(1));

        ClientRegistrationResponse response = register(bankRegistered, token, metadata(key, "openid accounts"));

        assertThat(response.indicatesSuccess()).as("%s", response instanceof ClientRegistrationErrorResponse e
                ? e.getErrorObject().toJSONObject() : "").isTrue();
        var info = ((OIDCClientInformationResponse) response).getOIDCClientInformation();
        assertThat(info.getMetadata().getTokenEndpointAuthMethod()).isEqualTo(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        assertThat(info.getMetadata().getDPoPBoundAccessTokens()).isTrue();
        var dynamic = TestTpp.forClient(platform, bankRegistered.tppId(), info.getID().getValue(), key);
        assertThat(Connection.establish(platform, dynamic, "sato", "openid", "accounts").userInfoStatus()).isEqualTo(200);

        var again = register(bankRegistered, token, metadata(TestTpp.newKey(), "openid accounts"));
        assertThat(again.indicatesSuccess()).as("an initial access token registers one client only").isFalse();
        assertThat(((ClientRegistrationErrorResponse) again).getErrorObject().getHTTPStatusCode()).isEqualTo(401);
    }

    @Test
    void registerWhenScopeRequestedThenTheClientGetsExactlyThatWithOpenidAndNothingMore() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));
        var key = TestTpp.newKey();

        var info = registered(register(tpp, tokens.issue(tpp.tppId(), Duration.ofDays(1)),
                metadata(key, "openid accounts")));

        assertThat(info.getMetadata().getScope()).isEqualTo(new Scope("openid", "accounts"));
        var dynamic = TestTpp.forClient(platform, tpp.tppId(), info.getID().getValue(), key);
        assertThat(Connection.establish(platform, dynamic, "sato", "openid", "accounts").userInfoStatus())
                .isEqualTo(200);
        var beyondRegistration = dynamic.pushForResponse(dynamic.authorizationRequest(
                new Scope("openid", "balances"), new com.nimbusds.oauth2.sdk.pkce.CodeVerifier()).build());
        assertThat(beyondRegistration.getStatusCode()).as(beyondRegistration.getBody()).isEqualTo(400);
        assertThat(beyondRegistration.getContentAsJSONObject().get("error")).isEqualTo("invalid_scope");
    }

    @Test
    void registerWhenNoScopeRequestedThenTheTppsApprovedScopesWithOpenid() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts", "balances"));

        var info = registered(register(tpp, tokens.issue(tpp.tppId(), Duration.ofDays(1)),
                metadata(TestTpp.newKey(), null)));

        assertThat(info.getMetadata().getScope()).isEqualTo(new Scope("openid", "accounts", "balances"));
    }

    @Test
    void registerWhenScopeNotApprovedThenRefusedAndTokenStillUsable() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        String token = tokens.issue(tpp.tppId(), Duration.ofDays(1));

        var refused = register(tpp, token, metadata(TestTpp.newKey(), "openid accounts transfers"));

        assertThat(refused.indicatesSuccess()).isFalse();
        assertThat(((ClientRegistrationErrorResponse) refused).getErrorObject().getCode())
                .isEqualTo("invalid_client_metadata");
        assertThat(((ClientRegistrationErrorResponse) refused).getErrorObject().getDescription())
                .as("names the scope that is not approved").contains("transfers").doesNotContain("accounts");
        assertThat(register(tpp, token, metadata(TestTpp.newKey(), "openid accounts")).indicatesSuccess()).isTrue();
    }

    @Test
    void registerWhenNoOrUnknownTokenThenInvalidToken() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var response = register(tpp, "not-a-token", metadata(TestTpp.newKey(), "openid accounts"));

        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(((ClientRegistrationErrorResponse) response).getErrorObject().getCode()).isEqualTo("invalid_token");
    }

    @Test
    void registerWhenNotFapiClientThenInvalidClientMetadataOrRedirectUri() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var secretClient = metadata(TestTpp.newKey(), "openid accounts");
        secretClient.setTokenEndpointAuthMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        var httpRedirect = metadata(TestTpp.newKey(), "openid accounts");
        httpRedirect.setRedirectionURI(URI.create("http://tpp.example/callback"));

        var first = register(tpp, tokens.issue(tpp.tppId(), Duration.ofDays(1)), secretClient);
        var second = register(tpp, tokens.issue(tpp.tppId(), Duration.ofDays(1)), httpRedirect);

        assertThat(((ClientRegistrationErrorResponse) first).getErrorObject().getCode())
                .isEqualTo("invalid_client_metadata");
        assertThat(((ClientRegistrationErrorResponse) second).getErrorObject().getCode())
                .isEqualTo("invalid_redirect_uri");
    }

    /** The bank's extension {@code dpop_nonce_required} (RFC 7591 §2): registered, echoed, and enforced (RFC 9449 §8). */
    @Test
    void registerWhenDpopNonceRequiredThenEchoedAndTheClientsProofsMustCarryANonce() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var key = TestTpp.newKey();
        var metadata = metadata(key, "openid accounts");
        metadata.setCustomField("dpop_nonce_required", true);

        var response = register(tpp, tokens.issue(tpp.tppId(), Duration.ofDays(1)), metadata);

        assertThat(response.indicatesSuccess()).as("%s", response instanceof ClientRegistrationErrorResponse e
                ? e.getErrorObject().toJSONObject() : "").isTrue();
        var info = ((OIDCClientInformationResponse) response).getOIDCClientInformation();
        assertThat(info.getMetadata().getCustomField("dpop_nonce_required")).isEqualTo(true);
        // and kept: the client's token requests are held to it
        var dynamic = TestTpp.forClient(platform, tpp.tppId(), info.getID().getValue(), key);
        var verifier = new com.nimbusds.oauth2.sdk.pkce.CodeVerifier();
        var code = Connection.authorizationCode(platform, dynamic, "sato", verifier, "openid", "accounts");
        var token = dynamic.sendWithDpop(dynamic.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null);
        assertThat(token.getStatusCode()).isEqualTo(400);
        assertThat(token.getContentAsJSONObject().get("error")).isEqualTo("use_dpop_nonce");
    }

    @Test
    void registerWhenDpopNonceNotAskedForThenEchoedFalse() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var key = TestTpp.newKey();

        var response = register(tpp, tokens.issue(tpp.tppId(), Duration.ofDays(1)), metadata(key, "openid accounts"));

        var info = ((OIDCClientInformationResponse) response).getOIDCClientInformation();
        assertThat(info.getMetadata().getCustomField("dpop_nonce_required")).isEqualTo(false);
        // and kept: the client's first token request, with a proof without a nonce, is answered
        var dynamic = TestTpp.forClient(platform, tpp.tppId(), info.getID().getValue(), key);
        var verifier = new com.nimbusds.oauth2.sdk.pkce.CodeVerifier();
        var code = Connection.authorizationCode(platform, dynamic, "sato", verifier, "openid", "accounts");
        var token = dynamic.sendWithDpop(dynamic.codeTokenRequest(code, TestTpp.REDIRECT_URI, verifier), null);
        assertThat(token.getStatusCode()).as(token.getBody()).isEqualTo(200);
    }

    @Test
    void registerWhenDpopNonceRequiredWithCertificateBoundTokensThenInvalidClientMetadata() throws Exception {
        TestTpp tpp = TestTpp.register(platform, Set.of("accounts"));
        var metadata = metadata(TestTpp.newKey(), "openid accounts");
        metadata.setDPoPBoundAccessTokens(false);
        metadata.setTLSClientCertificateBoundAccessTokens(true);
        metadata.setCustomField("dpop_nonce_required", true);

        var response = register(tpp, tokens.issue(tpp.tppId(), Duration.ofDays(1)), metadata);

        assertThat(((ClientRegistrationErrorResponse) response).getErrorObject().getCode())
                .isEqualTo("invalid_client_metadata");
    }

    private static OIDCClientMetadata metadata(com.nimbusds.jose.jwk.ECKey key, String scope) {
        var metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(TestTpp.REDIRECT_URI);
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        metadata.setJWKSet(new JWKSet(key.toPublicJWK()));
        metadata.setScope(scope == null ? null : Scope.parse(scope));
        metadata.setName("Dynamically registered client");
        metadata.setDPoPBoundAccessTokens(true);
        return metadata;
    }

    private static com.nimbusds.openid.connect.sdk.rp.OIDCClientInformation registered(
            ClientRegistrationResponse response) {
        assertThat(response.indicatesSuccess()).as("%s", response instanceof ClientRegistrationErrorResponse e
                ? e.getErrorObject().toJSONObject() : "").isTrue();
        return ((OIDCClientInformationResponse) response).getOIDCClientInformation();
    }

    private ClientRegistrationResponse register(TestTpp tpp, String token, OIDCClientMetadata metadata)
            throws Exception {
        var request = new OIDCClientRegistrationRequest(tpp.metadata().getRegistrationEndpointURI(), metadata,
                new BearerAccessToken(token));
        return OIDCClientRegistrationResponseParser.parse(tpp.send(request.toHTTPRequest()));
    }
}

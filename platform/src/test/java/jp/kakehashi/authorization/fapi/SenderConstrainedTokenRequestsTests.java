package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.AuthorizationServerDpopProofsTests.assertInvalidDpopProof;
import static jp.kakehashi.authorization.fapi.AuthorizationServerDpopProofsTests.errorOf;
import static jp.kakehashi.authorization.fapi.TestFapiClients.AUTHORIZATION_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.CLIENT_ID;
import static jp.kakehashi.authorization.fapi.TestFapiClients.REDIRECT_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.TOKEN_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.authenticated;
import static jp.kakehashi.authorization.fapi.TestFapiClients.dpopClient;
import static jp.kakehashi.authorization.fapi.TestFapiClients.ecKey;
import static jp.kakehashi.authorization.fapi.TestFapiClients.mtlsClient;
import static jp.kakehashi.authorization.fapi.TestFapiClients.nonceRequired;
import static jp.kakehashi.authorization.fapi.TestFapiClients.thumbprint;
import static jp.kakehashi.authorization.fapi.TestFapiJwts.dpopProof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.nimbusds.jose.jwk.ECKey;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.keys.TestServerSecrets;
import jp.kakehashi.authorization.token.TestResourceDpopProofs;
import jp.kakehashi.authorization.token.VerifiedDpopProof;
import jp.kakehashi.consent.Grants;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * The token endpoint's FAPI rules around Spring's code and refresh providers: only sender-constrained tokens
 * (FAPI 2.0 §5.3.2.1: a DPoP client must prove its key), proofs verified once with single-use jtis in the shared
 * store (RFC 9449 §11.1, B7), codes bound by {@code dpop_jkt} (§10), key rotation at refresh for confidential clients
 * only (§5), server nonces where required (§8), and the grant activated at the first redemption of its code.
 */
class SenderConstrainedTokenRequestsTests {

    private static final Authentication TOKENS = new TestingAuthenticationToken("tokens", null);

    private final AuthenticationProvider delegate = mock(AuthenticationProvider.class);
    private final OAuth2AuthorizationService authorizations = mock(OAuth2AuthorizationService.class);
    private final Grants grants = mock(Grants.class);
    private final DpopNonces nonces = new DpopNonces(TestServerSecrets.random(), Clock.systemUTC());
    private final SenderConstrainedTokenRequests provider = new SenderConstrainedTokenRequests(delegate,
            authorizations, TestResourceDpopProofs.of(new MemorySeenJtis()), grants, nonces);
    private final ECKey key = ecKey();
    private final RegisteredClient dpopClient = dpopClient().build();

    SenderConstrainedTokenRequestsTests() {
        when(delegate.authenticate(any())).thenReturn(TOKENS);
    }

    @Test
    void authenticateWhenDpopClientSendsNoProofThenThrowInvalidDpopProof() {
        assertInvalidDpopProof(() -> provider.authenticate(code(dpopClient, null)), "a DPoP proof is required");
        verifyNoInteractions(delegate, grants);
    }

    @Test
    void authenticateWhenMtlsClientSendsNoProofThenSpringIssuesTokensWithoutProof() {
        assertThat(provider.authenticate(code(mtlsClient().build(), null))).isSameAs(TOKENS);

        assertThat(handed().getAdditionalParameters()).doesNotContainKey(VerifiedDpopProof.PARAMETER);
    }

    @Test
    void authenticateWhenDpopClientSendsAValidProofThenSpringGetsTheVerifiedProofInPlaceOfItsOwn() {
        var request = code(dpopClient, dpopProof(key, TOKEN_URI).serialize());
        request.setDetails("details");

        assertThat(provider.authenticate(request)).isSameAs(TOKENS);

        var handed = (OAuth2AuthorizationCodeAuthenticationToken) handed();
        assertThat(handed.getCode()).isEqualTo("the-code");
        assertThat(handed.getRedirectUri()).isEqualTo(REDIRECT_URI);
        assertThat(handed.getDetails()).isEqualTo("details");
        assertThat(handed.getAdditionalParameters()).doesNotContainKeys("dpop_proof", "dpop_method", "dpop_target_uri")
                .containsEntry("other", "kept");
        assertThat(handed.getAdditionalParameters().get(VerifiedDpopProof.PARAMETER)).isInstanceOfSatisfying(Jwt.class,
                proof -> assertThat(AuthorizationServerDpopProofs.thumbprint(proof)).isEqualTo(thumbprint(key)));
    }

    @Test
    void authenticateWhenTheProofIsForAnotherEndpointThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, TestFapiClients.PAR_URI).serialize();

        assertInvalidDpopProof(() -> provider.authenticate(code(dpopClient, proof)), "htu");
        verifyNoInteractions(delegate);
    }

    @Test
    void authenticateWhenTheProofWasUsedAlreadyThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, TOKEN_URI).serialize();
        provider.authenticate(code(dpopClient, proof));

        assertInvalidDpopProof(() -> provider.authenticate(code(dpopClient, proof)), "already used");
    }

    @Test
    void authenticateWhenNoncesAreRequiredAndTheProofHasNoneThenThrowUseDpopNonce() {
        var error = errorOf(() -> provider.authenticate(code(nonceRequired(dpopClient),
                dpopProof(key, TOKEN_URI).serialize())));

        assertThat(error.getErrorCode()).isEqualTo(AuthorizationErrorCode.USE_DPOP_NONCE.code());
        verifyNoInteractions(delegate);
    }

    @Test
    void authenticateWhenNoncesAreRequiredAndTheProofHasAnUnknownOneThenThrowUseDpopNonce() {
        var error = errorOf(() -> provider.authenticate(code(nonceRequired(dpopClient),
                dpopProof(key, TOKEN_URI).claim("nonce", "stale").serialize())));

        assertThat(error.getErrorCode()).isEqualTo(AuthorizationErrorCode.USE_DPOP_NONCE.code());
    }

    @Test
    void authenticateWhenNoncesAreRequiredAndTheProofHasTheCurrentOneThenTokensAreIssued() {
        String proof = dpopProof(key, TOKEN_URI).claim("nonce", nonces.current()).serialize();

        assertThat(provider.authenticate(code(nonceRequired(dpopClient), proof))).isSameAs(TOKENS);
    }

    @Test
    void authenticateWhenTheCodeIsRedeemedThenItsGrantBecomesActive() {
        when(authorizations.findByToken(eq("the-code"), any())).thenReturn(authorization(null));

        provider.authenticate(code(dpopClient, dpopProof(key, TOKEN_URI).serialize()));

        verify(grants).activate("authorization-1");
    }

    @Test
    void authenticateWhenTheCodeIsUnknownThenSpringRefusesItAndNoGrantIsActivated() {
        provider.authenticate(code(dpopClient, dpopProof(key, TOKEN_URI).serialize()));

        verify(delegate).authenticate(any());
        verify(grants, never()).activate(any());
    }

    @Test
    void authenticateWhenSpringIssuesNothingThenNoGrantIsActivated() {
        when(authorizations.findByToken(eq("the-code"), any())).thenReturn(authorization(null));
        when(delegate.authenticate(any())).thenReturn(null);

        provider.authenticate(code(dpopClient, dpopProof(key, TOKEN_URI).serialize()));

        verify(grants, never()).activate(any());
    }

    @Test
    void authenticateWhenTheCodeWasRequestedWithDpopJktAndTheProofIsOfThatKeyThenTokensAreIssued() {
        when(authorizations.findByToken(eq("the-code"), any())).thenReturn(authorization(thumbprint(key)));

        assertThat(provider.authenticate(code(dpopClient, dpopProof(key, TOKEN_URI).serialize()))).isSameAs(TOKENS);
    }

    @Test
    void authenticateWhenTheCodeWasRequestedWithDpopJktAndTheProofIsOfAnotherKeyThenThrowInvalidGrant() {
        when(authorizations.findByToken(eq("the-code"), any())).thenReturn(authorization(thumbprint(ecKey())));

        var error = errorOf(() -> provider.authenticate(code(dpopClient, dpopProof(key, TOKEN_URI).serialize())));

        assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT);
        assertThat(error.getDescription()).contains("dpop_jkt");
        verifyNoInteractions(delegate, grants);
    }

    @Test
    void authenticateWhenTheCodeWasRequestedWithDpopJktAndNoProofIsSentThenThrowInvalidGrant() {
        when(authorizations.findByToken(eq("the-code"), any())).thenReturn(authorization(thumbprint(key)));

        var error = errorOf(() -> provider.authenticate(code(mtlsClient().build(), null)));

        assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_GRANT);
    }

    @Test
    void authenticateWhenAConfidentialClientRefreshesWithANewKeyThenTheNewTokenIsBoundToIt() {
        when(authorizations.findByToken(eq("the-refresh-token"), eq(OAuth2TokenType.REFRESH_TOKEN)))
                .thenReturn(boundTo(thumbprint(key)));
        var newKey = ecKey();
        var refresh = refresh(authenticated(dpopClient), dpopProof(newKey, TOKEN_URI).serialize());

        assertThat(provider.authenticate(refresh)).isSameAs(TOKENS);

        var handed = (OAuth2RefreshTokenAuthenticationToken) handed();
        assertThat(handed.getRefreshToken()).isEqualTo("the-refresh-token");
        assertThat(handed.getScopes()).containsExactly("accounts");
        assertThat((Jwt) handed.getAdditionalParameters().get(VerifiedDpopProof.PARAMETER))
                .satisfies(proof -> assertThat(AuthorizationServerDpopProofs.thumbprint(proof))
                        .isEqualTo(thumbprint(newKey)));
        verify(grants, never()).activate(any());
    }

    @Test
    void authenticateWhenAPublicClientRefreshesWithAnotherKeyThanItsTokensThenThrowInvalidDpopProof() {
        when(authorizations.findByToken(eq("the-refresh-token"), eq(OAuth2TokenType.REFRESH_TOKEN)))
                .thenReturn(boundTo(thumbprint(key)));
        var refresh = refresh(publicClient(), dpopProof(ecKey(), TOKEN_URI).serialize());

        assertInvalidDpopProof(() -> provider.authenticate(refresh), "not the one this grant's tokens are bound to");
        verifyNoInteractions(delegate);
    }

    @Test
    void authenticateWhenAPublicClientRefreshesWithTheKeyOfItsTokensThenTokensAreIssued() {
        when(authorizations.findByToken(eq("the-refresh-token"), eq(OAuth2TokenType.REFRESH_TOKEN)))
                .thenReturn(boundTo(thumbprint(key)));

        assertThat(provider.authenticate(refresh(publicClient(), dpopProof(key, TOKEN_URI).serialize())))
                .isSameAs(TOKENS);
    }

    @Test
    void supportsWhenSpringsProviderSupportsTheGrantThenTrue() {
        when(delegate.supports(OAuth2RefreshTokenAuthenticationToken.class)).thenReturn(true);

        assertThat(provider.supports(OAuth2RefreshTokenAuthenticationToken.class)).isTrue();
        assertThat(provider.supports(OAuth2AuthorizationCodeAuthenticationToken.class)).isFalse();
    }

    /** What Spring's provider was given. */
    private OAuth2AuthorizationGrantAuthenticationToken handed() {
        var captor = ArgumentCaptor.forClass(Authentication.class);
        verify(delegate).authenticate(captor.capture());
        return (OAuth2AuthorizationGrantAuthenticationToken) captor.getValue();
    }

    private static OAuth2AuthorizationCodeAuthenticationToken code(RegisteredClient client, String proof) {
        return new OAuth2AuthorizationCodeAuthenticationToken("the-code", authenticated(client), REDIRECT_URI,
                proofParameters(proof));
    }

    private static OAuth2RefreshTokenAuthenticationToken refresh(OAuth2ClientAuthenticationToken client,
            String proof) {
        return new OAuth2RefreshTokenAuthenticationToken("the-refresh-token", client, Set.of("accounts"),
                proofParameters(proof));
    }

    /** The parameters Spring's token endpoint converters add for a DPoP header. */
    private static Map<String, Object> proofParameters(String proof) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("other", "kept");
        if (proof != null) {
            parameters.put("dpop_proof", proof);
            parameters.put("dpop_method", "POST");
            parameters.put("dpop_target_uri", TOKEN_URI);
        }
        return parameters;
    }

    private OAuth2ClientAuthenticationToken publicClient() {
        return new OAuth2ClientAuthenticationToken(dpopClient, ClientAuthenticationMethod.NONE, null);
    }

    /** The authorization a code was issued in, its request carrying {@code dpop_jkt} if given. */
    private OAuth2Authorization authorization(String dpopJkt) {
        var request = OAuth2AuthorizationRequest.authorizationCode().authorizationUri(AUTHORIZATION_URI)
                .clientId(CLIENT_ID).redirectUri(REDIRECT_URI).scopes(Set.of("accounts")).state("state")
                .additionalParameters(dpopJkt == null ? Map.of() : Map.of("dpop_jkt", dpopJkt)).build();
        return OAuth2Authorization.withRegisteredClient(dpopClient).id("authorization-1").principalName("customer")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(OAuth2AuthorizationRequest.class.getName(), request).build();
    }

    /** An authorization whose access token is DPoP-bound ({@code cnf.jkt}) to {@code jkt}. */
    private OAuth2Authorization boundTo(String jkt) {
        var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.DPOP, "access", Instant.now(),
                Instant.now().plusSeconds(300));
        return OAuth2Authorization.from(authorization(null))
                .token(accessToken, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                        Map.of("cnf", Map.of("jkt", jkt))))
                .build();
    }
}

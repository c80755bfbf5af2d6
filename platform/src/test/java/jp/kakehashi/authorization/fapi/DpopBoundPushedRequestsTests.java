package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.AuthorizationServerDpopProofsTests.assertInvalidDpopProof;
import static jp.kakehashi.authorization.fapi.TestFapiClients.AUTHORIZATION_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.CLIENT_ID;
import static jp.kakehashi.authorization.fapi.TestFapiClients.PAR_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.REDIRECT_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.TOKEN_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.authenticated;
import static jp.kakehashi.authorization.fapi.TestFapiClients.dpopClient;
import static jp.kakehashi.authorization.fapi.TestFapiClients.ecKey;
import static jp.kakehashi.authorization.fapi.TestFapiClients.nonceRequired;
import static jp.kakehashi.authorization.fapi.TestFapiClients.thumbprint;
import static jp.kakehashi.authorization.fapi.TestFapiJwts.dpopProof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.jwk.ECKey;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.keys.TestServerSecrets;
import jp.kakehashi.authorization.token.TestResourceDpopProofs;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * A {@code DPoP} header at the PAR endpoint (RFC 9449 §10.1): verified as at the token endpoint, it binds the request
 * to the proof's key as {@code dpop_jkt} would (§10); with both, they must name the same key; a client the bank
 * requires nonces of must use one (§8). Refusals are {@code invalid_dpop_proof} or {@code use_dpop_nonce}.
 */
class DpopBoundPushedRequestsTests {

    private final MemorySeenJtis seenJtis = new MemorySeenJtis();
    private final DpopNonces nonces = new DpopNonces(TestServerSecrets.random(), Clock.systemUTC());
    private final ECKey key = ecKey();
    private RegisteredClient client = dpopClient().build();
    private Map<String, Object> pushedParameters = Map.of();

    private final DpopBoundPushedRequests converter = new DpopBoundPushedRequests(request -> pushed(),
            new AuthorizationServerDpopProofs(TestResourceDpopProofs.of(seenJtis)), nonces);

    @Test
    void convertWhenNoDpopHeaderThenSpringsRequestUnchanged() {
        var request = parRequest();

        var converted = (OAuth2PushedAuthorizationRequestAuthenticationToken) converter.convert(request);

        assertThat(converted.getAdditionalParameters()).doesNotContainKey(DpopBoundPushedRequests.DPOP_JKT);
        assertThat(seenJtis.uses).isEmpty();
    }

    @Test
    void convertWhenSpringsConverterDoesNotTakeTheRequestThenItsAnswerUnchanged() {
        Authentication other = new TestingAuthenticationToken("other", null);
        var passing = new DpopBoundPushedRequests(request -> other,
                new AuthorizationServerDpopProofs(TestResourceDpopProofs.of(seenJtis)), nonces);

        assertThat(passing.convert(parRequest(dpopProof(key, PAR_URI).serialize()))).isSameAs(other);
        assertThat(seenJtis.uses).isEmpty();
    }

    @Test
    void convertWhenValidProofThenTheRequestIsBoundToItsKeyAsDpopJkt() {
        var converted = (OAuth2PushedAuthorizationRequestAuthenticationToken) converter
                .convert(parRequest(dpopProof(key, PAR_URI).serialize()));

        assertThat(converted.getAdditionalParameters()).containsEntry(DpopBoundPushedRequests.DPOP_JKT, thumbprint(key))
                .containsEntry("kept", "yes");
        assertThat(converted.getClientId()).isEqualTo(CLIENT_ID);
        assertThat(converted.getRedirectUri()).isEqualTo(REDIRECT_URI);
        assertThat(converted.getState()).isEqualTo("state");
        assertThat(converted.getScopes()).containsExactly("accounts");
        assertThat(seenJtis.uses).hasSize(1);
    }

    @Test
    void convertWhenDpopJktNamesTheProofsKeyThenAccepted() {
        pushedParameters = Map.of(DpopBoundPushedRequests.DPOP_JKT, thumbprint(key));

        var converted = (OAuth2PushedAuthorizationRequestAuthenticationToken) converter
                .convert(parRequest(dpopProof(key, PAR_URI).serialize()));

        assertThat(converted.getAdditionalParameters()).containsEntry(DpopBoundPushedRequests.DPOP_JKT, thumbprint(key));
    }

    @Test
    void convertWhenDpopJktNamesAnotherKeyThenThrowInvalidDpopProof() {
        pushedParameters = Map.of(DpopBoundPushedRequests.DPOP_JKT, thumbprint(ecKey()));

        assertInvalidDpopProof(() -> converter.convert(parRequest(dpopProof(key, PAR_URI).serialize())),
                "not the one dpop_jkt names");
    }

    @Test
    void convertWhenTwoDpopHeadersThenThrowInvalidDpopProof() {
        var request = parRequest(dpopProof(key, PAR_URI).serialize(), dpopProof(key, PAR_URI).serialize());

        assertInvalidDpopProof(() -> converter.convert(request), "exactly one DPoP header");
    }

    @Test
    void convertWhenTheProofIsForTheTokenEndpointThenThrowInvalidDpopProof() {
        assertInvalidDpopProof(() -> converter.convert(parRequest(dpopProof(key, TOKEN_URI).serialize())), "htu");
    }

    @Test
    void convertWhenTheProofWasUsedAlreadyThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, PAR_URI).serialize();
        converter.convert(parRequest(proof));

        assertInvalidDpopProof(() -> converter.convert(parRequest(proof)), "already used");
    }

    @Test
    void convertWhenTheClientMustUseNoncesAndTheProofHasNoneThenThrowUseDpopNonce() {
        client = nonceRequired(client);

        assertThatExceptionOfType(OAuth2AuthenticationException.class)
                .isThrownBy(() -> converter.convert(parRequest(dpopProof(key, PAR_URI).serialize())))
                .extracting(OAuth2AuthenticationException::getError).satisfies(error -> {
                    assertThat(error.getErrorCode()).isEqualTo(AuthorizationErrorCode.USE_DPOP_NONCE.code());
                    assertThat(error.getDescription()).contains("DPoP-Nonce");
                });
    }

    @Test
    void convertWhenTheClientMustUseNoncesAndTheProofHasTheCurrentOneThenAccepted() {
        client = nonceRequired(client);

        var converted = (OAuth2PushedAuthorizationRequestAuthenticationToken) converter.convert(
                parRequest(dpopProof(key, PAR_URI).claim("nonce", nonces.current()).serialize()));

        assertThat(converted.getAdditionalParameters()).containsEntry(DpopBoundPushedRequests.DPOP_JKT, thumbprint(key));
    }

    @Test
    void convertWhenTheClientNeedNotUseNoncesThenAProofWithoutOneIsAccepted() {
        assertThat(converter.convert(parRequest(dpopProof(key, PAR_URI).serialize()))).isNotNull();
    }

    private OAuth2PushedAuthorizationRequestAuthenticationToken pushed() {
        var parameters = new java.util.LinkedHashMap<String, Object>(pushedParameters);
        parameters.put("kept", "yes");
        return new OAuth2PushedAuthorizationRequestAuthenticationToken(AUTHORIZATION_URI, CLIENT_ID,
                authenticated(client), REDIRECT_URI, "state", Set.of("accounts"), parameters);
    }

    private static MockHttpServletRequest parRequest(String... proofs) {
        var request = new MockHttpServletRequest("POST", "/oauth2/par");
        request.setScheme("https");
        request.setServerName("bank.example");
        request.setServerPort(443);
        request.setSecure(true);
        for (String proof : proofs) {
            request.addHeader("DPoP", proof);
        }
        return request;
    }
}

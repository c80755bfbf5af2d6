package jp.kakehashi.authorization.fapi;

import static jp.kakehashi.authorization.fapi.TestFapiClients.TOKEN_URI;
import static jp.kakehashi.authorization.fapi.TestFapiClients.ecKey;
import static jp.kakehashi.authorization.fapi.TestFapiClients.rsaKey;
import static jp.kakehashi.authorization.fapi.TestFapiClients.thumbprint;
import static jp.kakehashi.authorization.fapi.TestFapiJwts.dpopProof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;
import java.util.Map;
import jp.kakehashi.authorization.replay.JtiKind;
import jp.kakehashi.authorization.token.TestResourceDpopProofs;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * DPoP proofs at the token and PAR endpoints (RFC 9449 §4.3, §10.1; FAPI 2.0 §5.4.1 algorithms; B7 single use across
 * nodes): every refusal is {@code invalid_dpop_proof}, and only a proof that passed every check is recorded.
 */
class AuthorizationServerDpopProofsTests {

    private final MemorySeenJtis seenJtis = new MemorySeenJtis();
    private final AuthorizationServerDpopProofs proofs =
            new AuthorizationServerDpopProofs(TestResourceDpopProofs.of(seenJtis));
    private final ECKey key = ecKey();

    @Test
    void verifyWhenEs256ProofForThisRequestThenReturnsItAndRecordsItsJti() {
        Jwt verified = proofs.verify(dpopProof(key, TOKEN_URI).serialize(), "POST", TOKEN_URI);

        assertThat(verified.getClaimAsString("htu")).isEqualTo(TOKEN_URI);
        assertThat(AuthorizationServerDpopProofs.thumbprint(verified)).isEqualTo(thumbprint(key));
        assertThat(seenJtis.uses).singleElement().satisfies(use -> {
            assertThat(use.kind()).isEqualTo(JtiKind.DPOP_PROOF);
            assertThat(use.scope()).isEqualTo(thumbprint(key));
        });
    }

    @Test
    void verifyWhenPs256ProofThenAccepted() {
        var rsa = rsaKey();

        Jwt verified = proofs.verify(dpopProof(rsa, TOKEN_URI).serialize(), "POST", TOKEN_URI);

        assertThat(AuthorizationServerDpopProofs.thumbprint(verified)).isEqualTo(thumbprint(rsa));
    }

    @Test
    void verifyWhenHtuDiffersOnlyByCaseDefaultPortAndQueryThenAccepted() {
        String proof = dpopProof(key, "HTTPS://Bank.Example:443/oauth2/token?x=1").serialize();

        assertThat(proofs.verify(proof, "POST", TOKEN_URI)).isNotNull();
    }

    @Test
    void verifyWhenNotAJwtThenThrowInvalidDpopProof() {
        assertInvalidDpopProof(() -> proofs.verify("not-a-jwt", "POST", TOKEN_URI), "not a signed JWT");
    }

    @Test
    void verifyWhenRs256ThenThrowInvalidDpopProof() {
        String proof = dpopProof(rsaKey(), TOKEN_URI).algorithm(JWSAlgorithm.RS256).serialize();

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "PS256 or ES256");
    }

    @Test
    void verifyWhenHs256ThenThrowInvalidDpopProof() {
        String proof = TestFapiJwts.hs256(Map.of("htm", "POST", "htu", TOKEN_URI, "jti", "1",
                "iat", Instant.now().getEpochSecond()));

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "PS256 or ES256");
    }

    @Test
    void verifyWhenTypIsNotDpopJwtThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, TOKEN_URI).type("JWT").serialize();

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "invalid");
    }

    @Test
    void verifyWhenNoJwkInTheHeaderThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, TOKEN_URI).embedKey(false).serialize();

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "invalid");
    }

    @Test
    void verifyWhenSignedWithAnotherKeyThanTheHeadersThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, TOKEN_URI).signedWith(ecKey()).serialize();

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "invalid");
        assertThat(seenJtis.uses).isEmpty();
    }

    @Test
    void verifyWhenHtmIsNotTheRequestMethodThenThrowInvalidDpopProofAndRecordNothing() {
        String proof = dpopProof(key, TOKEN_URI).claim("htm", "GET").serialize();

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "htm");
        assertThat(seenJtis.uses).as("a refused proof is never recorded (RFC 9449 §11.1)").isEmpty();
    }

    @Test
    void verifyWhenHtuIsAnotherEndpointThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, TestFapiClients.PAR_URI).serialize();

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "htu");
        assertThat(seenJtis.uses).isEmpty();
    }

    @Test
    void verifyWhenIssuedLongAgoThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, TOKEN_URI).issuedAt(Instant.now().minusSeconds(600)).serialize();

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "iat");
        assertThat(seenJtis.uses).isEmpty();
    }

    @Test
    void verifyWhenIssuedFarInTheFutureThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, TOKEN_URI).issuedAt(Instant.now().plusSeconds(600)).serialize();

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "iat");
        assertThat(seenJtis.uses).isEmpty();
    }

    @Test
    void verifyWhenNoJtiThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, TOKEN_URI).claim("jti", null).serialize();

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "jti");
    }

    @Test
    void verifyWhenTheProofWasUsedAlreadyThenThrowInvalidDpopProof() {
        String proof = dpopProof(key, TOKEN_URI).serialize();
        proofs.verify(proof, "POST", TOKEN_URI);

        assertInvalidDpopProof(() -> proofs.verify(proof, "POST", TOKEN_URI), "already used");
    }

    @Test
    void thumbprintWhenNoJwkHeaderThenThrowInvalidDpopProof() {
        Jwt proof = Jwt.withTokenValue("proof").header("alg", "ES256").claim("jti", "1").build();

        assertInvalidDpopProof(() -> AuthorizationServerDpopProofs.thumbprint(proof), "jwk header");
    }

    static void assertInvalidDpopProof(ThrowingCallable call, String description) {
        assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(call)
                .extracting(OAuth2AuthenticationException::getError).satisfies(error -> {
                    assertThat(error.getErrorCode()).isEqualTo(OAuth2ErrorCodes.INVALID_DPOP_PROOF);
                    assertThat(error.getDescription()).containsIgnoringCase(description);
                });
    }

    static OAuth2Error errorOf(ThrowingCallable call) {
        return assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(call).actual().getError();
    }
}

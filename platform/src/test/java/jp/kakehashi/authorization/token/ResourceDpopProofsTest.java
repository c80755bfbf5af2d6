package jp.kakehashi.authorization.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** FAPI 2.0 §5.4.1 at the resources: DPoP proofs signed with anything but ES256 or PS256 are refused. */
class ResourceDpopProofsTest {

    @Test
    void allowedAlgorithmWhenEs256OrPs256ThenAccepted() {
        assertThat(ResourceDpopProofs.allowedAlgorithm(proof("ES256")).hasErrors()).isFalse();
        assertThat(ResourceDpopProofs.allowedAlgorithm(proof("PS256")).hasErrors()).isFalse();
    }

    @Test
    void allowedAlgorithmWhenRs256OrOtherThenRefusedAsInvalidDpopProof() {
        for (String algorithm : new String[] {"RS256", "ES384", "PS512", "HS256"}) {
            var result = ResourceDpopProofs.allowedAlgorithm(proof(algorithm));
            assertThat(result.hasErrors()).as(algorithm).isTrue();
            assertThat(result.getErrors()).extracting(e -> e.getErrorCode()).containsOnly("invalid_dpop_proof");
        }
    }

    private static Jwt proof(String algorithm) {
        return Jwt.withTokenValue("proof").header("alg", algorithm).header("typ", "dpop+jwt").claim("jti", "1")
                .issuedAt(Instant.now()).build();
    }
}

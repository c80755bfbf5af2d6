package jp.kakehashi.authorization.fapi;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.authorization.token.ResourceDpopProofs;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The DPoP proof check of the authorization server's own endpoints, the token endpoint and PAR (RFC 9449 §4.3, §10.1):
 * a signed JWT, ES256 or PS256, verified by {@link ResourceDpopProofs} (signature with the header's key, {@code typ},
 * {@code htm}, {@code htu}, {@code iat} window) and only then recorded as used in the shared replay store (§11.1,
 * B7). Every refusal is {@code invalid_dpop_proof} (§5.2, §10.1).
 */
final class AuthorizationServerDpopProofs {

    private static final Set<JWSAlgorithm> ALGORITHMS = ResourceDpopProofs.ALGORITHMS.stream()
            .map(JWSAlgorithm::parse).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final ResourceDpopProofs proofs;

    AuthorizationServerDpopProofs(ResourceDpopProofs proofs) {
        this.proofs = proofs;
    }

    /** The verified proof; {@code invalid_dpop_proof} when it is refused for any reason. */
    Jwt verify(String proof, String method, String targetUri) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(proof);
        }
        catch (java.text.ParseException e) {
            throw invalid("the DPoP proof is not a signed JWT");
        }
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw invalid("DPoP proofs must be signed with PS256 or ES256");
        }
        try {
            return proofs.verify(proof, method, targetUri);
        }
        catch (JwtException | IllegalArgumentException refused) {
            // Spring's replay check says "jti claim is invalid"; a missing jti is "jti claim is required"
            throw invalid(refused.getMessage() != null && refused.getMessage().contains("jti claim is invalid")
                    ? "the DPoP proof was already used" : "the DPoP proof is invalid: " + refused.getMessage());
        }
    }

    /** RFC 7638 thumbprint of the proof's key, as {@code dpop_jkt} and {@code cnf.jkt} carry it. */
    @SuppressWarnings("unchecked")
    static String thumbprint(Jwt proof) {
        try {
            return JWK.parse((Map<String, Object>) proof.getHeaders().get("jwk")).computeThumbprint().toString();
        }
        catch (Exception e) {
            throw invalid("the DPoP proof's jwk header is missing or invalid");
        }
    }

    static OAuth2AuthenticationException invalid(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_DPOP_PROOF, description,
                null));
    }
}

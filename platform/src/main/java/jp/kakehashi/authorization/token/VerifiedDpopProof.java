package jp.kakehashi.authorization.token;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;

/**
 * The DPoP proof of a token request, verified once by the bank's own check (shared replay store, {@code htu} through
 * {@link DpopTargetUri}) and handed to token generation in the grant's parameters instead of Spring's
 * {@code dpop_proof}: Spring's providers would verify it again with a check no setting reaches (a string comparison
 * of {@code htu}, a replay cache in each node's memory), and refuse what RFC 9449 §4.3 accepts. The access token is
 * bound ({@code cnf.jkt}) to the key of the proof found here.
 */
public final class VerifiedDpopProof {

    /** The grant parameter holding the verified proof; a client's form parameter is never a {@link Jwt}. */
    public static final String PARAMETER = VerifiedDpopProof.class.getName();

    /** Spring's names for the proof, its method and its target URI among the grant's parameters. */
    private static final java.util.List<String> SPRING_PARAMETERS = java.util.List.of("dpop_proof", "dpop_method",
            "dpop_target_uri");

    private VerifiedDpopProof() {
    }

    /** The grant's parameters with the verified proof in place of Spring's. */
    public static Map<String, Object> replacing(Map<String, Object> parameters, @Nullable Jwt verified) {
        Map<String, Object> replaced = new LinkedHashMap<>(parameters);
        SPRING_PARAMETERS.forEach(replaced::remove);
        replaced.remove(PARAMETER);
        if (verified != null) {
            replaced.put(PARAMETER, verified);
        }
        return replaced;
    }

    /** The verified proof of the request tokens are generated for, or {@code null}. */
    static @Nullable Jwt of(OAuth2TokenContext context) {
        Jwt spring = context.get(OAuth2TokenContext.DPOP_PROOF_KEY);
        if (spring != null) {
            return spring;
        }
        return context.getAuthorizationGrant() instanceof OAuth2AuthorizationGrantAuthenticationToken grant
                && grant.getAdditionalParameters().get(PARAMETER) instanceof Jwt verified ? verified : null;
    }
}

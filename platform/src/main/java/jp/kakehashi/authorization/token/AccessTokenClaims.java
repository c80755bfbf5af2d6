package jp.kakehashi.authorization.token;

import com.nimbusds.jose.jwk.JWK;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.authorization.policy.ScopePolicy;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenClaimsContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Claims of the (opaque, stored-hashed) access token, visible through introspection: the sender constraint
 * ({@code cnf.jkt} for DPoP, {@code cnf.x5t#S256} for mTLS; setting our own customizer replaces Spring's, which
 * added these), the sign-in level, the grant id, and the lifetime from the scope policy (B6).
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<OAuth2TokenClaimsContext> {

    private final ScopePolicy policy;

    AccessTokenClaims(ScopePolicy policy) {
        this.policy = policy;
    }

    @Override
    public void customize(OAuth2TokenClaimsContext context) {
        var claims = context.getClaims();
        Map<String, Object> cnf = confirmation(context);
        if (!cnf.isEmpty()) {
            claims.claim("cnf", cnf);
        }
        claims.claim("client_id", context.getRegisteredClient().getClientId());
        if (context.getAuthorization() != null) {
            claims.claim("grant_id", context.getAuthorization().getId());
        }
        if (context.getPrincipal() instanceof CustomerAuthentication customer) {
            claims.claim("acr", customer.acr().acr());
            claims.claim("auth_time", customer.authTime());
            var decision = policy.decide(context.getAuthorizedScopes(), customer.segment());
            java.time.Instant[] issuedAt = new java.time.Instant[1];
            claims.claims(all -> issuedAt[0] = (java.time.Instant) all.get("iat"));
            claims.expiresAt(issuedAt[0].plus(decision.accessTokenTtl()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> confirmation(OAuth2TokenContext context) {
        Map<String, Object> cnf = new LinkedHashMap<>();
        Jwt proof = context.get(OAuth2TokenContext.DPOP_PROOF_KEY);
        if (proof != null) {
            try {
                cnf.put("jkt", JWK.parse((Map<String, Object>) proof.getHeaders().get("jwk")).computeThumbprint()
                        .toString());
            }
            catch (Exception e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_dpop_proof", "bad jwk header", null));
            }
        }
        if (context.getAuthorizationGrant() != null
                && context.getAuthorizationGrant().getPrincipal() instanceof OAuth2ClientAuthenticationToken client
                && ClientAuthenticationMethod.TLS_CLIENT_AUTH.equals(client.getClientAuthenticationMethod())
                && context.getRegisteredClient().getTokenSettings().isX509CertificateBoundAccessTokens()
                && client.getCredentials() instanceof X509Certificate[] chain) {
            try {
                cnf.put("x5t#S256", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded())));
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return cnf;
    }
}

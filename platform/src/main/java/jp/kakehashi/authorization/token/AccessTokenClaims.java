package jp.kakehashi.authorization.token;

import com.nimbusds.jose.jwk.JWK;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.authorization.grant.GrantManagementRequest;
import jp.kakehashi.authorization.policy.ScopePolicy;
import jp.kakehashi.authorization.rar.AuthorizationDetailsValidator;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenClaimsContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Claims of the (opaque, stored-hashed) access token, visible through introspection: the sender constraint
 * ({@code cnf.jkt} for DPoP, {@code cnf.x5t#S256} for mTLS; setting our own customizer replaces Spring's, which
 * added these), the sign-in level, the grant id, the lifetime from the scope policy (B6), and the authorization
 * details the customer approved (RFC 9396 §9.1, B5: e.g. the one transfer, with the debtor account filled in).
 */
final class AccessTokenClaims implements OAuth2TokenCustomizer<OAuth2TokenClaimsContext> {

    /** The claim naming the grant the token hangs from (Grant Management for OAuth 2.0). */
    static final String GRANT_ID = "grant_id";

    private final ScopePolicy policy;
    private final Function<String, List<Map<String, Object>>> approvedDetails;

    AccessTokenClaims(ScopePolicy policy, Function<String, List<Map<String, Object>>> approvedDetails) {
        this.policy = policy;
        this.approvedDetails = approvedDetails;
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
            claims.claim(GRANT_ID, GrantManagementRequest.grantIdOf(context.getAuthorization()));
            authorizationDetails(context.getAuthorization()).ifPresent(details ->
                    claims.claim(AuthorizationDetailsValidator.PARAMETER, details));
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

    /**
     * The approved details of a grant whose request had some. A token of such a grant without them would carry the
     * bare {@code transfers} scope, a right to any payment, so their absence stops the token instead.
     */
    private java.util.Optional<List<Map<String, Object>>> authorizationDetails(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (request == null || !request.getAdditionalParameters().containsKey(AuthorizationDetailsValidator.PARAMETER)) {
            return java.util.Optional.empty();
        }
        List<Map<String, Object>> approved = approvedDetails.apply(GrantManagementRequest.grantIdOf(authorization));
        if (approved.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR,
                    "the approved authorization details are missing", null));
        }
        return java.util.Optional.of(approved);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> confirmation(OAuth2TokenContext context) {
        Map<String, Object> cnf = new LinkedHashMap<>();
        Jwt proof = VerifiedDpopProof.of(context);
        if (proof != null) {
            try {
                cnf.put("jkt", JWK.parse((Map<String, Object>) proof.getHeaders().get("jwk")).computeThumbprint()
                        .toString());
            }
            catch (Exception e) {
                throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_DPOP_PROOF, "bad jwk header", null));
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

package jp.kakehashi.authorization.token;

import com.github.benmanes.caffeine.cache.Cache;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakehashi.authorization.grant.GrantManagementRequest;
import jp.kakehashi.consent.Grant;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.shared.MonitoredCaches;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.Tpps;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OAuth2IntrospectionAuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Resolves an access token presented to this server's own resources (userinfo, the banking API) by looking up its
 * hash, so revocation of the token, its grant or its TPP is effective on the next request (B8). A DPoP-bound token
 * presented as a plain Bearer token is refused (RFC 9449 §7.2: no downgrade); Spring then checks the DPoP proof
 * against {@code cnf.jkt}. A certificate-bound token (RFC 8705) must come over TLS with the same client certificate.
 */
@Component
public class StoredAccessTokens implements OpaqueTokenIntrospector {

    private static final java.time.Duration TOUCH_INTERVAL = java.time.Duration.ofSeconds(60);

    private final OAuth2AuthorizationService authorizations;
    private final Grants grants;
    private final Clock clock;
    private final AccessTokenCache cache;
    private final Tpps tpps;
    /** When this node last wrote "last used" per grant; a grant not touched for the interval may go. */
    private final Cache<String, Instant> lastTouched;

    StoredAccessTokens(OAuth2AuthorizationService authorizations, Grants grants, Clock clock, AccessTokenCache cache,
            Tpps tpps, MonitoredCaches caches) {
        this.lastTouched = caches.create("grant-touches", 100_000, TOUCH_INTERVAL);
        this.authorizations = authorizations;
        this.tpps = tpps;
        this.grants = grants;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        Instant now = clock.instant();
        AccessTokenCache.Resolved resolved = cache.get(token, now);
        if (resolved == null) {
            long stamp = cache.stamp();
            resolved = resolve(token, now);
            cache.put(token, resolved, now, stamp);
        }
        Map<String, Object> claims = resolved.claims();
        boolean dpopBound = claims.get("cnf") instanceof Map<?, ?> cnf && cnf.containsKey("jkt");
        if (dpopBound && presentedAsBearer()) {
            throw new BadOpaqueTokenException("a DPoP-bound access token must be presented with the DPoP scheme");
        }
        if (claims.get("cnf") instanceof Map<?, ?> cnf && cnf.get("x5t#S256") instanceof String thumbprint
                && !thumbprint.equals(presentedCertificateThumbprint())) {
            throw new BadOpaqueTokenException("a certificate-bound access token must come with its client certificate");
        }
        touch(String.valueOf(claims.getOrDefault("grant_id", resolved.authorizationId())), now);
        var authorities = resolved.scopes().stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
                .toList();
        return new OAuth2IntrospectionAuthenticatedPrincipal(resolved.principalName(), claims,
                List.copyOf(authorities));
    }

    /** The token, its authorization and its grant from the store; refuses what is not usable now. */
    private AccessTokenCache.Resolved resolve(String token, Instant now) {
        OAuth2Authorization authorization = authorizations.findByToken(token, OAuth2TokenType.ACCESS_TOKEN);
        OAuth2Authorization.Token<OAuth2AccessToken> accessToken =
                authorization == null ? null : authorization.getAccessToken();
        if (accessToken == null || !accessToken.isActive()) {
            throw new BadOpaqueTokenException("the access token is not active");
        }
        Grant grant = grants.find(GrantManagementRequest.grantIdOf(authorization)).orElse(null);
        if (grant == null || !grant.isUsableAt(now)) {
            throw new BadOpaqueTokenException("the grant of this access token is no longer active");
        }
        List<String> scopes = usableScopes(grant.tppId(), accessToken.getToken().getScopes());
        Map<String, Object> claims = new LinkedHashMap<>(accessToken.getClaims());
        claims.put("active", true);
        claims.put("scope", scopes);
        Instant tokenEnd = accessToken.getToken().getExpiresAt();
        Instant validUntil = tokenEnd == null || grant.expiresAt().isBefore(tokenEnd) ? grant.expiresAt() : tokenEnd;
        return new AccessTokenCache.Resolved(authorization.getId(), authorization.getPrincipalName(),
                java.util.Collections.unmodifiableMap(claims), scopes, validUntil);
    }

    /**
     * The token's scopes the TPP may use now (A6): none if it is suspended or revoked, without the restricted ones if
     * it is restricted. A change of the TPP empties every node's cache ({@code TppAccessChanges}), so this holds from
     * the commit of the change on.
     */
    private List<String> usableScopes(String tppId, java.util.Set<String> tokenScopes) {
        java.util.Set<String> usable = tpps.find(tppId).map(Tpp::usableScopes).orElse(java.util.Set.of());
        List<String> scopes = tokenScopes.stream().filter(scope -> usable.contains(scope) || "openid".equals(scope))
                .sorted().toList();
        if (usable.isEmpty() || scopes.isEmpty()) {
            throw new BadOpaqueTokenException("the TPP of this access token may not connect now");
        }
        return scopes;
    }

    /** "Last used" on the customer's page has minute precision: one write per grant and minute is enough. */
    private void touch(String grantId, Instant now) {
        Instant last = lastTouched.getIfPresent(grantId);
        if (last == null || last.isBefore(now.minus(TOUCH_INTERVAL))) {
            lastTouched.put(grantId, now);
            grants.touch(grantId);
        }
    }

    /** RFC 8705 §3: the SHA-256 thumbprint of the TLS client certificate of this request, or null. */
    private static String presentedCertificateThumbprint() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getAttribute("jakarta.servlet.request.X509Certificate")
                        instanceof java.security.cert.X509Certificate[] chain && chain.length > 0) {
            try {
                return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        java.security.MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
            }
            catch (java.security.GeneralSecurityException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean presentedAsBearer() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String header = request.getHeader("Authorization");
            return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        }
        return false;
    }
}

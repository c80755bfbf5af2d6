package jp.kakehashi.authorization.token;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Spring's authorization server switches its own userinfo endpoint to JWT resource-server mode, and Spring allows
 * only one token mode per chain. Our access tokens are opaque (hashed, revocable at once), so this adapter resolves
 * them through {@link StoredAccessTokens} and hands Spring the stored claims in its {@link Jwt} container. No JWT is
 * parsed: the token value is only ever looked up by its hash.
 */
@Component
public class StoredAccessTokenDecoder implements JwtDecoder {

    private final StoredAccessTokens accessTokens;

    StoredAccessTokenDecoder(StoredAccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public Jwt decode(String token) {
        try {
            Map<String, Object> claims = new LinkedHashMap<>(accessTokens.introspect(token).getAttributes());
            Instant issuedAt = (Instant) claims.get("iat");
            Instant expiresAt = (Instant) claims.get("exp");
            return Jwt.withTokenValue(token).header("typ", "opaque").claims(c -> c.putAll(claims))
                    .issuedAt(issuedAt).expiresAt(expiresAt).build();
        }
        catch (RuntimeException e) {
            throw new BadJwtException(e.getMessage(), e);
        }
    }
}

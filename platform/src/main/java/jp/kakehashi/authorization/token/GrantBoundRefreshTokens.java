package jp.kakehashi.authorization.token;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import jp.kakehashi.authorization.grant.GrantManagementRequest;
import jp.kakehashi.consent.Grant;
import jp.kakehashi.consent.Grants;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Refresh tokens that end with their grant (B6): the expiry is the grant's, shown to the customer on the consent
 * screen as the longest the access may last. Refresh tokens are not rotated (FAPI 2.0 §5.3.2.1), so nothing can push
 * that limit further out.
 */
final class GrantBoundRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Grants grants;

    GrantBoundRefreshTokens(Grants grants) {
        this.grants = grants;
    }

    @Override
    public @Nullable OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                || !AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())
                || context.getAuthorization() == null) {
            return null;
        }
        Grant grant = grants.find(GrantManagementRequest.grantIdOf(context.getAuthorization())).orElse(null);
        if (grant == null) {
            return null;
        }
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        return new OAuth2RefreshToken(Base64.getUrlEncoder().withoutPadding().encodeToString(value), Instant.now(),
                grant.expiresAt());
    }
}

package jp.kakehashi.authorization.token;

import jp.kakehashi.authorization.keys.SigningKeys;
import jp.kakehashi.authorization.policy.ScopePolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Token generation: Spring's generators for opaque access tokens and ID tokens, with customizers that apply the scope
 * policy (B6) and the sign-in level (B3), and our refresh token generator, whose expiry is the grant's (B6).
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(SigningKeys keys, ScopePolicy policy,
            jp.kakehashi.consent.Grants grants) {
        JwtGenerator idTokens = new JwtGenerator(new NimbusJwtEncoder(keys.source()));
        idTokens.setJwtCustomizer(new IdTokenClaims());
        OAuth2AccessTokenGenerator accessTokens = new OAuth2AccessTokenGenerator();
        accessTokens.setAccessTokenCustomizer(new AccessTokenClaims(policy, grants::authorizationDetailsOf));
        return new DelegatingOAuth2TokenGenerator(idTokens, accessTokens, new GrantBoundRefreshTokens(grants));
    }
}

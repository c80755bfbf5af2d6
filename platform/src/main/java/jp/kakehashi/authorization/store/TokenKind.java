package jp.kakehashi.authorization.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;

/** The kinds of token rows, named as Spring's {@code OAuth2TokenType} values so look-ups by type match. */
final class TokenKind {

    private TokenKind() {
    }

    static String of(Class<? extends OAuth2Token> type) {
        if (type == OAuth2AuthorizationCode.class) {
            return OAuth2ParameterNames.CODE;
        }
        if (type == OAuth2AccessToken.class) {
            return OAuth2ParameterNames.ACCESS_TOKEN;
        }
        if (type == OAuth2RefreshToken.class) {
            return OAuth2ParameterNames.REFRESH_TOKEN;
        }
        return "id_token";
    }

    @SuppressWarnings("unchecked")
    static void restore(OAuth2Authorization.Builder builder, HashedAuthorizationService.TokenRow row, String value) {
        Map<String, Object> metadata = new java.util.LinkedHashMap<>(row.metadata());
        metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, row.invalidated());
        switch (row.kind()) {
            case OAuth2ParameterNames.STATE -> builder.attribute(OAuth2ParameterNames.STATE, value);
            case OAuth2ParameterNames.CODE -> builder.token(
                    new OAuth2AuthorizationCode(value, row.issuedAt(), row.expiresAt()), m -> m.putAll(metadata));
            case OAuth2ParameterNames.ACCESS_TOKEN -> {
                var type = "DPoP".equalsIgnoreCase((String) metadata.remove("token_type"))
                        ? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER;
                var scopes = new HashSet<>((List<String>) metadata.remove("scopes"));
                builder.token(new OAuth2AccessToken(type, value, row.issuedAt(), row.expiresAt(), scopes),
                        m -> m.putAll(metadata));
            }
            case OAuth2ParameterNames.REFRESH_TOKEN -> builder.token(
                    new OAuth2RefreshToken(value, row.issuedAt(), row.expiresAt()), m -> m.putAll(metadata));
            default -> {
                var claims = (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
                builder.token(new OidcIdToken(value, row.issuedAt(), row.expiresAt(), claims),
                        m -> m.putAll(metadata));
            }
        }
    }
}

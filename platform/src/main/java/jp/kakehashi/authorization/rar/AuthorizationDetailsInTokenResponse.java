package jp.kakehashi.authorization.rar;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;

/**
 * RFC 9396 §7: a token response for a grant with authorization details carries the details the customer approved
 * (the one transfer, with the debtor account filled in), so the TPP learns what its token may do without
 * introspecting it. They are read from the access token's stored claims, so the response never says more or less
 * than the token.
 */
public final class AuthorizationDetailsInTokenResponse implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;

    public AuthorizationDetailsInTokenResponse(AuthenticationProvider delegate,
            OAuth2AuthorizationService authorizations) {
        this.delegate = delegate;
        this.authorizations = authorizations;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Authentication result = delegate.authenticate(authentication);
        if (result instanceof OAuth2AccessTokenAuthenticationToken issued
                && detailsOf(issued.getAccessToken().getTokenValue()) instanceof Object details) {
            Map<String, Object> parameters = new LinkedHashMap<>(issued.getAdditionalParameters());
            parameters.put(AuthorizationDetailsValidator.PARAMETER, details);
            return new OAuth2AccessTokenAuthenticationToken(issued.getRegisteredClient(),
                    (Authentication) issued.getPrincipal(), issued.getAccessToken(), issued.getRefreshToken(),
                    parameters);
        }
        return result;
    }

    /** The response's token as stored (Spring hands back a copy without its claims), and its approved details. */
    private Object detailsOf(String accessToken) {
        OAuth2Authorization authorization = authorizations.findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN);
        return authorization == null || authorization.getAccessToken() == null ? null
                : authorization.getAccessToken().getClaims() == null ? null
                : authorization.getAccessToken().getClaims().get(AuthorizationDetailsValidator.PARAMETER);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}

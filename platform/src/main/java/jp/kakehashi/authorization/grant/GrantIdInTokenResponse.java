package jp.kakehashi.authorization.grant;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import jp.kakehashi.consent.Grants;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;

/**
 * Grant Management §5.5: the token response names the grant ({@code grant_id}) for a code and for a refresh, the
 * platform's own grant id as the customer's connected-services page lists it. A code of a {@code merge} is redeemed
 * for tokens of the whole merged grant: its authorization carries only the scopes of the request, so before Spring's
 * provider issues the tokens they are set to the grant's, which the consent has just merged.
 */
public final class GrantIdInTokenResponse implements AuthenticationProvider {

    private static final OAuth2TokenType CODE = new OAuth2TokenType("code");

    private final AuthenticationProvider delegate;
    private final OAuth2AuthorizationService authorizations;
    private final Grants grants;

    public GrantIdInTokenResponse(AuthenticationProvider delegate, OAuth2AuthorizationService authorizations,
            Grants grants) {
        this.delegate = delegate;
        this.authorizations = authorizations;
        this.grants = grants;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (authentication instanceof OAuth2AuthorizationCodeAuthenticationToken code) {
            widenToMergedGrant(authorizations.findByToken(code.getCode(), CODE));
        }
        Authentication result = delegate.authenticate(authentication);
        if (result instanceof OAuth2AccessTokenAuthenticationToken issued) {
            OAuth2Authorization authorization = authorizations.findByToken(issued.getAccessToken().getTokenValue(),
                    OAuth2TokenType.ACCESS_TOKEN);
            if (authorization != null) {
                Map<String, Object> parameters = new LinkedHashMap<>(issued.getAdditionalParameters());
                parameters.put(GrantManagementRequest.GRANT_ID, GrantManagementRequest.grantIdOf(authorization));
                return new OAuth2AccessTokenAuthenticationToken(issued.getRegisteredClient(),
                        (Authentication) issued.getPrincipal(), issued.getAccessToken(), issued.getRefreshToken(),
                        parameters);
            }
        }
        return result;
    }

    private void widenToMergedGrant(OAuth2Authorization authorization) {
        if (authorization == null) {
            return; // Spring's provider refuses the unknown code
        }
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (GrantManagementRequest.of(request).action() != GrantManagementAction.MERGE) {
            return;
        }
        grants.find(GrantManagementRequest.grantIdOf(authorization)).ifPresent(grant -> {
            Set<String> scopes = new HashSet<>(grant.scopes());
            if (request.getScopes().contains(OidcScopes.OPENID)) {
                scopes.add(OidcScopes.OPENID);
            }
            if (!scopes.equals(authorization.getAuthorizedScopes())) {
                authorizations.save(OAuth2Authorization.from(authorization).authorizedScopes(scopes).build());
            }
        });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}

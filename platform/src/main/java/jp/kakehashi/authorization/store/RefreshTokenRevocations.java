package jp.kakehashi.authorization.store;

import java.util.List;
import jp.kakehashi.authorization.grant.GrantManagementRequest;
import jp.kakehashi.consent.Grants;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A TPP that revokes its refresh token (RFC 7009 §2.1) ends the grant itself: the customer's connected services page
 * then shows it as ended, instead of a connection whose tokens are all dead. Revoking an access token ends only that
 * token, as RFC 7009 allows. Spring's revocation provider still does the protocol work (client ownership, RFC 7009
 * §2.2 "200 even for unknown tokens"); this only follows it up.
 */
@Component
public class RefreshTokenRevocations {

    private final HashedAuthorizationService authorizations;
    private final Grants grants;
    private final TransactionTemplate transaction;

    RefreshTokenRevocations(HashedAuthorizationService authorizations, Grants grants, TransactionTemplate transaction) {
        this.authorizations = authorizations;
        this.grants = grants;
        this.transaction = transaction;
    }

    /** For {@code tokenRevocationEndpoint(e -> e.authenticationProviders(revocations::wrap))}. */
    public void wrap(List<AuthenticationProvider> providers) {
        providers.replaceAll(provider -> provider instanceof OAuth2TokenRevocationAuthenticationProvider
                ? followedUp(provider) : provider);
    }

    private AuthenticationProvider followedUp(AuthenticationProvider revocation) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                var request = (OAuth2TokenRevocationAuthenticationToken) authentication;
                var authorization = authorizations.findByToken(request.getToken(), OAuth2TokenType.REFRESH_TOKEN);
                return transaction.execute(status -> {
                    Authentication revoked = revocation.authenticate(authentication);
                    // Spring has checked the token belongs to the authenticated client: the grant is the TPP's to end
                    if (authorization != null) {
                        grants.revokeByTpp(GrantManagementRequest.grantIdOf(authorization),
                                authorization.getRegisteredClientId(), "refresh token revoked by the TPP (RFC 7009)");
                    }
                    return revoked;
                });
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return revocation.supports(authentication);
            }
        };
    }
}

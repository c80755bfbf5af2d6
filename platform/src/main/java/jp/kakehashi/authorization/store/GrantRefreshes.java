package jp.kakehashi.authorization.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2RefreshTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refreshes of one grant take turns, on every node (B7). Refresh tokens are not rotated (FAPI 2.0 §5.3.2.1), so a
 * TPP's app and its server, or two of its workers, may refresh the same grant at the same moment, and each must get
 * its access token; Spring's refresh provider reads the authorization and saves it back, and two of them at once
 * would collide on the store's optimistic version. Each refresh therefore runs in a transaction that first locks the
 * grant's authorization row in PostgreSQL ({@code select … for update}), so the next one reads what the previous one
 * saved, whichever node it runs on.
 */
@Component
public class GrantRefreshes {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    GrantRefreshes(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Spring's refresh-token provider, run one refresh of a grant at a time. */
    public AuthenticationProvider oneAtATime(AuthenticationProvider refreshProvider) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                if (!(authentication instanceof OAuth2RefreshTokenAuthenticationToken refresh)) {
                    return refreshProvider.authenticate(authentication);
                }
                return transaction.execute(status -> {
                    lockAuthorizationOf(refresh.getRefreshToken());
                    return refreshProvider.authenticate(authentication);
                });
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return refreshProvider.supports(authentication);
            }
        };
    }

    /** Waits for the refreshes of the same grant before this one; an unknown token locks nothing (Spring refuses it). */
    private void lockAuthorizationOf(String refreshToken) {
        jdbc.sql("""
                select id from oauth_authorization
                 where id = (select authorization_id from oauth_token where token_hash = ? and token_kind = ?)
                   for update
                """).params(TokenHash.ofPresented(refreshToken), OAuth2ParameterNames.REFRESH_TOKEN)
                .query(String.class).optional();
    }
}

package jp.kakehashi.authorization.token;

import jp.kakehashi.authorization.customer.CustomerAuthentication;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/** ID token claims about how the customer signed in (OIDC Core §2, B3): {@code acr} and {@code amr}; Spring adds {@code auth_time} from the factor authorities. */
final class IdTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    @Override
    public void customize(JwtEncodingContext context) {
        if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())
                && context.getPrincipal() instanceof CustomerAuthentication customer) {
            context.getClaims().claim("acr", customer.acr().acr());
            context.getClaims().claim("amr", customer.amr());
        }
    }
}

package jp.kakehashi.authorization.signing;

import java.util.function.Consumer;
import jp.kakehashi.tpp.ClientMessageSigning;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * Checks an authorization request's {@code response_mode} at the PAR and authorization endpoints: only the modes of
 * {@link ResponseMode}, and a client that registered {@code authorization_signed_response_alg} (JARM §3) must ask
 * for a JWT-secured one, so its responses are always signed (FAPI 2.0 Message Signing §5.4: a client set up for
 * signed responses gets no unsigned ones).
 */
public final class ResponseModeValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        var mode = ResponseMode.ofRequest(request.getAdditionalParameters());
        if (mode.isEmpty()) {
            throw error("response_mode must be one of " + ResponseMode.supported(), request);
        }
        ClientMessageSigning signing = ClientSigningSettings.of(context.getRegisteredClient());
        if (signing.authorizationSignedResponseAlg() != null && !mode.get().signed()) {
            throw error("this client is registered for signed authorization responses: response_mode must be jwt "
                    + "or query.jwt", request);
        }
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException error(String description,
            OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        return new OAuth2AuthorizationCodeRequestAuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null), request);
    }
}

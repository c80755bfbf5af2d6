package jp.kakehashi.authorization.rar;

import java.util.Optional;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * The transfer an authorization waiting for the customer's consent asks for, read from the pushed request (already
 * validated there, RFC 9396 §5), so the consent screen shows exactly what the TPP pushed and nothing from the URL.
 */
@Component
public class RequestedTransfers {

    private static final OAuth2TokenType STATE = new OAuth2TokenType("state");

    private final OAuth2AuthorizationService authorizations;

    RequestedTransfers(OAuth2AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** The transfer of the authorization awaiting consent under {@code state}, if it is {@code principal}'s. */
    public Optional<TransferDetail> awaitingConsent(String state, String principalName) {
        var authorization = state == null ? null : authorizations.findByToken(state, STATE);
        if (authorization == null || !authorization.getPrincipalName().equals(principalName)) {
            return Optional.empty();
        }
        return of(authorization.getAttribute(OAuth2AuthorizationRequest.class.getName()));
    }

    /** The transfer an authorization request asks for, if any. */
    public static Optional<TransferDetail> of(OAuth2AuthorizationRequest request) {
        return request == null ? Optional.empty()
                : AuthorizationDetails.transferOf(request.getAdditionalParameters()
                        .get(AuthorizationDetailsValidator.PARAMETER));
    }
}

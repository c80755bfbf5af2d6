package jp.kakehashi.authorization.rar;

import java.util.function.Consumer;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * Checks {@code authorization_details} in an authorization request (RFC 9396 §5, B5): a transfer detail must be
 * valid, its TPP approved for payments, and the request must carry the {@code transfers} scope, so that the scope
 * policy of payments (second factor, short lifetimes, the payment consent screen) applies to it unchanged. The
 * detail narrows the scope: a token with both allows this one transfer only.
 */
public final class AuthorizationDetailsValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    /** The request parameter of RFC 9396. */
    public static final String PARAMETER = "authorization_details";
    /** The scope whose right and policy a transfer detail needs. */
    public static final String TRANSFERS = "transfers";

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        try {
            if (AuthorizationDetails.transferOf(request.getAdditionalParameters().get(PARAMETER)).isEmpty()) {
                return;
            }
        }
        catch (InvalidAuthorizationDetails e) {
            throw error(e.getMessage(), context);
        }
        if (!context.getRegisteredClient().getScopes().contains(TRANSFERS)) {
            throw error("the client is not approved for transfers", context);
        }
        if (!request.getScopes().contains(TRANSFERS)) {
            throw error(TransferDetail.TYPE + " needs the scope " + TRANSFERS + " in the same request", context);
        }
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException error(String description,
            OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        return new OAuth2AuthorizationCodeRequestAuthenticationException(
                AuthorizationErrorCode.INVALID_AUTHORIZATION_DETAILS.error(description),
                (OAuth2AuthorizationCodeRequestAuthenticationToken) context.getAuthentication());
    }
}

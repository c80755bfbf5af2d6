package jp.kakehashi.authorization.grant;

import java.time.Clock;
import java.util.function.Consumer;
import jp.kakehashi.authorization.customer.CustomerAuthentication;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.rar.AuthorizationDetailsValidator;
import jp.kakehashi.consent.Grant;
import jp.kakehashi.consent.Grants;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;

/**
 * Checks {@code grant_management_action} and {@code grant_id} of an authorization request (Grant Management §5.4),
 * at PAR and again at the authorization endpoint, where Spring runs the validator once more with the signed-in
 * customer: an unknown action, {@code merge} or {@code replace} without {@code grant_id}, or a {@code grant_id}
 * without one of them is {@code invalid_request}; a grant that is unknown, no longer in force, another client's, or
 * (once the customer has signed in) another customer's is {@code invalid_grant_id}, and the same answer for each so
 * nothing is learnt of other clients' or customers' grants. A grant for one transfer (RFC 9396) cannot be merged or
 * replaced: the transfer API allows one payment per grant, so such a change is refused and a new grant is needed.
 */
public final class GrantManagementValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    private final Grants grants;
    private final Clock clock;

    public GrantManagementValidator(Grants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        var parameters = request.getAdditionalParameters();
        GrantManagementRequest asked = GrantManagementRequest.parse(parameters).orElseThrow(() ->
                error(OAuth2ErrorCodes.INVALID_REQUEST, "grant_management_action is not one of create, merge, replace",
                        request));
        if (!asked.action().changesExistingGrant()) {
            if (asked.grantId() != null || parameters.containsKey(GrantManagementRequest.GRANT_ID)) {
                throw error(OAuth2ErrorCodes.INVALID_REQUEST, "grant_id is only for merge and replace", request);
            }
            return;
        }
        if (asked.grantId() == null) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "grant_id is required for " + asked.action().value(),
                    request);
        }
        Grant grant = grants.find(asked.grantId())
                .filter(found -> found.clientId().equals(request.getClientId()))
                .filter(found -> found.isUsableAt(clock.instant()))
                .filter(found -> !(request.getPrincipal() instanceof CustomerAuthentication customer)
                        || found.customerId().equals(customer.customerId()))
                .orElseThrow(() -> error(AuthorizationErrorCode.INVALID_GRANT_ID.code(), "grant_id is not a grant this request can change",
                        request));
        if (parameters.containsKey(AuthorizationDetailsValidator.PARAMETER)
                || !grants.authorizationDetailsOf(grant.id()).isEmpty()) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "a grant for a single transfer cannot be merged or replaced; create a new grant", request);
        }
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException error(String code, String description,
            OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, null),
                request);
    }
}

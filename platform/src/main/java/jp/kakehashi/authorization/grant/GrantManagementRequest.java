package jp.kakehashi.authorization.grant;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * What an authorization request asks of grant management (Grant Management §5.2), read from its parameters. Only a
 * request already checked by {@link GrantManagementValidator} (at PAR and again at the authorization endpoint with
 * the signed-in customer) reaches an authorization, so the grant named here is the client's and the customer's.
 *
 * @param action  the action, {@code create} when the request names none
 * @param grantId the existing grant for {@code merge} and {@code replace}, else null
 */
public record GrantManagementRequest(GrantManagementAction action, @Nullable String grantId) {

    /** The request parameter naming the action. */
    public static final String ACTION = "grant_management_action";
    /** The request (and token response) parameter naming the grant. */
    public static final String GRANT_ID = "grant_id";

    private static final GrantManagementRequest CREATE = new GrantManagementRequest(GrantManagementAction.CREATE, null);

    /** The action of an already validated request; {@code create} for a request without one. */
    public static GrantManagementRequest of(@Nullable OAuth2AuthorizationRequest request) {
        return request == null ? CREATE : parse(request.getAdditionalParameters()).orElse(CREATE);
    }

    /** The id of the grant an authorization belongs to: the grant it changes, or else the one it creates. */
    public static String grantIdOf(OAuth2Authorization authorization) {
        GrantManagementRequest request = of(authorization.getAttribute(OAuth2AuthorizationRequest.class.getName()));
        return request.action().changesExistingGrant() ? request.grantId() : authorization.getId();
    }

    /** The parsed parameters; empty when the action is unknown (the validator refuses such a request). */
    static Optional<GrantManagementRequest> parse(Map<String, Object> parameters) {
        Object action = parameters.get(ACTION);
        Object grantId = parameters.get(GRANT_ID);
        String id = grantId instanceof String text && !text.isBlank() ? text : null;
        if (action == null) {
            return Optional.of(new GrantManagementRequest(GrantManagementAction.CREATE, id));
        }
        return action instanceof String value ? GrantManagementAction.of(value)
                .map(known -> new GrantManagementRequest(known, id)) : Optional.empty();
    }
}

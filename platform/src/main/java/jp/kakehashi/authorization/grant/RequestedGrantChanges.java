package jp.kakehashi.authorization.grant;

import java.time.Clock;
import java.util.Optional;
import jp.kakehashi.consent.Grants;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.stereotype.Component;

/**
 * The existing grant an authorization awaiting consent changes (Grant Management §5.2), read from the pushed request
 * and the grant store, never from the URL: the consent screen tells the customer plainly that the consent adds to or
 * replaces that connection, and the consent decision changes that grant.
 */
@Component
public class RequestedGrantChanges {

    private static final OAuth2TokenType STATE = new OAuth2TokenType("state");

    private final OAuth2AuthorizationService authorizations;
    private final Grants grants;
    private final Clock clock;

    RequestedGrantChanges(OAuth2AuthorizationService authorizations, Grants grants, Clock clock) {
        this.authorizations = authorizations;
        this.grants = grants;
        this.clock = clock;
    }

    /** The change asked by the authorization awaiting consent under {@code state}, if it is {@code customerId}'s. */
    public Optional<GrantChange> awaitingConsent(String state, String customerId) {
        var authorization = state == null ? null : authorizations.findByToken(state, STATE);
        if (authorization == null || !authorization.getPrincipalName().equals(customerId)) {
            return Optional.empty();
        }
        return of(authorization.getAttribute(OAuth2AuthorizationRequest.class.getName()), customerId);
    }

    /**
     * The change a request asks of a grant of {@code customerId}'s; empty for a request that creates a grant.
     *
     * @throws NotChangeable when the grant is no longer live, or not the customer's and the client's
     */
    public Optional<GrantChange> of(OAuth2AuthorizationRequest request, String customerId) {
        GrantManagementRequest asked = GrantManagementRequest.of(request);
        if (!asked.action().changesExistingGrant()) {
            return Optional.empty();
        }
        return Optional.of(grants.find(asked.grantId())
                .filter(grant -> grant.clientId().equals(request.getClientId()))
                .filter(grant -> grant.customerId().equals(customerId))
                .filter(grant -> grant.isUsableAt(clock.instant()))
                .map(grant -> new GrantChange(asked.action(), grant))
                .orElseThrow(() -> new NotChangeable(asked.grantId())));
    }

    /** The named grant ended, or is not the customer's, between the request and the consent. */
    public static final class NotChangeable extends RuntimeException {

        NotChangeable(String grantId) {
            super("the grant " + grantId + " cannot be changed by this customer and client");
        }
    }
}

package jp.kakehashi.authorization.store;

import jp.kakehashi.consent.GrantChanged;
import jp.kakehashi.consent.GrantRevoked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Kills every token of a revoked grant in the revoking transaction itself, so the revocation holds on every node the
 * moment it commits (B8); a listener after commit could lose it in a crash. A grant merged or replaced keeps only the
 * tokens of the authorization that changed it: Grant Management §5.2 has merge and replace invalidate the grant's
 * earlier refresh tokens, and their access tokens carry rights a replace may have taken away.
 */
@Component
class GrantRevocations {

    private final HashedAuthorizationService authorizations;

    GrantRevocations(HashedAuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @EventListener
    void on(GrantRevoked revoked) {
        authorizations.invalidateGrant(revoked.grantId().value(), null);
    }

    @EventListener
    void on(GrantChanged changed) {
        authorizations.invalidateGrant(changed.grantId().value(), changed.authorizationId());
    }
}

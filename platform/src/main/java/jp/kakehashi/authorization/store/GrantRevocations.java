package jp.kakehashi.authorization.store;

import jp.kakehashi.consent.GrantRevoked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Kills every token of a revoked grant in the revoking transaction itself, so the revocation holds on every node the
 * moment it commits (B8); a listener after commit could lose it in a crash.
 */
@Component
class GrantRevocations {

    private final HashedAuthorizationService authorizations;

    GrantRevocations(HashedAuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @EventListener
    void on(GrantRevoked revoked) {
        authorizations.invalidateAll(revoked.grantId());
    }
}

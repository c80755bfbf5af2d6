package jp.kakehashi.authorization.store;

import jp.kakehashi.tpp.TppStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A TPP restricted, suspended, resumed or revoked (A6, C5, E1): every node drops every cached access token in the
 * changing transaction's commit, so the next call of any of that TPP's tokens is judged against its new status
 * ({@code StoredAccessTokens}). Clearing everything is coarse, but such changes are rare and the cache refills from
 * the store; a per-TPP index would have to be kept right on every node for a once-a-month event.
 */
@Component
class TppAccessChanges {

    private final AuthorizationChanges changes;

    TppAccessChanges(AuthorizationChanges changes) {
        this.changes = changes;
    }

    @EventListener
    void on(TppStatusChanged changed) {
        changes.changed(AuthorizationChanges.EVERYTHING);
    }
}

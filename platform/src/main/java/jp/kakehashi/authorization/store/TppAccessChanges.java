package jp.kakehashi.authorization.store;

import java.util.EnumSet;
import java.util.Set;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.TppStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A TPP restricted, suspended, resumed or revoked (A6, C5, E1): every node drops every cached access token in the
 * changing transaction's commit, so the next call of any of that TPP's tokens is judged against its new status
 * ({@code StoredAccessTokens}). Clearing everything is coarse, but such changes are rare and the cache refills from
 * the store; a per-TPP index would have to be kept right on every node for a once-a-month event. Moves before a TPP
 * ever connected (an application, a screening) leave the caches alone: it has no tokens, and anyone may apply.
 */
@Component
class TppAccessChanges {

    /** The statuses in which a TPP has tokens whose use may change. */
    private static final Set<TppStatus> CONNECTED = EnumSet.of(TppStatus.ACTIVE, TppStatus.RESTRICTED,
            TppStatus.SUSPENDED, TppStatus.REVOKED);

    private final AuthorizationChanges changes;

    TppAccessChanges(AuthorizationChanges changes) {
        this.changes = changes;
    }

    @EventListener
    void on(TppStatusChanged changed) {
        if (CONNECTED.contains(changed.to()) || (changed.from() != null && CONNECTED.contains(changed.from()))) {
            changes.changed(AuthorizationChanges.EVERYTHING);
        }
    }
}

package jp.kakehashi.banking.web;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.util.List;
import jp.kakehashi.consent.Grant;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.shared.ApiCaller;
import jp.kakehashi.shared.MonitoredCaches;
import jp.kakehashi.shared.TppId;
import org.springframework.stereotype.Component;

/**
 * Finds the accounts an accepted access token may read: those of its grant. The authorization module has already
 * refused tokens of revoked or expired grants. A grant's accounts change only when its customer merges or replaces it
 * (Grant Management), and that ends every token issued before the change; so what a token may read is kept in memory
 * per grant and token ({@code jti}), and a read costs no second grant lookup while no node can serve a token the
 * accounts of an earlier state of its grant.
 */
@Component
class ConsentedAccounts {

    /** Tokens in use at once on one node stay far below this; past it the least used are read again. */
    private static final int MAX_REMEMBERED = 100_000;

    private final Grants grants;
    private final Cache<String, CallerConsent> byGrant;

    ConsentedAccounts(Grants grants, MonitoredCaches caches) {
        this.grants = grants;
        this.byGrant = caches.create("consented-accounts", MAX_REMEMBERED, Duration.ofMinutes(10));
    }

    CallerConsent of(ApiCaller caller) {
        String grantId = caller.grantId();
        String customerId = caller.customerId();
        if (grantId == null || customerId == null) {
            return new CallerConsent(customerId == null ? "" : customerId, List.of(), null);
        }
        String key = grantId + " " + caller.tokenId();
        CallerConsent consent = byGrant.get(key, k -> grants.find(grantId).map(ConsentedAccounts::consent)
                .orElseGet(() -> new CallerConsent(customerId, List.of(), null)));
        // a token is only ever for its grant's customer; anything else is refused as if no account were chosen
        return consent.customerId().equals(customerId) ? consent : new CallerConsent(customerId, List.of(), null);
    }

    private static CallerConsent consent(Grant grant) {
        return new CallerConsent(grant.customerId(), grant.accountIds(), TppId.of(grant.tppId()));
    }
}

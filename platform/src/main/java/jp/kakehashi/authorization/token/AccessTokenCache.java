package jp.kakehashi.authorization.token;

import com.github.benmanes.caffeine.cache.Cache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import jp.kakehashi.authorization.store.AuthorizationChanges;
import jp.kakehashi.shared.MonitoredCaches;
import org.springframework.stereotype.Component;

/**
 * Access tokens this node resolved recently, so a TPP's API calls do not each read the token, its authorization and
 * its grant from the database (docs/architecture.md, "Decisions and why": opaque tokens, hashed and cached). Entries are keyed by the token's
 * SHA-256, never the token, and live at most {@link #MAX_AGE}, never past the token's or the grant's end.
 * <p>
 * Revocation stays immediate: every change of an authorization (tokens refreshed or revoked, the grant revoked, the
 * TPP cut off) is announced by {@link AuthorizationChanges} through PostgreSQL NOTIFY to every node, and the entries of
 * that authorization are dropped; while that channel is down nothing is served from the cache. At most
 * {@link #MAX_ENTRIES} entries by default ({@code kakehashi.caches.access-tokens.maximum-size}); past it the least
 * used are evicted and read again from the store when needed.
 */
@Component
class AccessTokenCache {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 100_000;

    private final Cache<String, Resolved> byTokenHash;
    private final AuthorizationChanges changes;
    private final AtomicLong changesSeen = new AtomicLong();

    AccessTokenCache(AuthorizationChanges changes, MonitoredCaches caches) {
        this.changes = changes;
        this.byTokenHash = caches.create("access-tokens", MAX_ENTRIES, MAX_AGE);
        changes.subscribe(this::changed);
    }

    /** A token resolved from the store: who, for which client and grant, with what claims, valid until when. */
    record Resolved(String authorizationId, String principalName, Map<String, Object> claims, List<String> scopes,
            Instant validUntil) {
    }

    Resolved get(String token, Instant now) {
        if (!changes.isListening()) {
            return null;
        }
        Resolved resolved = byTokenHash.getIfPresent(hash(token));
        return resolved != null && now.isBefore(resolved.validUntil()) ? resolved : null;
    }

    /** Taken before reading the store; a change heard meanwhile may be older than what was read, so it is not kept. */
    long stamp() {
        return changesSeen.get();
    }

    void put(String token, Resolved resolved, Instant now, long stamp) {
        if (!changes.isListening() || changesSeen.get() != stamp) {
            return;
        }
        Instant until = now.plus(MAX_AGE).isBefore(resolved.validUntil()) ? now.plus(MAX_AGE) : resolved.validUntil();
        byTokenHash.put(hash(token), new Resolved(resolved.authorizationId(), resolved.principalName(), resolved.claims(),
                resolved.scopes(), until));
    }

    private void changed(String authorizationId) {
        changesSeen.incrementAndGet();
        if (AuthorizationChanges.EVERYTHING.equals(authorizationId)) {
            byTokenHash.invalidateAll();
            return;
        }
        // a scan of the bounded cache rather than a second index, which eviction could leave behind its entries:
        // a revoked authorization's tokens must never outlive the change on any node (B8)
        byTokenHash.asMap().values().removeIf(resolved -> resolved.authorizationId().equals(authorizationId));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

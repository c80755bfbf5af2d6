package jp.kakehashi.authorization.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jp.kakehashi.authorization.store.AuthorizationChanges;
import org.springframework.stereotype.Component;

/**
 * Access tokens this node resolved recently, so a TPP's API calls do not each read the token, its authorization and
 * its grant from the database (docs/architecture.md, "Decisions and why": opaque tokens, hashed and cached). Entries are keyed by the token's
 * SHA-256, never the token, and live at most {@link #MAX_AGE}, never past the token's or the grant's end.
 * <p>
 * Revocation stays immediate: every change of an authorization (tokens refreshed or revoked, the grant revoked, the
 * TPP cut off) is announced by {@link AuthorizationChanges} through PostgreSQL NOTIFY to every node, and the entries of
 * that authorization are dropped; while that channel is down nothing is served from the cache.
 */
@Component
class AccessTokenCache {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 100_000;

    private final Map<String, Resolved> byTokenHash = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> hashesByAuthorization = new ConcurrentHashMap<>();
    private final AuthorizationChanges changes;
    private final java.util.concurrent.atomic.AtomicLong changesSeen = new java.util.concurrent.atomic.AtomicLong();

    AccessTokenCache(AuthorizationChanges changes) {
        this.changes = changes;
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
        Resolved resolved = byTokenHash.get(hash(token));
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
        if (byTokenHash.size() >= MAX_ENTRIES) {
            clear(); // crude but safe: the cache refills from the store
        }
        Instant until = now.plus(MAX_AGE).isBefore(resolved.validUntil()) ? now.plus(MAX_AGE) : resolved.validUntil();
        String hash = hash(token);
        hashesByAuthorization.computeIfAbsent(resolved.authorizationId(), id -> ConcurrentHashMap.newKeySet()).add(hash);
        byTokenHash.put(hash, new Resolved(resolved.authorizationId(), resolved.principalName(), resolved.claims(),
                resolved.scopes(), until));
    }

    private void changed(String authorizationId) {
        changesSeen.incrementAndGet();
        if (AuthorizationChanges.EVERYTHING.equals(authorizationId)) {
            clear();
            return;
        }
        Set<String> hashes = hashesByAuthorization.remove(authorizationId);
        if (hashes != null) {
            hashes.forEach(byTokenHash::remove);
        }
    }

    private void clear() {
        byTokenHash.clear();
        hashesByAuthorization.clear();
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

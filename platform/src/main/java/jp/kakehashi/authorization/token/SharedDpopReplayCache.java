package jp.kakehashi.authorization.token;

import java.util.concurrent.Callable;
import jp.kakehashi.authorization.replay.JtiKind;
import jp.kakehashi.authorization.replay.SeenJtis;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;
import org.springframework.security.oauth2.jwt.DPoPProofReplayValidator;

/**
 * The store behind Spring's {@link DPoPProofReplayValidator} at the resources: instead of its in-memory cache, which
 * each node keeps for itself (a proof accepted on one node was accepted again on another, RFC 9449 §11.1), every
 * proof's jti goes to {@link SeenJtis} in PostgreSQL, scoped by the proof's key. Spring's validator runs last among
 * the proof checks (after signature, {@code htm}, {@code htu}, {@code iat}, key binding and {@code ath}), so only a
 * proof that is otherwise valid costs the insert.
 * <p>
 * Only {@link #putIfAbsent}, the one operation the validator uses, is supported: it answers {@code null} when the
 * proof is new and the stored value when it is a replay.
 */
final class SharedDpopReplayCache implements Cache {

    private final SeenJtis seenJtis;

    SharedDpopReplayCache(SeenJtis seenJtis) {
        this.seenJtis = seenJtis;
    }

    @Override
    public ValueWrapper putIfAbsent(Object jtiDigest, Object value) {
        var proof = (DPoPProofReplayValidator.CacheValue) value;
        boolean first = seenJtis.firstUse(JtiKind.DPOP_PROOF, proof.getJwkThumbprint(), (String) jtiDigest,
                proof.getExpiresAt());
        return first ? null : new SimpleValueWrapper(value);
    }

    @Override
    public String getName() {
        return "seen_jti";
    }

    @Override
    public Object getNativeCache() {
        return seenJtis;
    }

    @Override
    public ValueWrapper get(Object key) {
        throw new UnsupportedOperationException("a jti is only ever recorded, see putIfAbsent");
    }

    @Override
    public <T> T get(Object key, Class<T> type) {
        throw new UnsupportedOperationException("a jti is only ever recorded, see putIfAbsent");
    }

    @Override
    public <T> T get(Object key, Callable<T> valueLoader) {
        throw new UnsupportedOperationException("a jti is only ever recorded, see putIfAbsent");
    }

    @Override
    public void put(Object key, Object value) {
        putIfAbsent(key, value);
    }

    @Override
    public void evict(Object key) {
        throw new UnsupportedOperationException("a used jti is never forgotten before it expires");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("a used jti is never forgotten before it expires");
    }
}

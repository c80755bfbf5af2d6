package jp.kakehashi.tpp.ratelimit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rate limits in force on this node (F4) and their buckets: configured limits, with overrides the bank's staff
 * can set per TPP at run time (an override lives on the node it was set on until the admin console persists it).
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class TppRateLimits {

    // a sweep forgets idle (full) buckets once there are this many, so that per-IP buckets cannot grow without end;
    // at most one a second, so that many busy buckets do not make every call walk the map
    private static final int SWEEP_THRESHOLD = 10_000;
    private static final long SWEEP_INTERVAL = 1_000_000_000L;

    private final RateLimitProperties properties;
    private final LongSupplier nanoClock;
    private final Map<String, RateLimit> overrides = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile long nextSweep;

    @org.springframework.beans.factory.annotation.Autowired
    TppRateLimits(RateLimitProperties properties) {
        this(properties, System::nanoTime);
    }

    TppRateLimits(RateLimitProperties properties, LongSupplier nanoClock) {
        this.properties = properties;
        this.nanoClock = nanoClock;
        this.nextSweep = nanoClock.getAsLong();
    }

    /** The cluster-wide limit of a TPP: its override, its configured limit, or the default. */
    public RateLimit limitOf(String tppId) {
        RateLimit override = overrides.get(tppId);
        return override != null ? override : properties.tpps().getOrDefault(tppId, properties.perTpp());
    }

    /** Sets a TPP's limit on this node from now on, e.g. to throttle a TPP whose app misbehaves. */
    public void override(String tppId, RateLimit limit) {
        overrides.put(tppId, limit);
        buckets.remove(tppKey(tppId));
    }

    /** Returns a TPP to its configured limit. */
    public void removeOverride(String tppId) {
        overrides.remove(tppId);
        buckets.remove(tppKey(tppId));
    }

    boolean enabled() {
        return properties.enabled();
    }

    /** Counts a call of a TPP; empty when allowed, else the nanoseconds until it would be. */
    Optional<Long> takeForTpp(String tppId) {
        return take(tppKey(tppId), limitOf(tppId));
    }

    /** Counts a call without a customer's authorisation from {@code address}. */
    Optional<Long> takeForAddress(String address) {
        return take("ip:" + address, properties.perIp());
    }

    private Optional<Long> take(String key, RateLimit limit) {
        long now = nanoClock.getAsLong();
        RateLimit share = limit.perNode(properties.nodes());
        TokenBucket bucket = buckets.get(key);
        if (bucket == null || !bucket.limit().equals(share)) {
            bucket = buckets.compute(key, (k, existing) -> existing != null && existing.limit().equals(share) ? existing
                    : new TokenBucket(share, now));
        }
        long wait = bucket.tryTake(now);
        if (buckets.size() > SWEEP_THRESHOLD && now - nextSweep >= 0) {
            sweep(now);
        }
        return wait == 0 ? Optional.empty() : Optional.of(wait);
    }

    private void sweep(long now) {
        if (sweeping.compareAndSet(false, true)) {
            try {
                nextSweep = now + SWEEP_INTERVAL;
                buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
            }
            finally {
                sweeping.set(false);
            }
        }
    }

    int bucketCount() {
        return buckets.size();
    }

    private static String tppKey(String tppId) {
        return "tpp:" + tppId;
    }
}

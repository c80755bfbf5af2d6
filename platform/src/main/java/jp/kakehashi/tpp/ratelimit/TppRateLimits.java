package jp.kakehashi.tpp.ratelimit;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The rate limits of the cluster (F4) and this node's leases on their shared buckets: configured limits, with
 * overrides the bank's staff can set per TPP at run time, stored in PostgreSQL so that every node applies them (the
 * node that sets one at once, the others within {@link #OVERRIDE_REFRESH_MS} ms).
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
public class TppRateLimits {

    static final long OVERRIDE_REFRESH_MS = 1_000;
    // a sweep forgets spent leases once there are this many, so that per-address leases cannot grow without end;
    // at most one a second, so that many busy leases do not make every call walk the map
    private static final int SWEEP_THRESHOLD = 10_000;
    private static final long SWEEP_INTERVAL = 1_000_000_000L;

    private final RateLimitProperties properties;
    private final SharedBuckets buckets;
    private final RateLimitOverrides stored;
    private final LongSupplier nanoClock;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    private volatile Map<String, RateLimit> overrides;
    private volatile long nextSweep;

    @org.springframework.beans.factory.annotation.Autowired
    TppRateLimits(RateLimitProperties properties, SharedBuckets buckets, RateLimitOverrides stored) {
        this(properties, buckets, stored, System::nanoTime);
    }

    TppRateLimits(RateLimitProperties properties, SharedBuckets buckets, RateLimitOverrides stored,
            LongSupplier nanoClock) {
        this.properties = properties;
        this.buckets = buckets;
        this.stored = stored;
        this.nanoClock = nanoClock;
        this.overrides = stored.all();
        this.nextSweep = nanoClock.getAsLong();
    }

    /** The cluster-wide limit of a TPP: its override, its configured limit, or the default. */
    public RateLimit limitOf(String tppId) {
        RateLimit override = overrides.get(tppId);
        return override != null ? override : properties.tpps().getOrDefault(tppId, properties.perTpp());
    }

    /**
     * Sets a TPP's limit on every node from now on, e.g. to throttle a TPP whose app misbehaves.
     *
     * @throws IllegalArgumentException when no TPP has the id
     */
    public void override(String tppId, RateLimit limit) {
        stored.set(tppId, limit);
        refreshOverrides();
        leases.remove(tppKey(tppId));
    }

    /** Returns a TPP to its configured limit on every node. */
    public void removeOverride(String tppId) {
        stored.remove(tppId);
        refreshOverrides();
        leases.remove(tppKey(tppId));
    }

    @Scheduled(fixedDelay = OVERRIDE_REFRESH_MS, initialDelay = OVERRIDE_REFRESH_MS)
    void refreshOverrides() {
        overrides = stored.all();
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
        long wait = leases.computeIfAbsent(key, k -> new Lease())
                .take(nanoClock, () -> buckets.take(key, limit, limit.leaseSize()));
        if (leases.size() > SWEEP_THRESHOLD) {
            sweep(nanoClock.getAsLong());
        }
        return wait == 0 ? Optional.empty() : Optional.of(wait);
    }

    private void sweep(long now) {
        if (now - nextSweep >= 0 && sweeping.compareAndSet(false, true)) {
            try {
                nextSweep = now + SWEEP_INTERVAL;
                leases.entrySet().removeIf(entry -> entry.getValue().isSpent(now));
            }
            finally {
                sweeping.set(false);
            }
        }
    }

    int leaseCount() {
        return leases.size();
    }

    private static String tppKey(String tppId) {
        return "tpp:" + tppId;
    }
}

package jp.kakehashi.tpp.ratelimit;

import java.net.InetAddress;
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
public class TppRateLimits implements jp.kakehashi.tpp.OAuthClientLimits {

    static final long OVERRIDE_REFRESH_MS = 1_000;
    /** Buckets of client addresses (calls without a customer's authorisation): their own table. */
    static final String ADDRESS_PREFIX = "ip:";
    /** Buckets of OAuth clients at the authorization server's endpoints. */
    static final String CLIENT_PREFIX = "client-oauth:";
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
    }

    /**
     * Returns a TPP to its configured limit on every node. Each node's lease remembers the limit it was taken under
     * and is given back and taken anew once the limit differs (here at once, elsewhere within
     * {@link #OVERRIDE_REFRESH_MS} ms), so a refusal computed from an old, lower rate is not kept.
     */
    public void removeOverride(String tppId) {
        stored.remove(tppId);
        refreshOverrides();
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

    /**
     * Counts a call without a customer's authorisation from {@code address} (a literal, as the container or
     * {@code ClientAddressFilter} gives it): an IPv4 address on its own, an IPv6 address by its prefix
     * ({@code ipv6-prefix-length}, /64 by default), an IPv4-mapped IPv6 address as the IPv4 address.
     */
    Optional<Long> takeForAddress(String address) {
        return take(addressKey(address, properties.ipv6PrefixLength()), properties.perIp());
    }

    /** Counts a request of an OAuth client at the authorization server's endpoints (F4); never refused if disabled. */
    @Override
    public Optional<Long> takeForClient(String clientId) {
        return enabled() ? take(CLIENT_PREFIX + clientId, properties.perClient()) : Optional.empty();
    }

    static String addressKey(String address, int ipv6PrefixLength) {
        if (address == null || address.indexOf(':') < 0) {
            return ADDRESS_PREFIX + address;
        }
        try {
            // a text with a colon is only ever parsed as an IPv6 literal, never looked up in DNS
            byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1)
                    : address).getAddress();
            if (bytes.length == 4) {
                return ADDRESS_PREFIX + InetAddress.getByAddress(bytes).getHostAddress();
            }
            for (int bit = ipv6PrefixLength; bit < 128; bit++) {
                bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return ADDRESS_PREFIX + InetAddress.getByAddress(bytes).getHostAddress() + "/" + ipv6PrefixLength;
        }
        catch (java.net.UnknownHostException notALiteral) {
            return ADDRESS_PREFIX + address;
        }
    }

    private Optional<Long> take(String key, RateLimit limit) {
        long wait = leases.computeIfAbsent(key, k -> new Lease())
                .take(nanoClock, limit, limit.leaseSize(), (want, back) -> buckets.take(key, limit, want, back));
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

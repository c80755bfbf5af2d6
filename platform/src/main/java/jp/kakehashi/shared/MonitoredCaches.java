package jp.kakehashi.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.stereotype.Component;

/**
 * Builds the platform's in-memory caches: Caffeine caches bounded in size and age, their hits, misses and evictions
 * published as the {@code cache.*} meters tagged {@code cache=<name>} (Prometheus: {@code cache_gets_total} …).
 * <p>
 * Each bound has a default chosen by the owning class and may be set per cache:
 * {@code kakehashi.caches.<name>.maximum-size} and {@code kakehashi.caches.<name>.expire-after-write}. These caches
 * only spare reads of shared (PostgreSQL) state: nothing is decided from an entry that the store or a change
 * announced to every node would not decide the same way, so a node's cache may be emptied at any time.
 */
@Component
public class MonitoredCaches {

    private static final String PREFIX = "kakehashi.caches.";

    private final Binder properties;
    private final ObjectProvider<MeterRegistry> meters;

    public MonitoredCaches(Environment environment, ObjectProvider<MeterRegistry> meters) {
        this.properties = Binder.get(environment);
        this.meters = meters;
    }

    /** Caches with their default bounds, published to {@code registry}: for code built outside Spring (tests). */
    public static MonitoredCaches withDefaults(MeterRegistry registry) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meterRegistry", registry);
        return new MonitoredCaches(new StandardEnvironment(), beans.getBeanProvider(MeterRegistry.class));
    }

    /**
     * A cache named {@code name}, holding at most {@code maximumSize} entries, each for at most
     * {@code expireAfterWrite} after it was stored, unless the configuration says otherwise.
     */
    public <K, V> Cache<K, V> create(String name, long maximumSize, Duration expireAfterWrite) {
        long size = properties.bind(PREFIX + name + ".maximum-size", Long.class).orElse(maximumSize);
        Duration age = properties.bind(PREFIX + name + ".expire-after-write", Duration.class).orElse(expireAfterWrite);
        Cache<K, V> cache = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(age).recordStats().build();
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            CaffeineCacheMetrics.monitor(registry, cache, name);
        }
        return cache;
    }
}

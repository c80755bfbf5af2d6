package jp.kakehashi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/** The platform's caches stay within their bounds and show what they do in the cache metrics. */
class MonitoredCachesTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final MockEnvironment environment = new MockEnvironment();

    @Test
    void createWhenMoreEntriesThanTheBoundThenOldOnesAreEvicted() {
        Cache<Integer, String> cache = caches().create("bounded", 100, Duration.ofMinutes(1));

        for (int i = 0; i < 1_000; i++) {
            cache.put(i, "value-" + i);
        }
        cache.cleanUp();

        assertThat(cache.estimatedSize()).isLessThanOrEqualTo(100);
        assertThat(meters.get("cache.evictions").tag("cache", "bounded").functionCounter().count())
                .isGreaterThanOrEqualTo(900);
    }

    @Test
    void createWhenBoundsAreConfiguredThenTheyWinOverTheDefaults() {
        environment.setProperty("kakehashi.caches.configured.maximum-size", "10");
        environment.setProperty("kakehashi.caches.configured.expire-after-write", "5s");
        Cache<Integer, String> cache = caches().create("configured", 100, Duration.ofMinutes(1));

        assertThat(cache.policy().eviction().orElseThrow().getMaximum()).isEqualTo(10);
        assertThat(cache.policy().expireAfterWrite().orElseThrow().getExpiresAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void createThenHitsMissesAndSizeArePublishedUnderTheCacheName() {
        Cache<String, String> cache = caches().create("client-owners", 10, Duration.ofMinutes(1));

        cache.put("a", "1");
        cache.getIfPresent("a");
        cache.getIfPresent("b");

        assertThat(meters.get("cache.gets").tag("cache", "client-owners").tag("result", "hit").functionCounter()
                .count()).isEqualTo(1);
        assertThat(meters.get("cache.gets").tag("cache", "client-owners").tag("result", "miss").functionCounter()
                .count()).isEqualTo(1);
        assertThat(meters.get("cache.size").tag("cache", "client-owners").gauge().value()).isEqualTo(1);
    }

    @Test
    void createWhenNoMeterRegistryThenStillACache() {
        MonitoredCaches caches = new MonitoredCaches(environment, new StaticListableBeanFactory()
                .getBeanProvider(MeterRegistry.class));

        Cache<String, String> cache = caches.create("unmonitored", 10, Duration.ofMinutes(1));
        cache.put("a", "1");

        assertThat(cache.getIfPresent("a")).isEqualTo("1");
    }

    private MonitoredCaches caches() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meters", meters);
        ObjectProvider<MeterRegistry> provider = beans.getBeanProvider(MeterRegistry.class);
        return new MonitoredCaches(environment, provider);
    }
}

package jp.kakehashi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import jp.kakehashi.PlatformTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every in-memory cache of the platform shows its size, hits, misses and evictions to the bank's monitoring. */
@PlatformTest
class CacheMetricsTest {

    @Autowired
    MeterRegistry meters;

    @ParameterizedTest
    @ValueSource(strings = {"access-tokens", "grant-touches", "client-owners", "consented-accounts",
            "transfer-service-names"})
    void cacheMetricsWhenTheApplicationRunsThenPublishedPerCache(String cache) {
        assertThat(meters.find("cache.gets").tag("cache", cache).tag("result", "hit").functionCounter()).isNotNull();
        assertThat(meters.find("cache.gets").tag("cache", cache).tag("result", "miss").functionCounter()).isNotNull();
        assertThat(meters.find("cache.evictions").tag("cache", cache).functionCounter()).isNotNull();
        assertThat(meters.find("cache.size").tag("cache", cache).gauge()).isNotNull();
    }
}

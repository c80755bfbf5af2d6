package jp.kakehashi.authorization.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.kakehashi.authorization.store.AuthorizationChanges;
import jp.kakehashi.shared.MonitoredCaches;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The access token cache never outlives a change it heard of, the token, the grant, or its own age limit. */
class AccessTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");

    private final AuthorizationChanges changes = mock(AuthorizationChanges.class);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private Consumer<String> subscriber;
    private AccessTokenCache cache;

    @BeforeEach
    void setUp() {
        when(changes.isListening()).thenReturn(true);
        doAnswer(invocation -> subscriber = invocation.getArgument(0)).when(changes).subscribe(any());
        cache = new AccessTokenCache(changes, MonitoredCaches.withDefaults(meters));
    }

    @Test
    void getWhenPutThenServedUntilTheAgeLimit() {
        cache.put("token-a", resolved("auth-1", NOW.plus(Duration.ofHours(1))), NOW, cache.stamp());

        assertThat(cache.get("token-a", NOW.plusSeconds(29))).isNotNull();
        assertThat(cache.get("token-a", NOW.plus(AccessTokenCache.MAX_AGE))).isNull();
        assertThat(cache.get("token-b", NOW)).isNull();
    }

    @Test
    void getWhenTokenOrGrantEndsFirstThenNotServedAfterIt() {
        cache.put("token-a", resolved("auth-1", NOW.plusSeconds(5)), NOW, cache.stamp());

        assertThat(cache.get("token-a", NOW.plusSeconds(4))).isNotNull();
        assertThat(cache.get("token-a", NOW.plusSeconds(5))).isNull();
    }

    @Test
    void getWhenItsAuthorizationChangedThenGoneButOthersStay() {
        cache.put("token-a", resolved("auth-1", NOW.plusSeconds(600)), NOW, cache.stamp());
        cache.put("token-b", resolved("auth-2", NOW.plusSeconds(600)), NOW, cache.stamp());

        subscriber.accept("auth-1");

        assertThat(cache.get("token-a", NOW)).isNull();
        assertThat(cache.get("token-b", NOW)).isNotNull();
        subscriber.accept(AuthorizationChanges.EVERYTHING);
        assertThat(cache.get("token-b", NOW)).isNull();
    }

    @Test
    void putWhenAChangeWasHeardWhileReadingTheStoreThenNotKept() {
        long stamp = cache.stamp();
        subscriber.accept("auth-9"); // a revocation committed while this node was reading the old state

        cache.put("token-a", resolved("auth-1", NOW.plusSeconds(600)), NOW, stamp);

        assertThat(cache.get("token-a", NOW)).isNull();
    }

    @Test
    void getWhenNotListeningThenNothingIsTrusted() {
        cache.put("token-a", resolved("auth-1", NOW.plusSeconds(600)), NOW, cache.stamp());

        when(changes.isListening()).thenReturn(false);

        assertThat(cache.get("token-a", NOW)).isNull();
    }

    private static AccessTokenCache.Resolved resolved(String authorizationId, Instant validUntil) {
        return new AccessTokenCache.Resolved(authorizationId, "C0001", Map.of("client_id", "c"), List.of("accounts"),
                validUntil);
    }

    @Test
    void getWhenServedOrMissedThenCountedInTheCacheMetrics() {
        cache.put("token-a", resolved("auth-1", NOW.plusSeconds(600)), NOW, cache.stamp());

        cache.get("token-a", NOW);
        cache.get("token-b", NOW);

        assertThat(meters.get("cache.gets").tag("cache", "access-tokens").tag("result", "hit").functionCounter()
                .count()).isEqualTo(1);
        assertThat(meters.get("cache.gets").tag("cache", "access-tokens").tag("result", "miss").functionCounter()
                .count()).isEqualTo(1);
    }
}

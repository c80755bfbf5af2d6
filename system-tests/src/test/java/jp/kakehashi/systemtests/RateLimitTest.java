package jp.kakehashi.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.systemtests.support.ApiClient;
import jp.kakehashi.systemtests.support.Connection;
import jp.kakehashi.systemtests.support.RunningPlatform;
import jp.kakehashi.systemtests.support.TestTpp;
import jp.kakehashi.tpp.ratelimit.RateLimit;
import jp.kakehashi.tpp.ratelimit.TppRateLimits;
import org.junit.jupiter.api.Test;

/** F4: a TPP over its rate limit gets 429 with Retry-After; another TPP is not slowed down by it. */
class RateLimitTest {

    private final RunningPlatform platform = RunningPlatform.get();
    private final TppRateLimits limits = platform.bean(TppRateLimits.class);

    @Test
    void callWhenTppExceedsItsLimitThen429WithRetryAfterWhileAnotherTppIsServed() throws Exception {
        TestTpp noisy = TestTpp.register(platform, Set.of("accounts"));
        TestTpp other = TestTpp.register(platform, Set.of("accounts"));
        var noisyApi = new ApiClient(platform, Connection.establish(platform, noisy, "yamada", "openid", "accounts"));
        var otherApi = new ApiClient(platform, Connection.establish(platform, other, "sato", "openid", "accounts"));
        // as the bank's staff would throttle a misbehaving app: 2 calls at once, then one every two seconds
        limits.override(noisy.tppId(), new RateLimit(0.5, 2));
        try {
            assertThat(noisyApi.get("/v1/accounts").status()).isEqualTo(200);
            assertThat(noisyApi.get("/v1/accounts").status()).isEqualTo(200);
            String interaction = UUID.randomUUID().toString();
            var refused = noisyApi.get("/v1/accounts", "x-fapi-interaction-id", interaction);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
            assertThat(refused.json()).containsEntry("errorCode", "RATE_LIMIT_EXCEEDED");
            assertThat(refused.header("x-fapi-interaction-id")).isEqualTo(interaction);
            for (int i = 0; i < 5; i++) {
                assertThat(otherApi.get("/v1/accounts").status()).isEqualTo(200);
            }
            assertThat(platform.bean(ExecutionLogRecords.class).byInteractionId(UUID.fromString(interaction)))
                    .singleElement().satisfies(record -> {
                        assertThat(record.tppId()).isEqualTo(noisy.tppId());
                        assertThat(record.httpStatus()).isEqualTo(429);
                        assertThat(record.errorCode()).isEqualTo("RATE_LIMIT_EXCEEDED");
                    });
        }
        finally {
            limits.removeOverride(noisy.tppId());
        }
        assertThat(noisyApi.get("/v1/accounts").status()).isEqualTo(200);
    }
}

package jp.kakehashi.tpp.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kakehashi.shared.MonitoredCaches;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** F4: authorised calls count against their TPP, others against their address; over the limit → 429. */
class RateLimitFilterTest {

    private final Tpps tpps = mock(Tpps.class);
    private final TppRateLimits limits = limits();
    private final RateLimitFilter filter = new RateLimitFilter(limits, new jp.kakehashi.tpp.ClientOwners(tpps,
            MonitoredCaches.withDefaults(new SimpleMeterRegistry())));

    RateLimitFilterTest() {
        when(tpps.findClient("client-1")).thenReturn(Optional.of(new TppClient("client-1", "tpp-1", "c",
                List.of("https://tpp.example/cb"), "{}", null, TppClient.AuthMethod.PRIVATE_KEY_JWT, null,
                TppClient.SenderConstraint.DPOP)));
    }

    @AfterEach
    void clearCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void doFilterWhenTppOverItsLimitThen429WithRetryAfterAndJsonError() throws Exception {
        actAs("client-1");
        assertThat(call("203.0.113.1").getStatus()).isEqualTo(200);

        var refused = call("203.0.113.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(refused.getContentAsString()).contains("\"errorCode\":\"RATE_LIMIT_EXCEEDED\"");
        // the TPP's calls and the address's unauthenticated calls are counted apart
        SecurityContextHolder.clearContext();
        assertThat(call("203.0.113.1").getStatus()).isEqualTo(200);
        assertThat(call("203.0.113.1").getStatus()).isEqualTo(429);
        assertThat(call("203.0.113.2").getStatus()).isEqualTo(200);
    }

    @Test
    void doFilterWhenNotApiThenNeverLimited() throws Exception {
        for (int i = 0; i < 3; i++) {
            var response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", "/login"), response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    /** Buckets of one token that never refill, on every node: a second call of the same caller is over. */
    private static TppRateLimits limits() {
        var overrides = mock(RateLimitOverrides.class);
        when(overrides.all()).thenReturn(Map.of());
        var used = new java.util.HashSet<String>();
        SharedBuckets buckets = (bucket, limit, want, back) -> used.add(bucket) ? new SharedBuckets.Taken(1, 0)
                : new SharedBuckets.Taken(0, java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(700));
        return new TppRateLimits(new RateLimitProperties(true, new RateLimit(1, 1), new RateLimit(1, 1), Map.of(),
                null, null, null), buckets, overrides, () -> 0L);
    }

    private MockHttpServletResponse call(String address) throws Exception {
        var request = new MockHttpServletRequest("GET", "/v1/accounts");
        request.setRemoteAddr(address);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    private static void actAs(String clientId) {
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(Jwt.withTokenValue("t")
                .header("alg", "none").subject("C0001").claim("client_id", clientId).build()));
    }
}

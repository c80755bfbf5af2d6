package jp.kakehashi.tpp.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the rate limits to {@code /v1} calls. Ordered after Spring Security's filter chain (order -100), so it sees
 * the authenticated caller in the security context: a call with a customer's authorisation counts against its TPP,
 * any other against its client IP address.
 */
@Component
@org.springframework.core.annotation.Order(0)
class RateLimitFilter extends OncePerRequestFilter {

    private static final String EXCEEDED = """
            {"errorCode":"RATE_LIMIT_EXCEEDED","errorMessage":"リクエストが多すぎます (too many requests)",\
            "errorDetails":[{"errorDetailsCode":"RETRY_LATER",\
            "errorDetailsMessage":"Retry-After の秒数の後に再試行してください (retry after Retry-After seconds)"}]}""";

    private final TppRateLimits limits;
    private final Tpps tpps;
    // a client belongs to one TPP for its whole life, so the mapping never goes stale
    private final Map<String, String> tppOfClient = new ConcurrentHashMap<>();

    RateLimitFilter(TppRateLimits limits, Tpps tpps) {
        this.limits = limits;
        this.tpps = tpps;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = clientIdOf(SecurityContextHolder.getContext().getAuthentication());
        Optional<Long> wait = clientId == null ? limits.takeForAddress(request.getRemoteAddr())
                : limits.takeForTpp(tppOf(clientId));
        if (wait.isPresent()) {
            refuse(response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private static String clientIdOf(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return jwt.getClaimAsString("client_id");
        }
        return null;
    }

    private String tppOf(String clientId) {
        String tppId = tppOfClient.get(clientId);
        if (tppId == null) {
            // an authenticated client always exists; were it gone, its calls still share one bucket
            tppId = tpps.findClient(clientId).map(TppClient::tppId).orElse("client:" + clientId);
            tppOfClient.put(clientId, tppId);
        }
        return tppId;
    }

    private static void refuse(HttpServletResponse response, long waitNanos) throws IOException {
        long seconds = Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(EXCEEDED.getBytes(StandardCharsets.UTF_8));
    }
}

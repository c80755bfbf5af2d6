package jp.kakehashi.tpp.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;
import jp.kakehashi.shared.ApiErrorResponses;
import jp.kakehashi.shared.ApiFilterOrder;
import jp.kakehashi.shared.TppApiPaths;
import jp.kakehashi.tpp.ClientOwners;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the rate limits to the TPP API's calls ({@link TppApiPaths}: {@code /v1} and {@code /grants}). Ordered after Spring Security's filter chain (order -100), so it sees
 * the authenticated caller in the security context: a call with a customer's authorisation counts against its TPP,
 * any other against its client IP address.
 */
@Component
@Order(ApiFilterOrder.RATE_LIMIT)
class RateLimitFilter extends OncePerRequestFilter {

    private final TppRateLimits limits;
    private final ClientOwners owners;

    RateLimitFilter(TppRateLimits limits, ClientOwners owners) {
        this.limits = limits;
        this.owners = owners;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limits.enabled() || !TppApiPaths.covers(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = ClientOwners.clientIdOf(SecurityContextHolder.getContext().getAuthentication());
        Optional<Long> wait = clientId == null ? limits.takeForAddress(request.getRemoteAddr())
                : limits.takeForTpp(
                        // an authenticated client always exists; were it gone, its calls still share one bucket
                        java.util.Objects.requireNonNullElse(owners.tppOf(clientId), "client:" + clientId));
        if (wait.isPresent()) {
            refuse(request, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long waitNanos)
            throws IOException {
        long seconds = Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.RATE_LIMIT_EXCEEDED).withDetail(
                "RETRY_LATER", "Retry-After の秒数の後に再試行してください (retry after Retry-After seconds)", null));
    }
}

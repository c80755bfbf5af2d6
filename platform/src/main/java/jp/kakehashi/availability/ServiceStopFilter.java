package jp.kakehashi.availability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;
import jp.kakehashi.shared.ApiErrorResponses;
import jp.kakehashi.shared.ApiFilterOrder;
import jp.kakehashi.shared.BusinessClock;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * During a stop of the bank's API (E6) every {@code /v1} call of the stopped class answers 503 with
 * {@code Retry-After} (seconds to the stop's end) and the API's error body, code {@code SERVICE_STOPPED}. It runs
 * inside the execution-log filter, so the refused calls are logged (C1), and before Spring Security, so a stop costs
 * no token lookups.
 */
@Component
@Order(ApiFilterOrder.SERVICE_STOP)
class ServiceStopFilter extends OncePerRequestFilter {

    private static final DateTimeFormatter END = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(BusinessClock.TOKYO);

    private final StopsInEffect stops;
    private final Clock clock;

    ServiceStopFilter(StopsInEffect stops, Clock clock) {
        this.stops = stops;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !pathOf(request).startsWith("/v1/");
    }

    /**
     * The path as Spring MVC matches it: percent-decoded, without {@code ;} parameters, {@code //} and dot segments
     * resolved. The raw request URI would let {@code /v1/%74ransfers} or {@code /%761/accounts} past a stop, for this
     * filter runs before the firewall that refuses such paths.
     */
    static String pathOf(HttpServletRequest request) {
        return StringUtils.cleanPath(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant now = clock.instant();
        Optional<ServiceStop> stop = stops.stopping(classOf(pathOf(request)), now);
        if (stop.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, stop.get(), now);
    }

    /** The API class of a path; null for the public endpoints, which only a stop of everything takes down. */
    static @Nullable StoppedApi classOf(String path) {
        if (path.startsWith("/v1/transfers")) {
            return StoppedApi.PAYMENT;
        }
        return path.startsWith("/v1/accounts") ? StoppedApi.READ : null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ServiceStop stop, Instant now)
            throws IOException {
        long seconds = Math.max(1, Duration.between(now, stop.endsAt()).plusMillis(999).toSeconds());
        String end = END.format(stop.endsAt());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.SERVICE_STOPPED).withDetail(
                stop.emergency() ? "EMERGENCY_STOP" : "PLANNED_STOP", end + " まで停止します (stopped until " + end + ")",
                null));
    }
}

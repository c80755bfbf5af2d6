package jp.kakehashi.shared;

import org.springframework.core.Ordered;

/**
 * The order of the platform's servlet filters around the {@code /v1} API (and the TPP API's other paths,
 * {@link TppApiPaths}), in one place: each filter's {@code @Order} names its constant here, lowest first. Spring Boot
 * registers Spring Security's filter chain at {@link #SPRING_SECURITY}; the filters before it see every request
 * unauthenticated, the ones after it see the caller in the security context.
 * <ol>
 * <li>{@link #CLIENT_ADDRESS}: makes {@code getRemoteAddr()} the client's address behind trusted proxies, so nothing
 * after it (rate limit F4, execution log C1, risk headers C3) reads the proxy's.</li>
 * <li>{@link #EXECUTION_LOG}: records every TPP API call (C1) whoever answers it, so it wraps all that can refuse one:
 * the risk headers, a service stop, malformed requests, Spring Security, the rate limit and the chained-party check.</li>
 * <li>{@link #RISK_HEADERS}: reads the risk headers and echoes the interaction id (FAPI 1 Baseline §6.2.1.11) before
 * anything else answers, so a stop, a 400 or a 401 carries it too; inside the execution log so its own 400 is
 * logged.</li>
 * <li>{@link #SERVICE_STOP}: a stopped API class (E6) is refused before any token lookup, after the interaction id is
 * echoed and inside the execution log.</li>
 * <li>{@link #MALFORMED_REQUESTS}: bodies too large or parameters that do not decode are refused before any endpoint
 * (Spring Security's included) reads them.</li>
 * <li>{@link #CONSENT_PAGES}: keeps the consent page's bytes as sent (D5); only the screens, after the above.</li>
 * <li>{@link #SPRING_SECURITY}: Spring Security's chains (Spring Boot's default order, not set here).</li>
 * <li>{@link #RATE_LIMIT}: counts a call against its TPP (F4), so it runs after Spring Security has named the
 * caller.</li>
 * <li>{@link #CHAINED_PARTY}: refuses calls for a chained party the bank does not allow (F2), after the rate limit so
 * refused calls count too.</li>
 * </ol>
 */
public final class ApiFilterOrder {

    /** First of all filters. */
    public static final int CLIENT_ADDRESS = Ordered.HIGHEST_PRECEDENCE;
    public static final int EXECUTION_LOG = Ordered.HIGHEST_PRECEDENCE + 5;
    public static final int RISK_HEADERS = Ordered.HIGHEST_PRECEDENCE + 7;
    public static final int SERVICE_STOP = Ordered.HIGHEST_PRECEDENCE + 8;
    public static final int MALFORMED_REQUESTS = Ordered.HIGHEST_PRECEDENCE + 10;
    public static final int CONSENT_PAGES = Ordered.HIGHEST_PRECEDENCE + 100;
    /** Spring Boot's {@code SecurityProperties.DEFAULT_FILTER_ORDER}, for reference only. */
    public static final int SPRING_SECURITY = -100;
    public static final int RATE_LIMIT = 0;
    public static final int CHAINED_PARTY = 1;

    private ApiFilterOrder() {
    }
}

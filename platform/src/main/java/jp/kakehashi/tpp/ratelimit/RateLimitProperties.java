package jp.kakehashi.tpp.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configured rate limits ({@code kakehashi.rate-limit.*}).
 *
 * @param enabled   whether {@code /v1} calls are limited at all
 * @param nodes     how many nodes serve the API; each grants its share of every limit
 * @param perTpp    the limit of a TPP without an override, for the cluster as a whole
 * @param perIp     the limit per client IP address of calls without a customer's authorisation
 * @param tpps      per-TPP overrides by TPP id
 */
@ConfigurationProperties("kakehashi.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1") int nodes, RateLimit perTpp,
        RateLimit perIp, Map<String, RateLimit> tpps) {

    RateLimitProperties {
        perTpp = perTpp == null ? new RateLimit(100, 200) : perTpp;
        perIp = perIp == null ? new RateLimit(50, 100) : perIp;
        tpps = tpps == null ? Map.of() : Map.copyOf(tpps);
        if (nodes < 1) {
            throw new IllegalArgumentException("kakehashi.rate-limit.nodes must be at least 1");
        }
    }
}

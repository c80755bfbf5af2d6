package jp.kakehashi.tpp.ratelimit;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configured rate limits ({@code kakehashi.rate-limit.*}), each for the cluster as a whole.
 *
 * @param enabled whether {@code /v1} calls are limited at all
 * @param perTpp  the limit of a TPP without an override
 * @param perIp   the limit per client IP address of calls without a customer's authorisation
 * @param tpps    per-TPP overrides by TPP id
 * @param nodes   no longer supported: set, it stops the start with an explanation (limits are shared by all nodes
 *                through PostgreSQL, so no node grants a share of its own any more)
 */
@ConfigurationProperties("kakehashi.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, RateLimit perTpp, RateLimit perIp,
        Map<String, RateLimit> tpps, Integer nodes) {

    RateLimitProperties {
        perTpp = perTpp == null ? new RateLimit(100, 200) : perTpp;
        perIp = perIp == null ? new RateLimit(50, 100) : perIp;
        tpps = tpps == null ? Map.of() : Map.copyOf(tpps);
        if (nodes != null) {
            throw new IllegalArgumentException("kakehashi.rate-limit.nodes is no longer supported: rate limits are "
                    + "now counted for the whole cluster in PostgreSQL, so each configured limit is the cluster's. "
                    + "Remove the setting (and undo any division of the limits by the number of nodes).");
        }
    }
}

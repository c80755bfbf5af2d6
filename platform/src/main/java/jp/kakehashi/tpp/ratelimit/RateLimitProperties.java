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
 * @param ipv6PrefixLength the per-IP limit counts an IPv6 caller by this prefix of its address (a host usually has a
 *                whole /64, so counting full addresses would let it rotate through them); 1 to 128, default 64
 * @param perClient the limit of each OAuth client at the authorization server's endpoints (token, PAR,
 *                  introspection, revocation); default 20/s, burst 40
 */
@ConfigurationProperties("kakehashi.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, RateLimit perTpp, RateLimit perIp,
        Map<String, RateLimit> tpps, Integer nodes, Integer ipv6PrefixLength, RateLimit perClient) {

    RateLimitProperties {
        perTpp = perTpp == null ? new RateLimit(100, 200) : perTpp;
        perIp = perIp == null ? new RateLimit(50, 100) : perIp;
        tpps = tpps == null ? Map.of() : Map.copyOf(tpps);
        ipv6PrefixLength = ipv6PrefixLength == null ? 64 : ipv6PrefixLength;
        if (ipv6PrefixLength < 1 || ipv6PrefixLength > 128) {
            throw new IllegalArgumentException("kakehashi.rate-limit.ipv6-prefix-length must be 1 to 128");
        }
        perClient = perClient == null ? new RateLimit(20, 40) : perClient;
        if (nodes != null) {
            throw new IllegalArgumentException("kakehashi.rate-limit.nodes is no longer supported: rate limits are "
                    + "now counted for the whole cluster in PostgreSQL, so each configured limit is the cluster's. "
                    + "Remove the setting (and undo any division of the limits by the number of nodes).");
        }
    }
}

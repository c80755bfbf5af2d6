package jp.kakehashi.tpp;

import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import jp.kakehashi.shared.MonitoredCaches;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The TPP of an OAuth client, cached for the filters on every {@code /v1} call (rate limits, chained parties, the
 * execution log): a client belongs to one TPP for its whole life, so an entry never goes stale, and the registry is
 * read once per client rather than once per call. The entries are bounded in number and age
 * ({@code kakehashi.caches.client-owners.*}) so clients no longer calling do not stay in memory.
 */
@Component
public class ClientOwners {

    private final Tpps tpps;
    private final Cache<String, String> tppOfClient;

    public ClientOwners(Tpps tpps, MonitoredCaches caches) {
        this.tpps = tpps;
        this.tppOfClient = caches.create("client-owners", 10_000, Duration.ofHours(1));
    }

    /** The owning TPP's id, or null for a client the registry does not know. */
    public String tppOf(String clientId) {
        // an unknown client is not remembered: it may be registered a moment later on another node
        return tppOfClient.get(clientId, id -> tpps.findClient(id).map(TppClient::tppId).orElse(null));
    }

    /** The client id of an authenticated API call (its access token's {@code client_id}), or null. */
    public static String clientIdOf(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return jwt.getClaimAsString(OAuth2TokenIntrospectionClaimNames.CLIENT_ID);
        }
        return null;
    }
}

package jp.kakehashi.tpp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The TPP of an OAuth client, cached for the filters on every {@code /v1} call (rate limits, chained parties, the
 * execution log): a client belongs to one TPP for its whole life, so an entry never goes stale, and the registry is
 * read once per client rather than once per call.
 */
@Component
public class ClientOwners {

    private final Tpps tpps;
    private final Map<String, String> tppOfClient = new ConcurrentHashMap<>();

    public ClientOwners(Tpps tpps) {
        this.tpps = tpps;
    }

    /** The owning TPP's id, or null for a client the registry does not know. */
    public String tppOf(String clientId) {
        String tppId = tppOfClient.get(clientId);
        if (tppId == null) {
            tppId = tpps.findClient(clientId).map(TppClient::tppId).orElse(null);
            if (tppId != null) {
                tppOfClient.put(clientId, tppId);
            }
        }
        return tppId;
    }

    /** The client id of an authenticated API call (its access token's {@code client_id}), or null. */
    public static String clientIdOf(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            return jwt.getClaimAsString(OAuth2TokenIntrospectionClaimNames.CLIENT_ID);
        }
        return null;
    }
}

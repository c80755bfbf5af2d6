package jp.kakehashi.audit.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.Tpps;
import org.springframework.stereotype.Component;

/**
 * The TPP of an OAuth client, cached: a client belongs to one TPP for its whole life, so an entry never goes stale,
 * and the registry is read once per client rather than once per call.
 */
@Component
class ClientOwners {

    private final Tpps tpps;
    private final Map<String, String> tppOfClient = new ConcurrentHashMap<>();

    ClientOwners(Tpps tpps) {
        this.tpps = tpps;
    }

    /** The owning TPP's id, or null for a client the registry does not know (it is recorded without one). */
    String tppOf(String clientId) {
        String tppId = tppOfClient.get(clientId);
        if (tppId == null) {
            tppId = tpps.findClient(clientId).map(TppClient::tppId).orElse(null);
            if (tppId != null) {
                tppOfClient.put(clientId, tppId);
            }
        }
        return tppId;
    }
}

package jp.kakehashi.runtime.network;

import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Who the client is (C1, C3, F4): the connection's peer, unless that peer is one of the bank's trusted proxies, in
 * which case the forwarded header says. The header is walked from the right, the hop the trusted peer itself added,
 * skipping further trusted proxies; the first hop that is not one is the client. Whatever is left of it was written
 * by the client or by proxies the bank does not know, so it is never read. A header that cannot be read, or whose
 * hop at that place is not an IP address, counts as absent: the peer is the client, and the request goes on.
 */
final class ClientAddresses {

    private final TrustedProxies proxies;
    private final ForwardedHeader header;

    ClientAddresses(TrustedProxies proxies, ForwardedHeader header) {
        this.proxies = proxies;
        this.header = header;
    }

    boolean trustsAnyone() {
        return !proxies.isEmpty();
    }

    String headerName() {
        return header.headerName();
    }

    /**
     * The client's address.
     *
     * @param peer   the connection's remote address, as the container gives it
     * @param values the forwarded header's lines, in order
     */
    String clientOf(String peer, Enumeration<String> values) {
        if (peer == null || values == null || !values.hasMoreElements()) {
            return peer;
        }
        Optional<String> canonicalPeer = IpLiteral.parse(peer);
        if (canonicalPeer.isEmpty() || !proxies.trusts(canonicalPeer.get())) {
            return peer;
        }
        StringBuilder joined = new StringBuilder();
        while (values.hasMoreElements()) {
            joined.append(joined.isEmpty() ? "" : ",").append(values.nextElement());
        }
        Optional<List<String>> nodes = header.nodes(joined.toString());
        if (nodes.isEmpty()) {
            return peer;
        }
        String client = peer;
        List<String> hops = nodes.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = ForwardedHeader.address(hops.get(i));
            if (hop.isEmpty()) {
                return peer;
            }
            client = hop.get();
            if (!proxies.trusts(client)) {
                return client;
            }
        }
        // every hop a trusted proxy (a probe from inside): the first of them
        return client;
    }
}

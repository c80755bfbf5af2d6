package jp.kakehashi.notification.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import jp.kakehashi.notification.delivery.EndpointRegistration.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The TPPs' registered endpoints for notices and security events (A6, C6, E6), one pair per TPP, registered in the
 * portal or by staff; a new registration replaces the old one.
 */
@Repository
public class TppEndpoints {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final ReceiverAddresses addresses;

    TppEndpoints(JdbcClient jdbc, Clock clock, DeliveryProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.addresses = new ReceiverAddresses(properties.allowPlainHttpLoopback());
    }

    public EndpointRegistration register(String tppId, String webhookUrl, String securityEventUrl,
            String registeredBy) {
        String events = securityEventUrl == null || securityEventUrl.isBlank() ? null : securityEventUrl.strip();
        Optional<Refusal> refusal = check(webhookUrl == null ? null : webhookUrl.strip())
                .or(() -> events == null ? Optional.empty() : check(events));
        if (refusal.isPresent()) {
            return new EndpointRegistration.Refused(refusal.get());
        }
        var endpoint = new TppEndpoint(tppId, webhookUrl.strip(), events, registeredBy, clock.instant());
        jdbc.sql("""
                insert into tpp_endpoint (tpp_id, webhook_url, security_event_url, registered_by, registered_at)
                values (?, ?, ?, ?, ?)
                on conflict (tpp_id) do update set webhook_url = excluded.webhook_url,
                    security_event_url = excluded.security_event_url, registered_by = excluded.registered_by,
                    registered_at = excluded.registered_at
                """).params(tppId, endpoint.webhookUrl(), events, registeredBy,
                Timestamp.from(endpoint.registeredAt())).update();
        return new EndpointRegistration.Registered(endpoint);
    }

    public Optional<TppEndpoint> of(String tppId) {
        return jdbc.sql("select * from tpp_endpoint where tpp_id = ?").param(tppId).query(TppEndpoints::endpoint)
                .optional();
    }

    /** Every registered TPP: a stop of the bank's API is announced to all of them. */
    public java.util.List<TppEndpoint> all() {
        return jdbc.sql("select * from tpp_endpoint order by tpp_id").query(TppEndpoints::endpoint).list();
    }

    private Optional<Refusal> check(String url) {
        URI uri;
        try {
            uri = url == null ? null : new URI(url);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getScheme() == null) {
            return Optional.of(Refusal.INVALID_URL);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowPlainHttpLoopback()
                && loopback(uri.getHost()))) {
            return Optional.of(Refusal.NOT_HTTPS);
        }
        // said at once where it is already clear; each delivery checks again, for DNS answers change
        return addresses.resolve(uri.getHost()) instanceof ReceiverAddresses.Check.Refused refused
                && !refused.unknownHost() ? Optional.of(Refusal.NOT_PUBLIC) : Optional.empty();
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static TppEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        return new TppEndpoint(rs.getString("tpp_id"), rs.getString("webhook_url"),
                rs.getString("security_event_url"), rs.getString("registered_by"),
                rs.getTimestamp("registered_at").toInstant());
    }
}

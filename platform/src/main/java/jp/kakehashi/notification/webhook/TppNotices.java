package jp.kakehashi.notification.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.kakehashi.notification.delivery.OutboundDeliveries;
import jp.kakehashi.notification.delivery.OutboundDelivery;
import jp.kakehashi.notification.delivery.TppEndpoints;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notices sent to TPPs (A6, C6, E6): each is stored, so the portal shows it whether or not the TPP's webhook took
 * it, and queued for the TPP's webhook when it registered one.
 */
@Repository
public class TppNotices {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TppEndpoints endpoints;
    private final OutboundDeliveries deliveries;
    private final MessageSource messages;
    private final Clock clock;

    TppNotices(JdbcClient jdbc, TppEndpoints endpoints, OutboundDeliveries deliveries, MessageSource messages,
            Clock clock) {
        this.jdbc = jdbc;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.messages = messages;
        this.clock = clock;
    }

    /** A TPP's notices, newest first. */
    public List<TppNotice> of(String tppId) {
        return jdbc.sql("select * from tpp_notice where tpp_id = ? order by created_at desc, id").param(tppId)
                .query(TppNotices::notice).list();
    }

    /** The notice's subject in a language, from its kind and data (the portal's language). */
    public String subject(TppNotice notice, Locale locale) {
        Object argument = notice.data().getOrDefault("subjectArgument", "");
        String key = notice.kind().subjectKey();
        Object[] arguments = { argument };
        // a status has its own wording where the bundle gives one ("停止のお知らせ"), else the general one
        String specific = messages.getMessage(key + "." + argument, arguments, null, locale);
        return specific != null ? specific : messages.getMessage(key, arguments, locale);
    }

    /** Stores a notice and queues it for the TPP's webhook; call inside the transaction of its listener. */
    TppNotice send(String tppId, TppNotice.Kind kind, String subjectArgument, Map<String, Object> data) {
        Map<String, Object> stored = new LinkedHashMap<>(data);
        stored.put("subjectArgument", subjectArgument);
        var notice = new TppNotice(UUID.randomUUID().toString(), tppId, kind, null, stored, clock.instant());
        String subject = subject(notice, Locale.JAPANESE);
        jdbc.sql("""
                insert into tpp_notice (id, tpp_id, kind, subject, body, created_at) values (?, ?, ?, ?, cast(? as jsonb), ?)
                """).params(notice.id(), tppId, kind.name(), subject, JSON.writeValueAsString(stored),
                Timestamp.from(notice.createdAt())).update();
        endpoints.of(tppId).ifPresent(endpoint -> deliveries.enqueue(OutboundDelivery.Kind.NOTICE, tppId,
                endpoint.webhookUrl(), "application/json", webhookBody(notice, subject)));
        return new TppNotice(notice.id(), tppId, kind, subject, stored, notice.createdAt());
    }

    private static String webhookBody(TppNotice notice, String subject) {
        Map<String, Object> data = new LinkedHashMap<>(notice.data());
        data.remove("subjectArgument");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("noticeId", notice.id());
        body.put("type", notice.kind().type());
        body.put("tppId", notice.tppId());
        body.put("createdAt", notice.createdAt().toString());
        body.put("subject", subject);
        body.put("data", data);
        return JSON.writeValueAsString(body);
    }

    private static TppNotice notice(ResultSet rs, int row) throws SQLException {
        Map<String, Object> data = JSON.readValue(rs.getString("body"), new TypeReference<>() {
        });
        Instant created = rs.getTimestamp("created_at").toInstant();
        return new TppNotice(rs.getString("id"), rs.getString("tpp_id"), TppNotice.Kind.valueOf(rs.getString("kind")),
                rs.getString("subject"), data, created);
    }
}

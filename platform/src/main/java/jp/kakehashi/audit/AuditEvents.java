package jp.kakehashi.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The business event log (C3): one append-only row per audited event of a module, with its outcome and reason code.
 * See V11__audit_events.sql.
 */
@Repository
public class AuditEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One audited event as stored.
     *
     * @param eventId   unique per event: a second delivery of the same event is not stored twice
     * @param eventType e.g. {@code transfer.status} or {@code transfer.refused}
     * @param subject   what the event is about (e.g. the transfer's apply number), if anything
     * @param outcome   the status reached or {@code REFUSED}
     */
    public record AuditEvent(String eventId, String eventType, Instant occurredAt, @Nullable String customerId,
            @Nullable String clientId, @Nullable String subject, String outcome, @Nullable String reasonCode,
            Map<String, Object> details) {
    }

    void append(AuditEvent event) {
        jdbc.sql("""
                insert into audit_events (event_id, event_type, occurred_at, customer_id, client_id, subject, outcome,
                    reason_code, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (event_id) do nothing
                """).params(Arrays.asList(event.eventId(), event.eventType(), Timestamp.from(event.occurredAt()),
                        event.customerId(), event.clientId(), event.subject(), event.outcome(), event.reasonCode(),
                        JSON.writeValueAsString(event.details()))).update();
    }

    /** The events about one subject, oldest first (a transfer's whole history). */
    public List<AuditEvent> about(String subject) {
        return jdbc.sql("select * from audit_events where subject = ? order by occurred_at, id").param(subject)
                .query(AuditEvents::event).list();
    }

    /** The events of a customer since an instant, oldest first. */
    public List<AuditEvent> ofCustomer(String customerId, Instant since) {
        return jdbc.sql("select * from audit_events where customer_id = ? and occurred_at >= ? order by occurred_at, id")
                .params(customerId, Timestamp.from(since)).query(AuditEvents::event).list();
    }

    @SuppressWarnings("unchecked")
    private static AuditEvent event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AuditEvent(rs.getString("event_id"), rs.getString("event_type"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("customer_id"), rs.getString("client_id"),
                rs.getString("subject"), rs.getString("outcome"), rs.getString("reason_code"),
                JSON.readValue(rs.getString("details"), Map.class));
    }
}

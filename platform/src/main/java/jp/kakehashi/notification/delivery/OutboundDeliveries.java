package jp.kakehashi.notification.delivery;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.kakehashi.notification.signing.NoticeSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox of HTTP deliveries to TPPs and other banks (A6, C6, E1, F3): a delivery is stored in the transaction
 * that decides it, tried right after that commits, and retried with a doubling wait until the receiver takes it or
 * {@link DeliveryProperties#maxAttempts()} run out. Every attempt's outcome is recorded for staff. A delivery due is
 * claimed by moving its next attempt past the timeout, so two nodes never send it at the same moment. Each attempt
 * resolves the receiver's host again and goes only to a public address ({@link ReceiverAddresses}, against SSRF);
 * only the answer's status is kept.
 */
@Repository
public class OutboundDeliveries {

    private static final Logger log = LoggerFactory.getLogger(OutboundDeliveries.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final NoticeSignatures signatures;
    private final ReceiverAddresses addresses;

    OutboundDeliveries(JdbcClient jdbc, Clock clock, DeliveryProperties properties, NoticeSignatures signatures) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.signatures = signatures;
        this.addresses = new ReceiverAddresses(properties.allowPlainHttpLoopback());
    }

    /** Stores a delivery; call inside the deciding transaction. It is first tried once that commits. */
    public String enqueue(OutboundDelivery.Kind kind, String receiver, String url, String contentType, String payload) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into outbound_delivery (id, kind, receiver, url, content_type, payload, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(id, kind.name(), receiver, url, contentType, payload, Timestamp.from(now),
                Timestamp.from(now)).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Thread.ofVirtual().name("delivery-" + id).start(() -> attempt(id));
                }
            });
        }
        return id;
    }

    /** The deliveries to one receiver, newest first (the console and the portal). */
    public List<OutboundDelivery> to(String receiver) {
        return jdbc.sql("select * from outbound_delivery where receiver = ? order by created_at desc, id")
                .param(receiver).query(OutboundDeliveries::delivery).list();
    }

    @Scheduled(fixedDelayString = "${kakehashi.deliveries.interval:10s}",
            initialDelayString = "${kakehashi.deliveries.interval:10s}")
    void deliverDue() {
        List<String> due = jdbc.sql("""
                select id from outbound_delivery where delivered_at is null and next_attempt_at <= ?
                order by next_attempt_at limit 50
                """).param(Timestamp.from(clock.instant())).query(String.class).list();
        due.forEach(this::attempt);
    }

    /** One attempt, if the delivery is still due and this node claims it. */
    void attempt(String id) {
        Optional<Claimed> claimed = claim(id);
        if (claimed.isEmpty()) {
            return;
        }
        Claimed delivery = claimed.get();
        Integer status = null;
        String error = null;
        try {
            URI uri = URI.create(delivery.url());
            ReceiverAddresses.Check checked = addresses.resolve(uri.getHost());
            if (checked instanceof ReceiverAddresses.Check.Refused refused) {
                error = "refused: " + refused.reason();
            } else {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", delivery.contentType());
                headers.put("Accept", "application/json");
                if (delivery.kind() == OutboundDelivery.Kind.NOTICE) {
                    // a SET is signed itself; a notice carries a detached signature, so a TPP can tell it came from us
                    headers.put(NoticeSignatures.HEADER, signatures.sign(delivery.payload()));
                }
                status = PinnedPost.post(uri, ((ReceiverAddresses.Check.Public) checked).address(), headers,
                        delivery.payload(), properties.timeout());
                // the status only: what a receiver answers is not the bank's to keep or show to staff
                error = taken(delivery.kind(), status) ? null : "HTTP " + status;
            }
        } catch (java.io.IOException | RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        record(delivery, status, error);
    }

    // RFC 8935 §2.2: a receiver that accepted a SET answers 202; a webhook may answer any 2xx
    private static boolean taken(OutboundDelivery.Kind kind, int status) {
        return kind == OutboundDelivery.Kind.SECURITY_EVENT ? status == 202 : status / 100 == 2;
    }

    private Optional<Claimed> claim(String id) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                update outbound_delivery set next_attempt_at = ?, attempts = attempts + 1
                where id = ? and delivered_at is null and next_attempt_at <= ?
                """).params(Timestamp.from(now.plus(properties.timeout().multipliedBy(3))), id,
                Timestamp.from(now)).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("select * from outbound_delivery where id = ?").param(id)
                .query((rs, row) -> new Claimed(id, OutboundDelivery.Kind.valueOf(rs.getString("kind")),
                        rs.getString("url"), rs.getString("content_type"), rs.getString("payload"),
                        rs.getInt("attempts"), rs.getString("receiver")))
                .optional();
    }

    private void record(Claimed delivery, Integer status, String error) {
        Instant now = clock.instant();
        if (error == null) {
            jdbc.sql("""
                    update outbound_delivery set delivered_at = ?, next_attempt_at = null, last_status = ?,
                        last_error = null where id = ?
                    """).params(Timestamp.from(now), status, delivery.id()).update();
            return;
        }
        Instant next = delivery.attempts() >= properties.maxAttempts() ? null
                : now.plus(properties.firstRetry().multipliedBy(1L << Math.min(delivery.attempts() - 1, 16)));
        log.warn("{} delivery {} to {} failed (attempt {}, status {}): {}", delivery.kind(), delivery.id(),
                delivery.receiver(), delivery.attempts(), status, error);
        jdbc.sql("""
                update outbound_delivery set next_attempt_at = ?, last_status = ?, last_error = ? where id = ?
                """).params(next == null ? null : Timestamp.from(next), status, error, delivery.id()).update();
    }

    private record Claimed(String id, OutboundDelivery.Kind kind, String url, String contentType, String payload,
            int attempts, String receiver) {
    }

    private static OutboundDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new OutboundDelivery(rs.getString("id"), OutboundDelivery.Kind.valueOf(rs.getString("kind")),
                rs.getString("receiver"), rs.getString("url"), instant(rs, "created_at"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "delivered_at"),
                (Integer) rs.getObject("last_status"), rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}

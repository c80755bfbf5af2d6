package jp.kakehashi.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The business event log's hash chain ({@code audit_events}, C1): events are inserted by the modules' listeners
 * unchained and chained in batches, so a transfer's audit record never waits for a global lock. The canonical form
 * follows {@link RecordHash}: every field as its UTF-8 length, a colon and the text, times in epoch microseconds,
 * the details as PostgreSQL's jsonb text (which orders keys itself).
 */
@Component
class AuditEventChain extends LateLinkedChain<AuditEventChain.Row> {

    static final String NAME = "audit-events";
    // "KAKEEVNT"
    private static final long CHAIN_LOCK = 0x4b414b4545564e54L;
    private static final String VERSION = "kakehashi-audit-events-v1";
    private static final String COLUMNS = """
            id, event_id, event_type, occurred_at, customer_id, client_id, subject, outcome, reason_code,
            details::text as details, sequence_number, previous_hash, record_hash""";

    private final JdbcClient jdbc;

    AuditEventChain(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions,
            @Value("${kakehashi.audit.chain-batch-size:1000}") int batchSize) {
        super(NAME, CHAIN_LOCK, "audit_events", "id", jdbc, batch, transactions, batchSize);
        this.jdbc = jdbc;
    }

    /** One row as the hash covers it. */
    record Row(long id, String eventId, String eventType, Instant occurredAt, String customerId, String clientId,
            String subject, String outcome, String reasonCode, String details, Long sequenceNumber,
            String previousHash, String recordHash) {
    }

    @Override
    List<Row> unchained(int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_events where sequence_number is null order by id limit ?")
                .param(limit).query(AuditEventChain::row).list();
    }

    @Override
    Object keyOf(Row row) {
        return row.id();
    }

    @Override
    String hash(Row row, long sequenceNumber, String previousHash) {
        StringBuilder canonical = new StringBuilder(512);
        for (Object field : new Object[] {VERSION, sequenceNumber, previousHash, row.id(), row.eventId(),
                row.eventType(), ChronoUnit.MICROS.between(Instant.EPOCH, row.occurredAt()), row.customerId(),
                row.clientId(), row.subject(), row.outcome(), row.reasonCode(), row.details()}) {
            RecordHash.field(canonical, field);
        }
        return RecordHash.sha256(canonical.toString());
    }

    @Override
    public List<ChainEntry> entriesAfter(long sequenceNumber, int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_events where sequence_number > ? order by sequence_number"
                + " limit ?").params(sequenceNumber, limit).query(AuditEventChain::row).list().stream()
                .map(row -> new ChainEntry(row.sequenceNumber(), row.previousHash(), row.recordHash(),
                        hash(row, row.sequenceNumber(), row.previousHash())))
                .toList();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        Long sequence = rs.getObject("sequence_number", Long.class);
        return new Row(rs.getLong("id"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getTimestamp("occurred_at").toInstant(), rs.getString("customer_id"), rs.getString("client_id"),
                rs.getString("subject"), rs.getString("outcome"), rs.getString("reason_code"),
                rs.getString("details"), sequence, rs.getString("previous_hash"),
                rs.getString("record_hash"));
    }
}

package jp.kakehashi.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.risk.RiskSignals;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API execution log's store (C1): appends records, durable when the call returns, and finds them for
 * investigations and customer inquiries. Records are never changed or removed; PostgreSQL refuses it.
 */
@Repository
public class ExecutionLogRecords {

    private static final String COLUMNS = """
            id, recorded_at, customer_id, tpp_id, client_id, grant_id, operation, resource_id, http_status, error_code,
            duration_micros, interaction_id, interaction_id_generated, customer_ip_address, customer_user_agent,
            auth_date, auth_failure_count, client_ip_address, invalid_headers, sequence_number, previous_hash,
            record_hash, chained_party_id
            """;

    private final JdbcClient jdbc;

    ExecutionLogRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a record in its own transaction (committed when this returns) and returns its id. */
    public long append(ExecutionLogRecord record) {
        return appendAll(List.of(record)).getFirst();
    }

    /**
     * Appends records in one statement and one transaction (committed when this returns); returns their ids in the
     * order given. All or none: a failure leaves none of them.
     */
    @Transactional
    public List<Long> appendAll(List<ExecutionLogRecord> batch) {
        StringBuilder sql = new StringBuilder("""
                insert into api_execution_log (recorded_at, customer_id, tpp_id, client_id, grant_id, operation,
                    resource_id, http_status, error_code, duration_micros, interaction_id, interaction_id_generated,
                    customer_ip_address, customer_user_agent, auth_date, auth_failure_count, client_ip_address,
                    invalid_headers, chained_party_id)
                values """);
        List<Object> parameters = new ArrayList<>(batch.size() * 19);
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ExecutionLogRecord record = batch.get(i);
            RiskSignals signals = record.signals();
            parameters.addAll(Arrays.asList(Timestamp.from(record.recordedAt()), record.customerId(), record.tppId(),
                    record.clientId(), record.grantId(), record.operation(), record.resourceId(), record.httpStatus(),
                    record.errorCode(), record.durationMicros(), signals.interactionId(),
                    signals.interactionIdGenerated(), signals.customerIpAddress(), signals.customerUserAgent(),
                    signals.authDate() == null ? null : Timestamp.from(signals.authDate()),
                    signals.authFailureCount(), signals.clientIpAddress(),
                    signals.invalidHeaders().toArray(String[]::new), record.chainedPartyId()));
        }
        // ids are drawn from the sequence in the order of the VALUES rows; sorting restores that order
        List<Long> ids = jdbc.sql(sql.append(" returning id").toString()).params(parameters).query(Long.class).list();
        return ids.stream().sorted().toList();
    }

    /** The records of one call, as the TPP names it by its interaction id. */
    public List<ExecutionLogRecord> byInteractionId(UUID interactionId) {
        return jdbc.sql("select " + COLUMNS + " from api_execution_log where interaction_id = ? order by id")
                .param(interactionId).query(ExecutionLogRecords::record).list();
    }

    /** The calls made with a customer's authorisation between two instants, oldest first (customer inquiries). */
    public List<ExecutionLogRecord> ofCustomer(String customerId, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + """
                 from api_execution_log where customer_id = ? and recorded_at >= ? and recorded_at < ?
                 order by recorded_at, id""")
                .params(customerId, Timestamp.from(from), Timestamp.from(to))
                .query(ExecutionLogRecords::record).list();
    }

    /** The calls of a TPP between two instants, oldest first (investigations). */
    public List<ExecutionLogRecord> ofTpp(String tppId, Instant from, Instant to) {
        return jdbc.sql("select " + COLUMNS + """
                 from api_execution_log where tpp_id = ? and recorded_at >= ? and recorded_at < ?
                 order by recorded_at, id""")
                .params(tppId, Timestamp.from(from), Timestamp.from(to))
                .query(ExecutionLogRecords::record).list();
    }

    /**
     * Counts the calls of every TPP per hour or per business day (Tokyo) in {@code [from, to)}, by TPP then period;
     * periods without calls are left out. Calls without a TPP (public information, failed authentication) are not
     * counted here.
     */
    public List<TrafficCount> trafficPerTpp(Instant from, Instant to, TrafficCount.Period period) {
        String unit = period == TrafficCount.Period.HOUR ? "hour" : "day";
        return jdbc.sql("""
                select tpp_id, date_trunc(?, recorded_at at time zone 'Asia/Tokyo') at time zone 'Asia/Tokyo' as period,
                       count(*) as calls,
                       count(*) filter (where http_status between 400 and 499) as rejections,
                       count(*) filter (where http_status >= 500) as errors
                from api_execution_log
                where tpp_id is not null and recorded_at >= ? and recorded_at < ?
                group by tpp_id, period order by tpp_id, period
                """).params(unit, Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> new TrafficCount(rs.getString("tpp_id"), rs.getTimestamp("period").toInstant(),
                        rs.getLong("calls"), rs.getLong("rejections"), rs.getLong("errors")))
                .list();
    }

    List<ExecutionLogRecord> unchained(int limit) {
        return jdbc.sql("select " + COLUMNS + " from api_execution_log where sequence_number is null order by id limit ?")
                .param(limit).query(ExecutionLogRecords::record).list();
    }

    List<ExecutionLogRecord> chainedAfter(long sequenceNumber, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from api_execution_log where sequence_number > ? order by sequence_number limit ?""")
                .params(sequenceNumber, limit).query(ExecutionLogRecords::record).list();
    }

    /** The id of the record at a position of the chain. */
    java.util.Optional<Long> idAt(long sequenceNumber) {
        return jdbc.sql("select id from api_execution_log where sequence_number = ?").param(sequenceNumber)
                .query(Long.class).optional();
    }

    static ExecutionLogRecord record(ResultSet rs, int row) throws SQLException {
        long sequence = rs.getLong("sequence_number");
        var link = rs.wasNull() ? null : new ExecutionLogRecord.ChainLink(sequence, rs.getString("previous_hash"),
                rs.getString("record_hash"));
        var signals = new RiskSignals(rs.getObject("interaction_id", UUID.class),
                rs.getBoolean("interaction_id_generated"), rs.getString("customer_ip_address"),
                rs.getString("customer_user_agent"), instant(rs.getTimestamp("auth_date")),
                rs.getObject("auth_failure_count", Integer.class), rs.getString("client_ip_address"),
                Set.copyOf(strings(rs.getArray("invalid_headers"))));
        return new ExecutionLogRecord(rs.getLong("id"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("customer_id"), rs.getString("tpp_id"), rs.getString("client_id"),
                rs.getString("grant_id"), rs.getString("operation"), rs.getString("resource_id"),
                rs.getInt("http_status"), rs.getString("error_code"), rs.getLong("duration_micros"), signals, link,
                rs.getString("chained_party_id"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}

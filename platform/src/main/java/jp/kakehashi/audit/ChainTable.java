package jp.kakehashi.audit;

import java.util.Optional;
import jp.kakehashi.audit.ExecutionLogRecord.ChainLink;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain columns every chained table shares ({@code sequence_number}, {@code previous_hash}, {@code record_hash}):
 * the head and a position by index. The table name is a constant of the chain, never input.
 */
final class ChainTable {

    private final JdbcClient jdbc;
    private final String table;

    ChainTable(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    Optional<ChainLink> head() {
        return jdbc.sql("select sequence_number, previous_hash, record_hash from " + table
                + " where sequence_number is not null order by sequence_number desc limit 1")
                .query((rs, row) -> new ChainLink(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    Optional<ChainLink> linkAt(long sequenceNumber) {
        return jdbc.sql("select sequence_number, previous_hash, record_hash from " + table
                + " where sequence_number = ?").param(sequenceNumber)
                .query((rs, row) -> new ChainLink(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    long countOutsideChain() {
        // an index range scan on the unique sequence number
        return jdbc.sql("select count(*) from " + table + " where sequence_number < 1").query(Long.class).single();
    }

    /** The smallest key of an unchained row (the partial index of unchained rows answers it). */
    Optional<Long> oldestUnchained(String keyColumn) {
        return jdbc.sql("select " + keyColumn + " from " + table + " where sequence_number is null order by "
                + keyColumn + " limit 1").query(Long.class).optional();
    }

    long countUnchained() {
        return jdbc.sql("select count(*) from " + table + " where sequence_number is null").query(Long.class).single();
    }
}

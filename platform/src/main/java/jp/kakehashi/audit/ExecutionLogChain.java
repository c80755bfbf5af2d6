package jp.kakehashi.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API execution log's hash chain (C1): records are appended unchained, durable before the answer leaves, and
 * given their place in batches ({@link LateLinkedChain}, run by {@link ChainLinker} every
 * {@code kakehashi.audit.chain-interval} and at shutdown), hashed by {@link RecordHash}.
 */
@Component
public class ExecutionLogChain extends LateLinkedChain<ExecutionLogRecord> {

    static final String NAME = "execution-log";
    // "KAKEAUDT": the advisory lock only this chain's chainer takes
    private static final long CHAIN_LOCK = 0x4b414b4541554454L;

    private final ExecutionLogRecords records;

    ExecutionLogChain(ExecutionLogRecords records, JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions,
            @Value("${kakehashi.audit.chain-batch-size:1000}") int batchSize) {
        super(NAME, CHAIN_LOCK, "api_execution_log", "id", jdbc, batch, transactions, batchSize);
        this.records = records;
    }

    @Override
    List<ExecutionLogRecord> unchained(int limit) {
        return records.unchained(limit);
    }

    @Override
    Object keyOf(ExecutionLogRecord record) {
        return Objects.requireNonNull(record.id(), "a stored record has its id");
    }

    @Override
    String hash(ExecutionLogRecord record, long sequenceNumber, String previousHash) {
        return RecordHash.of(record, sequenceNumber, previousHash);
    }

    @Override
    public List<ChainEntry> entriesAfter(long sequenceNumber, int limit) {
        List<ChainEntry> entries = new ArrayList<>();
        for (ExecutionLogRecord record : records.chainedAfter(sequenceNumber, limit)) {
            var link = Objects.requireNonNull(record.link(), "a chained record has its link");
            entries.add(new ChainEntry(link.sequenceNumber(), link.previousHash(), link.recordHash(),
                    RecordHash.of(record, link.sequenceNumber(), link.previousHash())));
        }
        return entries;
    }
}

package jp.kakehashi.audit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives appended records their place in the hash chain, in batches, every {@code kakehashi.audit.chain-interval} and
 * once more at shutdown. Any node may do it: a PostgreSQL advisory lock held for the batch's transaction lets one
 * chainer at a time read the chain's head and extend it, so two nodes can never fork the chain (the unique sequence
 * number would refuse a fork anyway). A node that finds the lock taken skips its turn; the holder chains every node's
 * records.
 */
@Component
public class ExecutionLogChain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExecutionLogChain.class);
    // "KAKEAUDT": the advisory lock only the chainer takes
    private static final long CHAIN_LOCK = 0x4b414b4541554454L;

    private final ExecutionLogRecords records;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final int batchSize;
    private ScheduledExecutorService scheduler;

    ExecutionLogChain(ExecutionLogRecords records, JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions,
            @Value("${kakehashi.audit.chain-interval:1s}") Duration interval,
            @Value("${kakehashi.audit.chain-batch-size:1000}") int batchSize) {
        this.records = records;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    /**
     * Chains every record appended so far, unless another node is chaining right now (then it will). Returns how many
     * records this call chained.
     */
    public int chainPending() {
        int total = 0;
        int chained;
        do {
            chained = transactions.execute(status -> chainBatch());
            total += chained;
        }
        while (chained == batchSize);
        return total;
    }

    private int chainBatch() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Boolean.class).single()) {
            return 0;
        }
        // read only now, under the lock, so the head is the one the previous holder committed
        List<ExecutionLogRecord> pending = records.unchained(batchSize);
        if (pending.isEmpty()) {
            return 0;
        }
        var head = jdbc.sql("""
                select sequence_number, record_hash from api_execution_log
                where sequence_number is not null order by sequence_number desc limit 1""")
                .query((rs, row) -> new ExecutionLogRecord.ChainLink(rs.getLong(1), null, rs.getString(2)))
                .optional();
        long sequence = head.map(ExecutionLogRecord.ChainLink::sequenceNumber).orElse(0L);
        String previous = head.map(ExecutionLogRecord.ChainLink::recordHash).orElse(RecordHash.GENESIS);
        List<Object[]> links = new java.util.ArrayList<>(pending.size());
        for (ExecutionLogRecord record : pending) {
            sequence++;
            String hash = RecordHash.of(record, sequence, previous);
            links.add(new Object[] {sequence, previous, hash, record.id()});
            previous = hash;
        }
        int[] updated = batch.batchUpdate("""
                update api_execution_log set sequence_number = ?, previous_hash = ?, record_hash = ?
                where id = ? and sequence_number is null""", links);
        for (int count : updated) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("a record was chained behind the chain lock's back");
            }
        }
        return pending.size();
    }

    private void chainQuietly() {
        try {
            chainPending();
        }
        catch (RuntimeException e) {
            // the records are safe in the table; the next turn, here or on another node, chains them
            log.warn("Chaining the execution log failed, will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("execution-log-chain")
                .daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::chainQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        chainQuietly();
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stopped after the web server (whose phase is higher), so the calls it finished are chained at shutdown. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}

package jp.kakehashi.audit;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.audit.ExecutionLogRecord.ChainLink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chain whose entries are inserted unchained and given their place afterwards, in batches (the execution log, the
 * business events, the consent records): chaining at insert would make every API call, transfer or consent of every
 * node queue on one row, the chain's head. Any node may chain: a PostgreSQL advisory lock held for the batch's
 * transaction lets one chainer at a time read the head and extend it, so two nodes never fork the chain (the unique
 * sequence number would refuse a fork anyway). A node that finds the lock taken skips its turn; the holder chains
 * every node's entries. Since any session can hold that lock, turns missed in a row are counted ({@link LockMisses})
 * and entries left unchained too long are reported by {@link ChainVerification}. {@link ChainLinker} runs every such chain on a schedule. Between insert and chaining (about a
 * second) an entry is protected by its table's trigger alone.
 *
 * @param <R> an entry as read for chaining
 */
abstract class LateLinkedChain<R> implements HashChain {

    private final String name;
    private final long lockId;
    private final String table;
    private final String keyColumn;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final int batchSize;
    private final ChainTable links;
    private final LockMisses misses;

    /**
     * @param table     the chained table (a constant)
     * @param keyColumn the column that identifies an entry before it has a sequence number
     */
    LateLinkedChain(String name, long lockId, String table, String keyColumn, JdbcClient jdbc, JdbcTemplate batch,
            TransactionTemplate transactions, int batchSize) {
        this.name = name;
        this.lockId = lockId;
        this.table = table;
        this.keyColumn = keyColumn;
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.links = new ChainTable(jdbc, table);
        this.misses = new LockMisses(name);
    }

    /** Up to {@code limit} unchained entries, oldest first. */
    abstract List<R> unchained(int limit);

    /** The value of the key column of an entry. */
    abstract Object keyOf(R entry);

    /** The entry's hash at a position after a previous hash. */
    abstract String hash(R entry, long sequenceNumber, String previousHash);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public Optional<ChainLink> head() {
        return links.head();
    }

    @Override
    public Optional<ChainLink> linkAt(long sequenceNumber) {
        return links.linkAt(sequenceNumber);
    }

    @Override
    public long countOutsideChain() {
        return links.countOutsideChain();
    }

    @Override
    public Optional<Long> oldestUnchained() {
        return links.oldestUnchained(keyColumn);
    }

    /** Turns in a row this node found the chain's lock held elsewhere. */
    LockMisses lockMisses() {
        return misses;
    }

    /** How many entries wait for their place in the chain. */
    public long countUnchained() {
        return links.countUnchained();
    }

    /**
     * Chains every entry appended so far, unless another node is chaining right now (then it will). Returns how many
     * this call chained.
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

    /**
     * Stores the links, each {sequence number, previous hash, hash, key}, only on entries still unchained; returns
     * the update count of each.
     */
    int[] link(List<Object[]> updates) {
        return batch.batchUpdate("update " + table + " set sequence_number = ?, previous_hash = ?, record_hash = ?"
                + " where " + keyColumn + " = ? and sequence_number is null", updates);
    }

    private int chainBatch() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(lockId).query(Boolean.class).single()) {
            misses.missed();
            return 0;
        }
        misses.taken();
        // read only now, under the lock, so the head is the one the previous holder committed
        List<R> pending = unchained(batchSize);
        if (pending.isEmpty()) {
            return 0;
        }
        var head = links.head();
        long sequence = head.map(ChainLink::sequenceNumber).orElse(0L);
        String previous = head.map(ChainLink::recordHash).orElse(RecordHash.GENESIS);
        List<Object[]> updates = new ArrayList<>(pending.size());
        for (R entry : pending) {
            sequence++;
            String hash = hash(entry, sequence, previous);
            updates.add(new Object[] {sequence, previous, hash, keyOf(entry)});
            previous = hash;
        }
        for (int count : link(updates)) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("an entry of " + name + " was chained behind the chain lock's back");
            }
        }
        return pending.size();
    }
}

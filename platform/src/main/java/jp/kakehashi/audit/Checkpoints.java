package jp.kakehashi.audit;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes and keeps the chains' signed checkpoints (C1, C4, D5). {@link #checkpointAll()} runs every
 * {@code kakehashi.audit.checkpoint-interval} on one node at a time (an advisory lock; a node that finds it taken
 * skips its turn) and, for every chain whose head moved since its last checkpoint, first walks the entries since that
 * checkpoint (their hashes, and that the last checkpoint's position still holds its hash), then signs the new head,
 * stores it in {@code audit_checkpoint} (append-only) and, once committed, writes its file ({@link CheckpointFiles}).
 * A chain that does not verify is never checkpointed: a checkpoint must not bless a tampered head. So the checkpoints
 * of a chain vouch for it end to end, each for the entries since the one before.
 */
@Service
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    // "KAKECKPT"
    private static final long CHECKPOINT_LOCK = 0x4b414b45434b5054L;

    private final List<HashChain> chains;
    private final CheckpointSigner signer;
    private final CheckpointFiles files;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Checkpoints(List<HashChain> chains, CheckpointSigner signer, CheckpointFiles files, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.chains = chains;
        this.signer = signer;
        this.files = files;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Checkpoints every chain whose head moved; returns the checkpoints made (none when another node is at it). */
    public List<Checkpoint> checkpointAll() {
        List<Checkpoint> made = transactions.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(?)").param(CHECKPOINT_LOCK).query(Boolean.class)
                    .single()) {
                return List.<Checkpoint>of();
            }
            List<Checkpoint> now = new ArrayList<>();
            for (HashChain chain : chains) {
                checkpoint(chain).ifPresent(now::add);
            }
            return now;
        });
        for (Checkpoint checkpoint : made) {
            try {
                files.write(checkpoint);
            }
            catch (IOException | RuntimeException e) {
                // the table keeps it; the chain's next checkpoint gets its file. Worth an operator's attention.
                log.error("Checkpoint {} of {} could not be written to {}: {}", checkpoint.count(), checkpoint.chain(),
                        files.directory(), e.toString());
            }
        }
        return made;
    }

    private Optional<Checkpoint> checkpoint(HashChain chain) {
        var head = chain.head();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        long count = head.get().sequenceNumber();
        var last = latest(chain.name());
        if (last.isPresent() && last.get().count() == count) {
            return Optional.empty();
        }
        ChainWalk.Outcome walk;
        if (last.isEmpty()) {
            walk = ChainWalk.from(chain, 0, RecordHash.GENESIS, count);
        }
        else {
            Checkpoint previous = last.get();
            boolean holds = signer.verify(previous.jws()).filter(signed -> sameClaims(signed, previous)).isPresent()
                    && chain.linkAt(previous.count()).map(link -> link.recordHash().equals(previous.headHash()))
                            .orElse(false);
            if (!holds || count < previous.count()) {
                log.error("Chain {} no longer matches its checkpoint at {}: not checkpointed", chain.name(),
                        previous.count());
                return Optional.empty();
            }
            walk = ChainWalk.from(chain, previous.count(), previous.headHash(), count);
        }
        if (!walk.intact() || walk.checkedThrough() != count) {
            log.error("Chain {} does not verify at {} ({}): not checkpointed", chain.name(), walk.firstBroken(),
                    walk.reason());
            return Optional.empty();
        }
        Checkpoint checkpoint = signer.sign(chain.name(), count, walk.lastHash(), clock.instant());
        jdbc.sql("""
                insert into audit_checkpoint (chain, count, head_hash, made_at, jws, file_name)
                values (?, ?, ?, ?, ?, ?)""")
                .params(checkpoint.chain(), checkpoint.count(), checkpoint.headHash(),
                        Timestamp.from(checkpoint.madeAt()), checkpoint.jws(), checkpoint.fileName())
                .update();
        return Optional.of(checkpoint);
    }

    static boolean sameClaims(Checkpoint signed, Checkpoint stored) {
        return signed.chain().equals(stored.chain()) && signed.count() == stored.count()
                && signed.headHash().equals(stored.headHash()) && signed.madeAt().equals(stored.madeAt());
    }

    /** The chain's checkpoint with the highest count, as stored (not yet checked). */
    public Optional<Checkpoint> latest(String chain) {
        return jdbc.sql("select * from audit_checkpoint where chain = ? order by count desc limit 1").param(chain)
                .query(Checkpoints::checkpoint).optional();
    }

    /** The chain's most recent checkpoints, newest first. */
    public List<Checkpoint> latest(String chain, int limit) {
        return jdbc.sql("select * from audit_checkpoint where chain = ? order by count desc limit ?")
                .params(chain, limit).query(Checkpoints::checkpoint).list();
    }

    /** The chain's checkpoints stored after row {@code afterId}, by id, with their row ids. */
    List<Stored> storedAfter(String chain, long afterId, int limit) {
        return jdbc.sql("select * from audit_checkpoint where chain = ? and id > ? order by id limit ?")
                .params(chain, afterId, limit)
                .query((rs, row) -> new Stored(rs.getLong("id"), checkpoint(rs, row))).list();
    }

    /** The count and head hash of every stored checkpoint of a chain, by count (to find where a chain diverges). */
    List<Checkpoint> allByCount(String chain) {
        return jdbc.sql("select * from audit_checkpoint where chain = ? order by count").param(chain)
                .query(Checkpoints::checkpoint).list();
    }

    /**
     * A checkpoint, downloadable by its file name: the file outside the database when there is one, else the
     * database's copy.
     */
    public Optional<String> download(String fileName) {
        if (!CheckpointFiles.isFileName(fileName)) {
            return Optional.empty();
        }
        return files.read(fileName).or(() -> jdbc.sql("select jws from audit_checkpoint where file_name = ?")
                .param(fileName).query(String.class).optional());
    }

    /** A stored checkpoint and its row id. */
    record Stored(long id, Checkpoint checkpoint) {
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getString("chain"), rs.getLong("count"), rs.getString("head_hash"),
                rs.getTimestamp("made_at").toInstant(), rs.getString("jws"), rs.getString("file_name"));
    }
}

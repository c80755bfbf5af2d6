package jp.kakehashi.audit;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes and keeps the chains' signed checkpoints (C1, C4, D5). {@link #checkpointAll()} runs every
 * {@code kakehashi.audit.checkpoint-interval} on one node at a time (an advisory lock; a node that finds it taken
 * skips its turn, and counts the turns it missed in a row, {@link LockMisses}) and, for every chain whose head moved
 * since its latest checkpoint, first checks that the latest checkpoint's position still holds its signed hash and
 * walks the entries since, then signs the new head, stores it in {@code audit_checkpoint} (append-only) and, once
 * committed, writes its file ({@link CheckpointFiles}). A chain that does not verify is never checkpointed: a
 * checkpoint must not bless a tampered head. So the checkpoints of a chain vouch for it end to end, each for the
 * entries since the one before.
 * <p>
 * The latest checkpoint is the highest whose signature verifies, from the table and the directory together: the
 * runtime role may insert rows into {@code audit_checkpoint}, so a row is only what its signature makes it (a forged
 * row far ahead is skipped and logged, and checkpointing goes on), and the owner may delete rows, so the files of the
 * newest day folders count as well (rows deleted and the chain computed anew: the newest file no longer holds, and
 * nothing is signed). The rows are read once at start, newest first down to the first valid one, then only those
 * added since; the files of the newest two day folders are read once each.
 */
@Service
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    // "KAKECKPT"
    private static final long CHECKPOINT_LOCK = 0x4b414b45434b5054L;
    /** Day folders of checkpoint files looked at for the latest checkpoint (today's and yesterday's, any time zone). */
    static final int RECENT_DAYS = 2;
    private static final int PAGE = 500;

    private final List<HashChain> chains;
    private final CheckpointSigner signer;
    private final CheckpointFiles files;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LockMisses misses = new LockMisses("checkpoint");
    private final Map<String, Known> known = new HashMap<>();

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
                misses.missed();
                return List.<Checkpoint>of();
            }
            misses.taken();
            List<Checkpoint> now = new ArrayList<>();
            for (HashChain chain : chains) {
                checkpoint(chain).ifPresent(now::add);
            }
            return now;
        });
        for (Checkpoint checkpoint : made) {
            writeFile(checkpoint);
        }
        made.forEach(this::remember);
        return made;
    }

    /** Writes a checkpoint's file; a failure is logged (the table keeps it, and a full verification retries). */
    boolean writeFile(Checkpoint checkpoint) {
        try {
            files.write(checkpoint);
            return true;
        }
        catch (IOException | RuntimeException e) {
            log.error("Checkpoint {} of {} could not be written to {}: {}", checkpoint.count(), checkpoint.chain(),
                    files.directory(), e.toString());
            return false;
        }
    }

    LockMisses lockMisses() {
        return misses;
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
            walk = ChainWalk.from(chain, 0, RecordHash.GENESIS, count, null);
        }
        else {
            Checkpoint previous = last.get();
            boolean holds = chain.linkAt(previous.count())
                    .map(link -> link.recordHash().equals(previous.headHash())).orElse(false);
            if (!holds || count < previous.count()) {
                log.error("Chain {} no longer matches its checkpoint at {}: not checkpointed", chain.name(),
                        previous.count());
                return Optional.empty();
            }
            walk = ChainWalk.from(chain, previous.count(), previous.headHash(), count, null);
        }
        if (!walk.intact() || walk.checkedThrough() != count) {
            log.error("Chain {} does not verify at {} ({}): not checkpointed", chain.name(), walk.firstBroken(),
                    walk.reason());
            return Optional.empty();
        }
        Checkpoint checkpoint = signer.sign(chain.name(), count,
                Objects.requireNonNull(walk.lastHash(), "an intact walk knows its last hash"), clock.instant());
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

    /** A stored checkpoint as its signature vouches for it; empty when forged or altered. */
    Optional<Checkpoint> verified(Checkpoint stored) {
        return signer.verify(stored.jws()).filter(signed -> sameClaims(signed, stored));
    }

    /**
     * The chain's checkpoint with the highest count whose signature verifies, from the table and the newest day
     * folders of files together; empty when there is none.
     */
    public synchronized Optional<Checkpoint> latest(String chain) {
        Known state = known.computeIfAbsent(chain, c -> new Known());
        if (state.lastRowId < 0) {
            firstLook(chain, state);
        }
        else {
            List<Stored> rows;
            do {
                rows = storedAfter(chain, state.lastRowId, PAGE);
                for (Stored row : rows) {
                    state.lastRowId = row.id();
                    consider(state, row.checkpoint(), "row " + row.id() + " of audit_checkpoint");
                }
            }
            while (rows.size() == PAGE);
        }
        Set<String> listed = new HashSet<>();
        for (var folder : files.folders(chain, RECENT_DAYS, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            for (String name : files.namesIn(folder)) {
                listed.add(name);
                if (state.seenFiles.contains(name)) {
                    continue;
                }
                files.read(name).ifPresent(jws -> {
                    var signed = signer.verify(jws).filter(s -> s.chain().equals(chain)
                            && CheckpointFiles.nameMatches(name, s));
                    if (signed.isEmpty()) {
                        log.error("Checkpoint file {} does not carry a valid signature: ignored", name);
                    }
                    else if (state.latest == null || signed.get().count() > state.latest.count()) {
                        state.latest = signed.get();
                    }
                });
            }
        }
        // remember only what is still listed, so the set stays as small as the recent folders
        state.seenFiles.retainAll(listed);
        state.seenFiles.addAll(listed);
        return Optional.ofNullable(state.latest);
    }

    /** At start: the rows newest first, down to the first whose signature verifies; then only rows added since. */
    private void firstLook(String chain, Known state) {
        long maxId = jdbc.sql("select coalesce(max(id), 0) from audit_checkpoint where chain = ?").param(chain)
                .query(Long.class).single();
        long below = Long.MAX_VALUE;
        List<Stored> rows;
        do {
            rows = jdbc.sql("select * from audit_checkpoint where chain = ? and id <= ? and count < ?"
                    + " order by count desc limit ?").params(chain, maxId, below, PAGE)
                    .query((rs, row) -> new Stored(rs.getLong("id"), checkpoint(rs, row))).list();
            for (Stored row : rows) {
                below = row.checkpoint().count();
                if (consider(state, row.checkpoint(), "row " + row.id() + " of audit_checkpoint")) {
                    state.lastRowId = maxId;
                    return;
                }
            }
        }
        while (rows.size() == PAGE);
        state.lastRowId = maxId;
    }

    /** Takes a stored checkpoint as the latest when its signature verifies and it is higher; whether it verified. */
    private boolean consider(Known state, Checkpoint stored, String where) {
        var signed = verified(stored);
        if (signed.isEmpty()) {
            log.error("Checkpoint {} of {} ({}) does not carry a valid signature: forged or altered, ignored",
                    stored.count(), stored.chain(), where);
            return false;
        }
        if (state.latest == null || signed.get().count() > state.latest.count()) {
            state.latest = signed.get();
        }
        return true;
    }

    private synchronized void remember(Checkpoint made) {
        Known state = known.get(made.chain());
        if (state != null && (state.latest == null || made.count() > state.latest.count())) {
            state.latest = made;
        }
    }

    /**
     * The chain's most recent checkpoints as stored, highest count first, each with whether its signature verifies
     * (a row the runtime role inserted is shown, marked, never trusted).
     */
    public List<Listed> latest(String chain, int limit) {
        return jdbc.sql("select * from audit_checkpoint where chain = ? order by count desc limit ?")
                .params(chain, limit).query(Checkpoints::checkpoint).list().stream()
                .map(stored -> new Listed(stored, verified(stored).isPresent())).toList();
    }

    /** The chain's checkpoints stored after row {@code afterId}, by id, with their row ids. */
    List<Stored> storedAfter(String chain, long afterId, int limit) {
        return jdbc.sql("select * from audit_checkpoint where chain = ? and id > ? order by id limit ?")
                .params(chain, afterId, limit)
                .query((rs, row) -> new Stored(rs.getLong("id"), checkpoint(rs, row))).list();
    }

    /** The chain's stored checkpoints at these counts (as stored, not yet checked). */
    List<Checkpoint> withCounts(String chain, long[] counts) {
        return jdbc.sql("select * from audit_checkpoint where chain = ? and count = any(?)")
                .params(chain, java.util.Arrays.stream(counts).boxed().toArray(Long[]::new))
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

    /**
     * A checkpoint as listed for the auditors.
     *
     * @param checkpoint what its row says
     * @param signed     whether its signature verifies (else it was forged or altered)
     */
    public record Listed(Checkpoint checkpoint, boolean signed) {
    }

    /** What this node knows of a chain's latest checkpoint between turns. */
    private static final class Known {
        @Nullable Checkpoint latest;
        long lastRowId = -1;
        Set<String> seenFiles = new HashSet<>();
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getString("chain"), rs.getLong("count"), rs.getString("head_hash"),
                rs.getTimestamp("made_at").toInstant(), rs.getString("jws"), rs.getString("file_name"));
    }
}

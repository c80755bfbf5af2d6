package jp.kakehashi.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Checks every chain against itself and against its signed checkpoints, from the table and from the directory
 * (C1, C4, D5), on a schedule, and publishes the outcome for the {@code auditchains} endpoint, the
 * {@code kakehashi.audit.chain.broken} and {@code …stalled} gauges and the console. What each check catches, and
 * where it says the chain breaks:
 * <ul>
 * <li><b>a changed entry, not re-hashed</b>: the walk recomputes the entry's hash; the place is that entry;</li>
 * <li><b>a gap</b> (entries removed from the middle): the walk finds the first missing sequence number;</li>
 * <li><b>truncation</b> (the last entries removed): the chain's head is below a checkpoint's count; the place is the
 * first missing sequence number (the head's plus one);</li>
 * <li><b>re-chaining</b> (an entry changed and every later hash computed anew, so the walk alone passes): the hash
 * at a checkpoint's position differs from the signed one, or the hash at the position this node last walked to
 * differs from what it walked; the place is the first entry after the last checkpoint that still matches (the change
 * is somewhere between there and the next checkpoint: as precise as the evidence allows);</li>
 * <li><b>a checkpoint whose signature fails</b> (forged or altered, in the table or as a file), or two valid ones
 * that name different heads for one count: tampering in itself; the place is the count claimed;</li>
 * <li><b>entries kept out of the chain</b> (a sequence number below 1): counted; the place is after the head;</li>
 * <li><b>a stall</b>: any session can hold the advisory lock of the chainer or of the checkpoints and so stop them,
 * after which an insider could rewrite the entries no checkpoint covers yet. So a chain whose head has been past its
 * newest valid checkpoint for longer than {@code kakehashi.audit.checkpoint-stall-after} (default five checkpoint
 * intervals), or whose oldest unchained entry has waited longer than {@code kakehashi.audit.chain-stall-after}
 * (default thirty chain intervals, at least a minute), is reported BROKEN at the first entry not covered, with a
 * reason naming the stall, and in the {@code kakehashi.audit.chain.stalled} gauge. The time is this node's own
 * observation, not a value in the database.</li>
 * </ul>
 * Cost on a large log: every {@code kakehashi.audit.verification-interval} a cheap turn checks the checkpoints new
 * since the last turn (table rows by id, files of the newest two day folders not read yet), the newest valid
 * checkpoint's position and the position walked last by index (bisecting over the verified checkpoints only when one
 * no longer holds), and walks only the entries chained since. A full turn, at start and every
 * {@code kakehashi.audit.full-verification-interval}, walks every entry, comparing each checkpoint's position as it
 * passes it, and reads the table's rows and the directory's folders again, each a page or a folder at a time; a day
 * folder whose names it verified before is not read again (files are written once), and a row that names a
 * checkpoint already verified is not verified again ({@link CheckpointIndex}). A turn runs outside any lock the
 * readers take: {@link #statuses()} returns the last published outcome at once. Every node verifies on its own and
 * answers with its own result, so no stored status can be rewritten to say all is well.
 */
@Service
public class ChainVerification {

    private static final Logger log = LoggerFactory.getLogger(ChainVerification.class);
    private static final int PAGE = 1000;

    private final List<HashChain> chains;
    private final Checkpoints checkpoints;
    private final CheckpointFiles files;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final Duration fullInterval;
    private final Duration checkpointStallAfter;
    private final Duration chainStallAfter;
    /** One turn at a time; readers never wait for it. */
    private final Object turns = new Object();
    private final Map<String, ChainState> states = new LinkedHashMap<>();
    private volatile @Nullable List<ChainStatus> published;
    private @Nullable Instant lastFull;

    ChainVerification(List<HashChain> chains, Checkpoints checkpoints, CheckpointFiles files, CheckpointSigner signer,
            Clock clock, ObjectProvider<MeterRegistry> meters,
            @Value("${kakehashi.audit.full-verification-interval:6h}") Duration fullInterval,
            @Value("${kakehashi.audit.checkpoint-interval:1m}") Duration checkpointInterval,
            @Value("${kakehashi.audit.chain-interval:1s}") Duration chainInterval,
            @Value("${kakehashi.audit.checkpoint-stall-after:0s}") Duration checkpointStallAfter,
            @Value("${kakehashi.audit.chain-stall-after:0s}") Duration chainStallAfter) {
        this.chains = chains.stream().sorted(Comparator.comparing(HashChain::name)).toList();
        this.checkpoints = checkpoints;
        this.files = files;
        this.signer = signer;
        this.clock = clock;
        this.fullInterval = fullInterval;
        this.checkpointStallAfter = checkpointStallAfter.isZero() ? checkpointInterval.multipliedBy(5)
                : checkpointStallAfter;
        Duration linking = chainInterval.multipliedBy(30);
        this.chainStallAfter = !chainStallAfter.isZero() ? chainStallAfter
                : linking.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : linking;
        for (HashChain chain : this.chains) {
            states.put(chain.name(), new ChainState());
        }
        meters.ifAvailable(registry -> {
            this.chains.forEach(chain -> {
                Gauge.builder("kakehashi.audit.chain.broken", this, v -> v.gauge(chain.name(), Gauges.BROKEN))
                        .description("1 while the chain's last verification found it broken (C1, C4, D5), else 0")
                        .tag("chain", chain.name()).register(registry);
                Gauge.builder("kakehashi.audit.chain.stalled", this, v -> v.gauge(chain.name(), Gauges.STALLED))
                        .description("1 while the chain is not being chained or checkpointed in time, else 0")
                        .tag("chain", chain.name()).register(registry);
                Gauge.builder("kakehashi.audit.chain.checked.through", this,
                                v -> v.gauge(chain.name(), Gauges.CHECKED_THROUGH))
                        .description("the last sequence number the chain's verification found intact")
                        .tag("chain", chain.name()).register(registry);
                if (chain instanceof LateLinkedChain<?> late) {
                    lockGauge(registry, late.lockMisses());
                }
            });
            lockGauge(registry, checkpoints.lockMisses());
        });
    }

    private static void lockGauge(MeterRegistry registry, LockMisses misses) {
        Gauge.builder("kakehashi.audit.lock.missed", misses, LockMisses::consecutive)
                .description("turns in a row this node found the lock held elsewhere").tag("lock", misses.lock())
                .register(registry);
    }

    /** A chain's outcome. */
    public enum Status {
        INTACT, BROKEN
    }

    /**
     * The last verification of one chain.
     *
     * @param name             the chain
     * @param status           INTACT or BROKEN
     * @param checkedThrough   the last sequence number verified (for a broken chain: the last before the break)
     * @param firstBroken      where the chain breaks, null while intact
     * @param reason           what does not hold, null while intact
     * @param checkedAt        when
     * @param latestCheckpoint the highest count a valid checkpoint vouches for, 0 for none
     * @param tampered         whether the evidence itself does not hold (changed, removed, forged)
     * @param stalled          whether chaining or checkpointing has stopped for longer than allowed
     */
    public record ChainStatus(String name, Status status, long checkedThrough, @Nullable Long firstBroken,
            @Nullable String reason, Instant checkedAt, long latestCheckpoint, boolean tampered, boolean stalled) {
    }

    /** The last published outcome of every chain, by name; verified now if this node has not verified yet. */
    public List<ChainStatus> statuses() {
        List<ChainStatus> last = published;
        return last != null ? last : verifyFully();
    }

    /** Verifies every chain completely, now, and publishes the outcome. */
    public List<ChainStatus> verifyFully() {
        synchronized (turns) {
            return turn(true);
        }
    }

    /** A cheap turn now (what the schedule runs between full ones), published. */
    List<ChainStatus> verifyRecent() {
        synchronized (turns) {
            return turn(false);
        }
    }

    /** The scheduled turn: cheap, or full when one is due. */
    @Scheduled(fixedDelayString = "${kakehashi.audit.verification-interval:1m}", initialDelay = 0)
    void scheduledTurn() {
        try {
            synchronized (turns) {
                turn(lastFull == null || !clock.instant().isBefore(lastFull.plus(fullInterval)));
            }
        }
        catch (RuntimeException e) {
            log.warn("Verifying the audit chains failed, will retry: {}", e.toString());
        }
    }

    private List<ChainStatus> turn(boolean full) {
        List<ChainStatus> outcome = new ArrayList<>();
        for (HashChain chain : chains) {
            outcome.add(verify(chain, Objects.requireNonNull(states.get(chain.name()),
                    "every chain has its state from the start"), full));
        }
        if (full) {
            lastFull = clock.instant();
        }
        List<ChainStatus> outcomes = List.copyOf(outcome);
        published = outcomes;
        return outcomes;
    }

    private ChainStatus verify(HashChain chain, ChainState state, boolean full) {
        String name = chain.name();
        CheckpointIndex index = state.index;
        List<Finding> findings = new ArrayList<>(full ? List.of() : state.stickyFindings);
        List<Finding> signatureFindings = new ArrayList<>();
        long head = chain.head().map(ExecutionLogRecord.ChainLink::sequenceNumber).orElse(0L);

        // the checkpoints: every row and folder (full), or those new since the last turn
        long afterId = readStoredCheckpoints(name, state, full, signatureFindings);
        readCheckpointFiles(name, state, full, signatureFindings);
        findings.addAll(signatureFindings);
        if (full) {
            reconcile(name, index);
        }

        long latest = index.latest();
        findings.addAll(indexFindings(chain, index, head));
        ChainWalk.Outcome walk = walk(chain, state, full, head, latest, findings);

        findings.addAll(stalls(chain, state, head, latest));
        state.lastCheckpointId = afterId;
        if (full) {
            state.stickyFindings = signatureFindings;
        }
        else {
            state.stickyFindings.addAll(signatureFindings);
        }
        return publishable(name, state, walk, findings, latest);
    }

    /** Adds the signed checkpoint rows after the last one read to the index; the id of the last row read. */
    private long readStoredCheckpoints(String name, ChainState state, boolean full, List<Finding> signatureFindings) {
        CheckpointIndex index = state.index;
        long afterId = full ? 0 : state.lastCheckpointId;
        if (full) {
            index.forgetSeen(CheckpointIndex.IN_TABLE);
        }
        List<Checkpoints.Stored> stored;
        do {
            stored = checkpoints.storedAfter(name, afterId, PAGE);
            for (Checkpoints.Stored row : stored) {
                afterId = row.id();
                Checkpoint claimed = row.checkpoint();
                boolean known = claimed.chain().equals(name) && claimed.headHash().equals(index.hashAt(claimed.count()));
                if (!known && checkpoints.verified(claimed).filter(s -> s.chain().equals(name)).isEmpty()) {
                    signatureFindings.add(new Finding(Math.max(1, claimed.count()), "the checkpoint at "
                            + claimed.count() + " in the database does not carry a valid signature: it was forged or"
                            + " altered", false));
                    continue;
                }
                index.add(claimed.count(), claimed.headHash(), CheckpointIndex.IN_TABLE);
            }
        }
        while (stored.size() == PAGE);
        return afterId;
    }

    /** Adds the signed checkpoint files (every folder when full, else the recent ones' new files) to the index. */
    private void readCheckpointFiles(String name, ChainState state, boolean full, List<Finding> signatureFindings) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<String> listed = new HashSet<>();
        for (CheckpointFiles.Folder folder : files.folders(name, full ? 0 : Checkpoints.RECENT_DAYS, today)) {
            List<String> names = files.namesIn(folder);
            String digest = RecordHash.sha256(String.join("\n", names));
            if (full && digest.equals(state.verifiedFolders.get(folder.day()))) {
                continue;
            }
            boolean allValid = true;
            for (String fileName : names) {
                if (!full) {
                    listed.add(fileName);
                    if (state.seenFiles.contains(fileName)) {
                        continue;
                    }
                }
                allValid &= readCheckpointFile(name, fileName, state.index, signatureFindings);
            }
            if (full && allValid) {
                state.verifiedFolders.put(folder.day(), digest);
            }
        }
        if (!full) {
            // remember only what is still listed, so the set stays as small as the recent folders
            state.seenFiles.retainAll(listed);
            state.seenFiles.addAll(listed);
        }
    }

    /** Adds one checkpoint file to the index if its signature is valid; whether it was. */
    private boolean readCheckpointFile(String name, String fileName, CheckpointIndex index,
            List<Finding> signatureFindings) {
        var signed = files.read(fileName).flatMap(signer::verify)
                .filter(s -> s.chain().equals(name) && CheckpointFiles.nameMatches(fileName, s));
        if (signed.isEmpty()) {
            signatureFindings.add(new Finding(Math.max(1, CheckpointFiles.countIn(fileName)),
                    "the checkpoint file " + fileName + " does not carry a valid signature: it was forged"
                            + " or altered", false));
            return false;
        }
        index.add(signed.get().count(), signed.get().headHash(), CheckpointIndex.IN_FILE);
        return true;
    }

    /** What the checkpoints alone show: conflicting signed heads, entries missing, entries taken out of the chain. */
    private static List<Finding> indexFindings(HashChain chain, CheckpointIndex index, long head) {
        List<Finding> findings = new ArrayList<>();
        long latest = index.latest();
        if (index.firstConflict() > 0) {
            findings.add(new Finding(index.firstConflict(), "two validly signed checkpoints at "
                    + index.firstConflict() + " name different heads: the chain was computed anew and signed again",
                    false));
        }
        if (latest > head) {
            findings.add(new Finding(head + 1, "entries from " + (head + 1) + " on are missing: a signed checkpoint"
                    + " says the chain had " + latest, false));
        }
        long outside = chain.countOutsideChain();
        if (outside > 0) {
            findings.add(new Finding(head + 1, outside + " entr" + (outside == 1 ? "y stands" : "ies stand")
                    + " outside the chain (sequence number below 1): taken out of its reach", false));
        }
        return findings;
    }

    /** Walks the chain from the last position that still holds (or from the start when full) to its head. */
    private ChainWalk.Outcome walk(HashChain chain, ChainState state, boolean full, long head, long latest,
            List<Finding> findings) {
        CheckpointIndex index = state.index;
        // the position this node walked to last must still hold what it walked: if not, entries up to it changed
        boolean walkedHolds = true;
        long walkFrom = 0;
        String walkFromHash = RecordHash.GENESIS;
        if (state.walkedThrough > 0) {
            var link = chain.linkAt(state.walkedThrough);
            walkedHolds = link.map(l -> l.recordHash().equals(state.walkedHash)).orElse(false);
            if (!walkedHolds) {
                long holding = index.lastHolding(state.walkedThrough + 1, count -> holds(chain, index, count));
                long position = Math.min(holding + 1, Math.min(state.walkedThrough, head + 1));
                findings.add(new Finding(position, "entry " + state.walkedThrough + (link.isEmpty()
                        ? " is gone" : " no longer has the hash") + " this node verified at " + state.walkedAt
                        + ": entries up to it were " + (link.isEmpty() ? "removed" : "changed and re-hashed"),
                        false));
                if (!full && holding > 0) {
                    walkFrom = holding;
                    walkFromHash = Objects.requireNonNull(index.hashAt(holding), "a holding checkpoint has its hash");
                }
            }
            else if (!full) {
                walkFrom = state.walkedThrough;
                walkFromHash = state.walkedHash;
            }
        }
        // the newest valid checkpoint's position (the full walk compares every position as it passes)
        if (!full && latest > 0 && latest <= head && !holds(chain, index, latest)) {
            long holding = index.lastHolding(latest, count -> holds(chain, index, count));
            findings.add(new Finding(holding + 1, "the hash at checkpoint " + latest + " is not the signed one:"
                    + " entries after " + (holding == 0 ? "the start" : "checkpoint " + holding)
                    + " were changed and re-hashed", false));
        }
        ChainWalk.Outcome walk = ChainWalk.from(chain, walkFrom, walkFromHash, head, index);
        if (!walk.intact()) {
            findings.add(new Finding(Objects.requireNonNull(walk.firstBroken(), "a broken walk says where"),
                    Objects.requireNonNull(walk.reason(), "a broken walk says why"), false));
        }
        else if (walkedHolds && walk.checkedThrough() >= state.walkedThrough) {
            state.walkedThrough = walk.checkedThrough();
            state.walkedHash = Objects.requireNonNull(walk.lastHash(), "an intact walk knows its last hash");
            state.walkedAt = clock.instant();
        }
        return walk;
    }

    /** Whether a chain's position still holds the hash a verified checkpoint signed. */
    private static boolean holds(HashChain chain, CheckpointIndex index, long count) {
        String signed = index.hashAt(count);
        return signed != null && chain.linkAt(count).map(link -> link.recordHash().equals(signed)).orElse(false);
    }

    /**
     * Chaining or checkpointing stopped for longer than allowed (C1, C4, D5): measured from when this node first saw
     * the same entries uncovered, so nothing in the database can make it look recent.
     */
    private List<Finding> stalls(HashChain chain, ChainState state, long head, long latest) {
        List<Finding> stalls = new ArrayList<>();
        Instant now = clock.instant();
        if (latest < head) {
            if (state.uncoveredSince == null || state.uncoveredAbove != latest) {
                state.uncoveredSince = now;
                state.uncoveredAbove = latest;
            }
            else if (Duration.between(state.uncoveredSince, now).compareTo(checkpointStallAfter) > 0) {
                stalls.add(new Finding(latest + 1, "entries from " + (latest + 1) + " on not checkpointed since "
                        + state.uncoveredSince + " (allowed: " + checkpointStallAfter + "): checkpointing is stalled,"
                        + " is its advisory lock held?", true));
            }
        }
        else {
            state.uncoveredSince = null;
        }
        Optional<Long> oldest = chain.oldestUnchained();
        if (oldest.isPresent()) {
            if (state.unchainedSince == null || !oldest.get().equals(state.oldestUnchained)) {
                state.unchainedSince = now;
                state.oldestUnchained = oldest.get();
            }
            else if (Duration.between(state.unchainedSince, now).compareTo(chainStallAfter) > 0) {
                stalls.add(new Finding(head + 1, "entries left unchained since " + state.unchainedSince
                        + " (allowed: " + chainStallAfter + "): chaining is stalled, is its advisory lock held?",
                        true));
            }
        }
        else {
            state.unchainedSince = null;
        }
        return stalls;
    }

    /**
     * A full turn's cross-check of the table and the directory: a valid row without its file gets the file written
     * now (its writer may have failed; files are write-once, so this is safe from any node), and a valid file whose
     * row is gone is logged: the table is append-only, so someone with the owner's rights removed it.
     */
    private void reconcile(String chain, CheckpointIndex index) {
        long[] tableOnly = index.onlyIn(CheckpointIndex.IN_TABLE);
        int written = 0;
        for (int from = 0; from < tableOnly.length; from += PAGE) {
            long[] page = java.util.Arrays.copyOfRange(tableOnly, from, Math.min(tableOnly.length, from + PAGE));
            for (Checkpoint row : checkpoints.withCounts(chain, page)) {
                var signed = checkpoints.verified(row);
                if (signed.isEmpty()) {
                    continue;
                }
                if (files.exists(row.fileName()) || checkpoints.writeFile(row)) {
                    written++;
                    index.add(row.count(), row.headHash(), CheckpointIndex.IN_FILE);
                }
            }
        }
        long[] stillTableOnly = index.onlyIn(CheckpointIndex.IN_TABLE);
        if (stillTableOnly.length > 0) {
            log.warn("Chain {}: {} checkpoint(s) of the table have no file in {} (the first at {}), will retry",
                    chain, stillTableOnly.length, files.directory(), stillTableOnly[0]);
        }
        else if (written > 0) {
            log.info("Chain {}: {} checkpoint file(s) found or written for rows of the table", chain, written);
        }
        long[] filesOnly = index.onlyIn(CheckpointIndex.IN_FILE);
        if (filesOnly.length > 0) {
            log.error("Chain {}: {} signed checkpoint file(s) have no row in audit_checkpoint (the first at {}): rows"
                    + " were removed with the owner's rights", chain, filesOnly.length, filesOnly[0]);
        }
    }

    private ChainStatus publishable(String name, ChainState state, ChainWalk.Outcome walk, List<Finding> findings,
            long latest) {
        Instant now = clock.instant();
        Optional<Finding> first = findings.stream().min(Comparator.comparingLong(Finding::position));
        boolean tampered = findings.stream().anyMatch(f -> !f.stall());
        boolean stalled = findings.stream().anyMatch(Finding::stall);
        ChainStatus status = first.map(finding -> new ChainStatus(name, Status.BROKEN,
                        Math.min(walk.checkedThrough(), finding.position() - 1), finding.position(),
                        findings.stream().sorted(Comparator.comparingLong(Finding::position)).map(Finding::reason)
                                .distinct().limit(3).collect(Collectors.joining("; ")),
                        now, latest, tampered, stalled))
                .orElseGet(() -> new ChainStatus(name, Status.INTACT, walk.checkedThrough(), null, null, now, latest,
                        false, false));
        ChainStatus before = state.status;
        if (status.status() == Status.BROKEN && (before == null || before.status() != Status.BROKEN
                || !Objects.equals(status.firstBroken(), before.firstBroken())
                || before.stalled() != status.stalled())) {
            log.error("Audit chain {} is BROKEN at {}: {}", name, status.firstBroken(), status.reason());
        }
        state.status = status;
        return status;
    }

    private double gauge(String chain, Gauges which) {
        List<ChainStatus> last = published;
        if (last == null) {
            return 0;
        }
        return last.stream().filter(s -> s.name().equals(chain)).findFirst().map(s -> switch (which) {
            case BROKEN -> s.status() == Status.BROKEN ? 1.0 : 0.0;
            case STALLED -> s.stalled() ? 1.0 : 0.0;
            case CHECKED_THROUGH -> (double) s.checkedThrough();
        }).orElse(0.0);
    }

    private enum Gauges {
        BROKEN, STALLED, CHECKED_THROUGH
    }

    /** Something that does not hold, the first sequence number it concerns, and whether it is a stall. */
    private record Finding(long position, String reason, boolean stall) {
    }

    /** What this node knows of a chain between turns; only the turn, one at a time, touches it. */
    private static final class ChainState {
        final CheckpointIndex index = new CheckpointIndex();
        final Map<String, String> verifiedFolders = new HashMap<>();
        Set<String> seenFiles = new HashSet<>();
        long walkedThrough;
        String walkedHash = RecordHash.GENESIS;
        @Nullable Instant walkedAt;
        long lastCheckpointId;
        List<Finding> stickyFindings = new ArrayList<>();
        @Nullable Instant uncoveredSince;
        long uncoveredAbove;
        @Nullable Instant unchainedSince;
        @Nullable Long oldestUnchained;
        @Nullable ChainStatus status;
    }
}

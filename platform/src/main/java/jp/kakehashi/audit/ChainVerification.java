package jp.kakehashi.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Checks every chain against itself and against its signed checkpoints, from the table and from the directory
 * (C1, C4, D5), on a schedule, and keeps the outcome for the {@code auditchains} endpoint, the
 * {@code kakehashi.audit.chain.broken} gauge and the console. What each check catches, and where it says the chain
 * breaks:
 * <ul>
 * <li><b>a changed entry, not re-hashed</b>: the walk recomputes the entry's hash; the place is that entry;</li>
 * <li><b>a gap</b> (entries removed from the middle): the walk finds the first missing sequence number;</li>
 * <li><b>truncation</b> (the last entries removed): the chain's head is below a checkpoint's count; the place is the
 * first missing sequence number (the head's plus one);</li>
 * <li><b>re-chaining</b> (an entry changed and every later hash computed anew, so the walk passes): the hash at a
 * checkpoint's position differs from the signed one; the place is the first entry after the last checkpoint that
 * still matches (the change is somewhere between there and the next checkpoint: that is as precise as the evidence
 * allows);</li>
 * <li><b>a checkpoint whose signature fails</b> (forged or altered, in the table or as a file): tampering in itself;
 * the place is the count it claims.</li>
 * </ul>
 * Cost on a large log: every {@code kakehashi.audit.verification-interval} a cheap turn checks the checkpoints new
 * since the last turn (their signatures), the latest checkpoint's position and the head by index, and walks only the
 * entries chained since the last turn (after checking that the last walked position still holds its hash; if not, it
 * walks everything). A full turn, at start and every {@code kakehashi.audit.full-verification-interval}, walks every
 * entry and checks every checkpoint of the table and the directory. Every node verifies on its own and answers with
 * its own result, so no stored status can be rewritten to say all is well.
 */
@Service
public class ChainVerification {

    private static final Logger log = LoggerFactory.getLogger(ChainVerification.class);
    /** Day folders of checkpoint files a cheap turn reads (today's and yesterday's, whatever the time zone). */
    private static final int RECENT_DAYS = 2;

    private final List<HashChain> chains;
    private final Checkpoints checkpoints;
    private final CheckpointFiles files;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final Duration fullInterval;
    private final Map<String, ChainState> states = new LinkedHashMap<>();
    private Instant lastFull;

    ChainVerification(List<HashChain> chains, Checkpoints checkpoints, CheckpointFiles files, CheckpointSigner signer,
            Clock clock, ObjectProvider<MeterRegistry> meters,
            @Value("${kakehashi.audit.full-verification-interval:6h}") Duration fullInterval) {
        this.chains = chains.stream().sorted(Comparator.comparing(HashChain::name)).toList();
        this.checkpoints = checkpoints;
        this.files = files;
        this.signer = signer;
        this.clock = clock;
        this.fullInterval = fullInterval;
        for (HashChain chain : this.chains) {
            states.put(chain.name(), new ChainState());
        }
        meters.ifAvailable(registry -> this.chains.forEach(chain -> {
            Gauge.builder("kakehashi.audit.chain.broken", this, v -> v.brokenGauge(chain.name()))
                    .description("1 while the chain's last verification found it broken (C1, C4, D5), else 0")
                    .tag("chain", chain.name()).register(registry);
            Gauge.builder("kakehashi.audit.chain.checked.through", this, v -> v.checkedThroughGauge(chain.name()))
                    .description("the last sequence number the chain's verification found intact")
                    .tag("chain", chain.name()).register(registry);
        }));
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
     */
    public record ChainStatus(String name, Status status, long checkedThrough, Long firstBroken, String reason,
            Instant checkedAt, long latestCheckpoint) {
    }

    /** The last outcome of every chain, by name; verified now if this node has not verified yet. */
    public synchronized List<ChainStatus> statuses() {
        if (lastFull == null) {
            verifyFully();
        }
        return states.values().stream().map(state -> state.status).toList();
    }

    /** Verifies every chain completely, now. */
    public synchronized List<ChainStatus> verifyFully() {
        for (HashChain chain : chains) {
            verify(chain, states.get(chain.name()), true);
        }
        lastFull = clock.instant();
        return states.values().stream().map(state -> state.status).toList();
    }

    /** The scheduled turn: cheap, or full when one is due. */
    @Scheduled(fixedDelayString = "${kakehashi.audit.verification-interval:1m}", initialDelay = 0)
    synchronized void scheduledTurn() {
        try {
            if (lastFull == null || !clock.instant().isBefore(lastFull.plus(fullInterval))) {
                verifyFully();
                return;
            }
            for (HashChain chain : chains) {
                verify(chain, states.get(chain.name()), false);
            }
        }
        catch (RuntimeException e) {
            log.warn("Verifying the audit chains failed, will retry: {}", e.toString());
        }
    }

    private void verify(HashChain chain, ChainState state, boolean full) {
        List<Finding> findings = new ArrayList<>(full ? List.of() : state.stickyFindings);
        List<Finding> signatureFindings = new ArrayList<>();
        long head = chain.head().map(ExecutionLogRecord.ChainLink::sequenceNumber).orElse(0L);

        // the checkpoints to consider this turn: all (full), or those new since the last turn
        List<Checkpoint> valid = new ArrayList<>();
        long afterId = full ? 0 : state.lastCheckpointId;
        List<Checkpoints.Stored> stored;
        do {
            stored = checkpoints.storedAfter(chain.name(), afterId, 1000);
            for (Checkpoints.Stored row : stored) {
                afterId = row.id();
                var signed = signer.verify(row.checkpoint().jws());
                if (signed.isEmpty() || !Checkpoints.sameClaims(signed.get(), row.checkpoint())
                        || !signed.get().chain().equals(chain.name())) {
                    signatureFindings.add(new Finding(Math.max(1, row.checkpoint().count()), "the checkpoint at "
                            + row.checkpoint().count() + " in the database does not carry a valid signature: it was"
                            + " forged or altered"));
                }
                else {
                    valid.add(signed.get());
                }
            }
        }
        while (stored.size() == 1000);
        Set<String> seenFiles = full ? new HashSet<>() : state.seenFiles;
        List<CheckpointFiles.StoredFile> listed = files.newest(chain.name(), full ? 0 : RECENT_DAYS);
        // remember only what is still listed, so the set stays as small as the recent folders
        seenFiles.retainAll(listed.stream().map(CheckpointFiles.StoredFile::name).toList());
        for (CheckpointFiles.StoredFile file : listed) {
            if (!seenFiles.add(file.name())) {
                continue;
            }
            var signed = signer.verify(file.jws());
            if (signed.isEmpty() || !signed.get().fileName().equals(file.name())
                    || !signed.get().chain().equals(chain.name())) {
                signatureFindings.add(new Finding(Math.max(1, CheckpointFiles.countIn(file.name())),
                        "the checkpoint file " + file.name() + " does not carry a valid signature: it was forged or"
                                + " altered"));
            }
            else {
                valid.add(signed.get());
            }
        }
        findings.addAll(signatureFindings);

        // the latest checkpoint vouches for the head: truncation, and re-chaining below it
        Checkpoint latest = state.latest;
        for (Checkpoint checkpoint : valid) {
            if (latest == null || checkpoint.count() > latest.count()) {
                latest = checkpoint;
            }
        }
        List<Checkpoint> toPlace = new ArrayList<>(full ? valid : List.of());
        if (latest != null && !toPlace.contains(latest)) {
            toPlace.add(latest);
        }
        if (latest != null && latest.count() > head) {
            findings.add(new Finding(head + 1, "entries from " + (head + 1) + " on are missing: a checkpoint of "
                    + latest.madeAt() + " says the chain had " + latest.count()));
        }
        Long diverged = null;
        for (Checkpoint checkpoint : toPlace) {
            if (checkpoint.count() <= head && !holds(chain, checkpoint)) {
                diverged = diverged == null ? checkpoint.count() : Math.min(diverged, checkpoint.count());
            }
        }
        if (diverged != null) {
            long lastMatching = lastMatchingBelow(chain, diverged);
            findings.add(new Finding(lastMatching + 1, "the hash at checkpoint " + diverged + " is not the signed one:"
                    + " entries after " + (lastMatching == 0 ? "the start" : "checkpoint " + lastMatching)
                    + " were changed and re-hashed"));
        }

        // the entries themselves: all, or those chained since the last turn
        ChainWalk.Outcome walk;
        boolean continues = !full && state.walkedThrough > 0 && chain.linkAt(state.walkedThrough)
                .map(link -> link.recordHash().equals(state.walkedHash)).orElse(false);
        walk = continues ? ChainWalk.from(chain, state.walkedThrough, state.walkedHash, head)
                : ChainWalk.from(chain, 0, RecordHash.GENESIS, head);
        if (!walk.intact()) {
            findings.add(new Finding(walk.firstBroken(), walk.reason()));
        }
        else {
            state.walkedThrough = walk.checkedThrough();
            state.walkedHash = walk.lastHash();
        }

        state.lastCheckpointId = afterId;
        state.seenFiles = seenFiles;
        state.latest = latest;
        if (full) {
            state.stickyFindings = signatureFindings;
        }
        else {
            state.stickyFindings.addAll(signatureFindings);
        }
        Instant now = clock.instant();
        long vouched = latest == null ? 0 : latest.count();
        Optional<Finding> first = findings.stream().min(Comparator.comparingLong(Finding::position));
        ChainStatus status = first.map(finding -> new ChainStatus(chain.name(), Status.BROKEN,
                        finding.position() - 1, finding.position(), finding.reason(), now, vouched))
                .orElseGet(() -> new ChainStatus(chain.name(), Status.INTACT, walk.checkedThrough(), null, null, now,
                        vouched));
        if (status.status() == Status.BROKEN && (state.status == null || state.status.status() != Status.BROKEN
                || !status.firstBroken().equals(state.status.firstBroken()))) {
            log.error("Audit chain {} is BROKEN at {}: {}", chain.name(), status.firstBroken(), status.reason());
        }
        state.status = status;
    }

    private static boolean holds(HashChain chain, Checkpoint checkpoint) {
        return chain.linkAt(checkpoint.count()).map(link -> link.recordHash().equals(checkpoint.headHash()))
                .orElse(false);
    }

    /**
     * The count of the last checkpoint below {@code diverged} whose position still holds its signed hash (0: none).
     * Positions match up to where re-chaining began and differ after it, so a binary search over the checkpoints
     * (ordered by count) needs few lookups; only signed checkpoints count.
     */
    private long lastMatchingBelow(HashChain chain, long diverged) {
        List<Checkpoint> below = checkpoints.allByCount(chain.name()).stream()
                .filter(checkpoint -> checkpoint.count() < diverged).toList();
        int low = 0;
        int high = below.size() - 1;
        long found = 0;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Checkpoint probe = below.get(middle);
            boolean signed = signer.verify(probe.jws()).filter(s -> Checkpoints.sameClaims(s, probe)).isPresent();
            if (signed && holds(chain, probe)) {
                found = probe.count();
                low = middle + 1;
            }
            else {
                high = middle - 1;
            }
        }
        return found;
    }

    private double brokenGauge(String chain) {
        ChainStatus status = states.get(chain).status;
        return status != null && status.status() == Status.BROKEN ? 1 : 0;
    }

    private double checkedThroughGauge(String chain) {
        ChainStatus status = states.get(chain).status;
        return status == null ? 0 : status.checkedThrough();
    }

    /** Something that does not hold, and the first sequence number it concerns. */
    private record Finding(long position, String reason) {
    }

    /** What this node knows of a chain between turns. */
    private static final class ChainState {
        long walkedThrough;
        String walkedHash = RecordHash.GENESIS;
        long lastCheckpointId;
        Set<String> seenFiles = new HashSet<>();
        Checkpoint latest;
        List<Finding> stickyFindings = new ArrayList<>();
        volatile ChainStatus status;
    }
}

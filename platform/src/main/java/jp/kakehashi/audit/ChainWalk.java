package jp.kakehashi.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Walks a chain's entries from a trusted position, recomputing every hash (C1, C4, D5): the first entry that is out
 * of sequence (a gap: entries removed), whose previous hash is not its predecessor's hash, or whose content does not
 * give its hash (changed after chaining) is where the chain breaks. Given the chain's verified checkpoints, the walk
 * also compares the hash at each checkpoint's position as it passes it: a chain changed and re-hashed from some entry
 * on walks clean, but its hash at the next checkpoint is not the signed one, so it breaks after the last checkpoint
 * that still matched (the change is somewhere between the two: as precise as the evidence allows). Entries are read
 * a page at a time, so a walk of any length holds one page.
 */
final class ChainWalk {

    private static final int PAGE = 1000;

    private ChainWalk() {
    }

    /**
     * How far a walk got.
     *
     * @param checkedThrough the last position found intact
     * @param lastHash       its hash
     * @param firstBroken    the first position that does not hold, or null
     * @param reason         why it does not hold, or null
     * @param foundAt        the stored position of the entry the walk stopped at (after a gap: the next entry's), or
     *                       null
     */
    record Outcome(long checkedThrough, @Nullable String lastHash, @Nullable Long firstBroken,
            @Nullable String reason, @Nullable Long foundAt) {

        boolean intact() {
            return firstBroken == null;
        }
    }

    /** The whole chain from its first entry. */
    static Outcome fromStart(HashChain chain) {
        return from(chain, 0, RecordHash.GENESIS, Long.MAX_VALUE, null);
    }

    /**
     * Entries after {@code position} (whose hash is {@code hash}) up to {@code upTo} inclusive, checked against the
     * checkpoints of {@code checkpoints} (none when null) as it passes them; entries chained while walking, beyond
     * {@code upTo}, are left for the next walk.
     */
    static Outcome from(HashChain chain, long position, String hash, long upTo,
            @Nullable CheckpointIndex checkpoints) {
        long expected = position + 1;
        String previous = hash;
        long lastCheckpoint = 0;
        long nextCheckpoint = checkpoints == null ? Long.MAX_VALUE
                : checkpoints.higher(position).orElse(Long.MAX_VALUE);
        while (expected <= upTo) {
            List<HashChain.ChainEntry> page = chain.entriesAfter(expected - 1, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (HashChain.ChainEntry entry : page) {
                if (entry.sequenceNumber() > upTo) {
                    return new Outcome(expected - 1, previous, null, null, null);
                }
                if (entry.sequenceNumber() != expected) {
                    return new Outcome(expected - 1, previous, expected, "entry " + expected
                            + " is missing (the next one is " + entry.sequenceNumber() + "): entries were removed",
                            entry.sequenceNumber());
                }
                if (!entry.previousHash().equals(previous)) {
                    return new Outcome(expected - 1, previous, expected, "entry " + expected
                            + " does not follow the hash of entry " + (expected - 1), expected);
                }
                if (!entry.contentHash().equals(entry.recordHash())) {
                    return new Outcome(expected - 1, previous, expected, "the content of entry " + expected
                            + " does not give its hash: it was changed after it was chained", expected);
                }
                if (checkpoints != null && expected == nextCheckpoint) {
                    if (!entry.recordHash().equals(checkpoints.hashAt(expected))) {
                        long from = Math.max(lastCheckpoint, position);
                        return new Outcome(from, null, from + 1, "the hash at checkpoint " + expected
                                + " is not the signed one: entries after " + (from == 0 ? "the start"
                                        : (from == lastCheckpoint ? "checkpoint " : "entry ") + from)
                                + " were changed and re-hashed", from + 1);
                    }
                    lastCheckpoint = expected;
                    nextCheckpoint = checkpoints.higher(expected).orElse(Long.MAX_VALUE);
                }
                previous = entry.recordHash();
                expected++;
            }
        }
        return new Outcome(expected - 1, previous, null, null, null);
    }
}

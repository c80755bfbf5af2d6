package jp.kakehashi.audit;

import java.util.List;

/**
 * Walks a chain's entries from a trusted position, recomputing every hash (C1, C4, D5): the first entry that is out
 * of sequence (a gap: entries removed), whose previous hash is not its predecessor's hash, or whose content does not
 * give its hash (changed after chaining) is where the chain breaks.
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
     */
    record Outcome(long checkedThrough, String lastHash, Long firstBroken, String reason) {

        boolean intact() {
            return firstBroken == null;
        }
    }

    /** The whole chain from its first entry. */
    static Outcome fromStart(HashChain chain) {
        return from(chain, 0, RecordHash.GENESIS, Long.MAX_VALUE);
    }

    /**
     * Entries after {@code position} (whose hash is {@code hash}) up to {@code upTo} inclusive; entries chained while
     * walking, beyond {@code upTo}, are left for the next walk.
     */
    static Outcome from(HashChain chain, long position, String hash, long upTo) {
        long expected = position + 1;
        String previous = hash;
        while (expected <= upTo) {
            List<HashChain.ChainEntry> page = chain.entriesAfter(expected - 1, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (HashChain.ChainEntry entry : page) {
                if (entry.sequenceNumber() > upTo) {
                    return new Outcome(expected - 1, previous, null, null);
                }
                if (entry.sequenceNumber() != expected) {
                    return new Outcome(expected - 1, previous, expected, "entry " + expected
                            + " is missing (the next one is " + entry.sequenceNumber() + "): entries were removed");
                }
                if (!entry.previousHash().equals(previous)) {
                    return new Outcome(expected - 1, previous, expected, "entry " + expected
                            + " does not follow the hash of entry " + (expected - 1));
                }
                if (!entry.contentHash().equals(entry.recordHash())) {
                    return new Outcome(expected - 1, previous, expected, "the content of entry " + expected
                            + " does not give its hash: it was changed after it was chained");
                }
                previous = entry.recordHash();
                expected++;
            }
        }
        return new Outcome(expected - 1, previous, null, null);
    }
}

package jp.kakehashi.audit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoints of one chain whose signature this node has verified (C1, C4, D5), from the table and the files
 * together, kept by count: what the chain's positions are checked against, and bisected over when one no longer
 * holds. A checkpoint once verified stays, whatever later happens to its row or file: it is signed evidence of what
 * the chain was. Compact (a count, a 32-byte hash and where it was seen: about 41 bytes a checkpoint, some 21 MB for
 * a year of one checkpoint a minute), so a node keeps it for its lifetime instead of reading every checkpoint again.
 * Not thread-safe: only the verification's turn, one at a time, touches it.
 */
final class CheckpointIndex {

    static final byte IN_TABLE = 1;
    static final byte IN_FILE = 2;
    private static final HexFormat HEX = HexFormat.of();

    private long[] counts = new long[64];
    private byte[] hashes = new byte[64 * 32];
    private byte[] seen = new byte[64];
    private int size;
    private boolean sorted = true;
    private long firstConflict;

    /** Adds a verified checkpoint seen in the table or as a file (or both: {@code where} is a mask). */
    void add(long count, String headHash, byte where) {
        if (size > 0 && sorted && count <= counts[size - 1]) {
            int at = Arrays.binarySearch(counts, 0, size, count);
            if (at >= 0) {
                seen[at] |= where;
                if (!Arrays.equals(hashes, at * 32, at * 32 + 32, HEX.parseHex(headHash), 0, 32)) {
                    conflict(count);
                }
                return;
            }
            sorted = false;
        }
        if (size == counts.length) {
            counts = Arrays.copyOf(counts, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2 * 32);
            seen = Arrays.copyOf(seen, size * 2);
        }
        counts[size] = count;
        System.arraycopy(HEX.parseHex(headHash), 0, hashes, size * 32, 32);
        seen[size] = where;
        size++;
    }

    /**
     * The lowest count at which two validly signed checkpoints name different heads, 0 for none: the chain was
     * computed anew and signed again (a checkpoint made while the chain was rewritten), tampering in itself.
     */
    long firstConflict() {
        sort();
        return firstConflict;
    }

    private void conflict(long count) {
        firstConflict = firstConflict == 0 ? count : Math.min(firstConflict, count);
    }

    int size() {
        sort();
        return size;
    }

    /** The highest count verified, 0 for none. */
    long latest() {
        sort();
        return size == 0 ? 0 : counts[size - 1];
    }

    /** The signed head hash at a count, or null when no checkpoint has that count. */
    @Nullable String hashAt(long count) {
        sort();
        int at = Arrays.binarySearch(counts, 0, size, count);
        return at < 0 ? null : HEX.formatHex(hashes, at * 32, at * 32 + 32);
    }

    /** Whether a checkpoint at a count was seen in the table, as a file. */
    boolean seenAs(long count, byte where) {
        sort();
        int at = Arrays.binarySearch(counts, 0, size, count);
        return at >= 0 && (seen[at] & where) != 0;
    }

    /** Forgets where checkpoints were seen, for {@code where} (a full turn looks at all of the table again). */
    void forgetSeen(byte where) {
        for (int i = 0; i < size; i++) {
            seen[i] &= (byte) ~where;
        }
    }

    /** The smallest count above {@code count}, if any. */
    OptionalLong higher(long count) {
        sort();
        int at = Arrays.binarySearch(counts, 0, size, count);
        int next = at >= 0 ? at + 1 : -at - 1;
        return next < size ? OptionalLong.of(counts[next]) : OptionalLong.empty();
    }

    /** The counts seen in exactly one of the table and the files, by count: {@code where} the one they were seen in. */
    long[] onlyIn(byte where) {
        sort();
        return java.util.stream.IntStream.range(0, size).filter(i -> seen[i] == where).mapToLong(i -> counts[i])
                .toArray();
    }

    /**
     * The highest count below {@code below} at which {@code holds} is true, 0 for none, assuming positions hold up
     * to where a change began and not after it (a re-computed chain): a binary search, so few lookups.
     */
    long lastHolding(long below, LongPredicate holds) {
        sort();
        int high = Arrays.binarySearch(counts, 0, size, below);
        high = (high >= 0 ? high : -high - 1) - 1;
        int low = 0;
        long found = 0;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (holds.test(counts[middle])) {
                found = counts[middle];
                low = middle + 1;
            }
            else {
                high = middle - 1;
            }
        }
        return found;
    }

    private void sort() {
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> counts[i]));
        long[] newCounts = new long[Math.max(64, size)];
        byte[] newHashes = new byte[newCounts.length * 32];
        byte[] newSeen = new byte[newCounts.length];
        int n = 0;
        for (int i : order) {
            if (n > 0 && newCounts[n - 1] == counts[i]) {
                newSeen[n - 1] |= seen[i];
                if (!Arrays.equals(newHashes, (n - 1) * 32, n * 32, hashes, i * 32, i * 32 + 32)) {
                    conflict(counts[i]);
                }
                continue;
            }
            newCounts[n] = counts[i];
            System.arraycopy(hashes, i * 32, newHashes, n * 32, 32);
            newSeen[n] = seen[i];
            n++;
        }
        counts = newCounts;
        hashes = newHashes;
        seen = newSeen;
        size = n;
        sorted = true;
    }
}

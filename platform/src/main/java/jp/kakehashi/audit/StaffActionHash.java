package jp.kakehashi.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical encoding of a staff action and its SHA-256, in the style of {@link RecordHash}: every field as its
 * UTF-8 byte length, a colon and the bytes ({@code ~} for null), in a fixed order, times in epoch microseconds.
 */
final class StaffActionHash {

    static final String GENESIS = RecordHash.GENESIS;
    private static final String VERSION = "kakehashi-staff-action-log-v1";

    private StaffActionHash() {
    }

    static String of(long sequenceNumber, String previousHash, Instant occurredAt, String staffId, String action,
            String target, String outcome, String details) {
        StringBuilder canonical = new StringBuilder(256);
        for (String field : new String[] {VERSION, Long.toString(sequenceNumber), previousHash,
                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)), staffId, action, target, outcome,
                details}) {
            RecordHash.field(canonical, field);
        }
        return sha256(canonical.toString());
    }

    /** SHA-256 of UTF-8 text, lower-case hex; also what sign-offs and exports fingerprint their rows with. */
    static String sha256(String text) {
        return RecordHash.sha256(text);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String of(StaffAction entry) {
        return of(entry.sequenceNumber(), entry.previousHash(), entry.occurredAt(), entry.staffId(), entry.action(),
                entry.target(), entry.outcome(), entry.details());
    }
}

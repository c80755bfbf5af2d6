package jp.kakehashi.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import jp.kakehashi.risk.RiskSignals;
import org.jspecify.annotations.Nullable;

/**
 * The canonical encoding of a record and its SHA-256. Every field is written as its UTF-8 byte length, a colon and
 * the bytes ({@code ~} for null), in a fixed order, so no two different records encode alike whatever their text
 * contains. Times are epoch microseconds. Changing this encoding breaks every existing chain: version it instead.
 * Version 2 adds the chained party (F2) at the end; a record without one is still encoded as version 1, so the
 * chains written before it verify unchanged.
 */
final class RecordHash {

    static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "kakehashi-execution-log-v1";
    private static final String VERSION_2 = "kakehashi-execution-log-v2";

    private RecordHash() {
    }

    static String of(ExecutionLogRecord record, long sequenceNumber, String previousHash) {
        RiskSignals signals = record.signals();
        StringBuilder canonical = new StringBuilder(512);
        boolean chained = record.chainedPartyId() != null;
        field(canonical, chained ? VERSION_2 : VERSION);
        field(canonical, sequenceNumber);
        field(canonical, previousHash);
        field(canonical, record.id());
        field(canonical, micros(record.recordedAt()));
        field(canonical, record.customerId());
        field(canonical, record.tppId());
        field(canonical, record.clientId());
        field(canonical, record.grantId());
        field(canonical, record.operation());
        field(canonical, record.resourceId());
        field(canonical, record.httpStatus());
        field(canonical, record.errorCode());
        field(canonical, record.durationMicros());
        field(canonical, signals.interactionId());
        field(canonical, signals.interactionIdGenerated());
        field(canonical, signals.customerIpAddress());
        field(canonical, signals.customerUserAgent());
        field(canonical, micros(signals.authDate()));
        field(canonical, signals.authFailureCount());
        field(canonical, signals.clientIpAddress());
        field(canonical, String.join(",", signals.invalidHeaders()));
        if (chained) {
            field(canonical, record.chainedPartyId());
        }
        return sha256(canonical.toString());
    }

    private static @Nullable Long micros(@Nullable Instant instant) {
        return instant == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** One field of a canonical form: its UTF-8 length, a colon, the text; {@code ~} for none (staff actions too). */
    static void field(StringBuilder canonical, @Nullable Object value) {
        if (value == null) {
            canonical.append('~');
            return;
        }
        String text = value.toString();
        canonical.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
    }

    /** SHA-256 of UTF-8 text, lower-case hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package jp.kakehashi.audit;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Walks the execution log's hash chain from its first record and reports the first broken link (C1): a record whose
 * content no longer matches its hash (changed after chaining), whose previous hash is not its predecessor's hash
 * (a record replaced or re-hashed), or a gap in the sequence (a record removed). Records not chained yet are only
 * counted: they are protected by the table's triggers until the chainer, within about a second, takes them in.
 */
@Component
public class ExecutionLogVerification {

    private static final int PAGE = 1000;

    private final ExecutionLogRecords records;

    ExecutionLogVerification(ExecutionLogRecords records) {
        this.records = records;
    }

    /** The outcome of a verification. */
    public sealed interface Result {
    }

    /**
     * Every link holds.
     *
     * @param chained the records in the chain
     * @param pending the records waiting to be chained
     */
    public record Intact(long chained, long pending) implements Result {
    }

    /**
     * The first link that does not hold.
     *
     * @param recordId       the record where the chain breaks
     * @param sequenceNumber its sequence number
     * @param reason         what does not hold
     */
    public record Broken(long recordId, long sequenceNumber, String reason) implements Result {
    }

    public Result verify() {
        long expected = 1;
        String previousHash = RecordHash.GENESIS;
        List<ExecutionLogRecord> page = records.chainedAfter(0, PAGE);
        while (!page.isEmpty()) {
            for (ExecutionLogRecord record : page) {
                var link = record.link();
                if (link.sequenceNumber() != expected) {
                    return new Broken(record.id(), link.sequenceNumber(), "sequence number " + expected
                            + " is missing before this record: a record was removed");
                }
                if (!link.previousHash().equals(previousHash)) {
                    return new Broken(record.id(), link.sequenceNumber(),
                            "its previous hash is not the hash of record " + (expected - 1) + " of the chain");
                }
                if (!RecordHash.of(record, link.sequenceNumber(), link.previousHash()).equals(link.recordHash())) {
                    return new Broken(record.id(), link.sequenceNumber(),
                            "its content does not match its hash: it was changed after it was chained");
                }
                previousHash = link.recordHash();
                expected++;
            }
            page = records.chainedAfter(expected - 1, PAGE);
        }
        return new Intact(expected - 1, records.countUnchained());
    }
}

package jp.kakehashi.audit;

import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The execution log's chain from its first record, as an investigator asks about it (C1): intact with how many
 * records are chained and how many wait, or the record where it breaks. The walk is the one every chain has
 * ({@link ChainWalk} over {@link ExecutionLogChain}): a record whose content no longer matches its hash, whose
 * previous hash is not its predecessor's hash, or a gap in the sequence. Truncation and re-chaining show only against
 * the signed checkpoints ({@link ChainVerification}).
 */
@Component
public class ExecutionLogVerification {

    private final ExecutionLogChain chain;
    private final ExecutionLogRecords records;

    ExecutionLogVerification(ExecutionLogChain chain, ExecutionLogRecords records) {
        this.chain = chain;
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
     * @param recordId       the record where the chain breaks (after a gap: the record that follows it)
     * @param sequenceNumber its sequence number
     * @param reason         what does not hold
     */
    public record Broken(long recordId, long sequenceNumber, String reason) implements Result {
    }

    public Result verify() {
        ChainWalk.Outcome walk = ChainWalk.fromStart(chain);
        if (walk.intact()) {
            return new Intact(walk.checkedThrough(), chain.countUnchained());
        }
        long at = Objects.requireNonNull(walk.foundAt(), "a broken walk says where it stopped");
        return new Broken(records.idAt(at).orElse(-1L), at,
                Objects.requireNonNull(walk.reason(), "a broken walk says why"));
    }
}

package jp.kakehashi.tpp.screening;

/** What came of proposing, approving or rejecting a checklist change. */
public sealed interface ChecklistChangeOutcome {

    /** Proposed; waits for another person. */
    record Proposed(long changeId) implements ChecklistChangeOutcome {
    }

    /** Approved and applied; {@code item} is the new current version, or null for a retirement. */
    record Applied(ChecklistItem item) implements ChecklistChangeOutcome {
    }

    /** Rejected by the checker; nothing changed. */
    record Rejected(long changeId) implements ChecklistChangeOutcome {
    }

    /** Refused; nothing changed. */
    record Refused(Refusal refusal) implements ChecklistChangeOutcome {
    }

    /** Why a change was refused. */
    enum Refusal {
        /** The common part the principles require can never be changed or retired. */
        COMMON_PART_FIXED,
        /** No current item with this code. */
        UNKNOWN_ITEM,
        /** An item with this code exists already. */
        ITEM_EXISTS,
        /** Code, words in both languages or the mandatory flag missing. */
        INCOMPLETE,
        /** No reason given. */
        REASON_MISSING,
        /** The checker is the person who proposed it. */
        SAME_PERSON,
        /** No such proposal waiting. */
        NOT_PENDING,
        /** Another proposal for this item waits already. */
        ALREADY_PROPOSED
    }

    default boolean refused() {
        return this instanceof Refused;
    }
}

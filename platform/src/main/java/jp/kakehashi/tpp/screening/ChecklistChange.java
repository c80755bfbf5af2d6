package jp.kakehashi.tpp.screening;

import java.time.Instant;

/**
 * A proposed change of a bank-specific checklist item (A2), applied only when a second person approves it.
 *
 * @param text      the new words (null for a retirement)
 * @param mandatory whether answers become required (null for a retirement)
 */
public record ChecklistChange(long id, Kind kind, String code, Boolean mandatory, ItemText text, String reason,
        String proposedBy, Instant proposedAt, State state, String decidedBy, Instant decidedAt) {

    /** What the change does. */
    public enum Kind {
        ADD, CHANGE, RETIRE
    }

    /** Where the proposal stands. */
    public enum State {
        PENDING, APPROVED, REJECTED, WITHDRAWN
    }
}

package jp.kakehashi.tpp.screening;

import java.time.Instant;
import java.util.Set;

/**
 * The reviewer's recommendation at the end of a screening, waiting for the approver's decision (maker-checker).
 *
 * @param scopes the scopes to approve; empty for a rejection
 */
public record Recommendation(long id, String tppId, Outcome outcome, Set<String> scopes, String summary,
        String reviewer, Instant recommendedAt, State state, String decidedBy, Instant decidedAt, String returnNote) {

    public Recommendation {
        scopes = Set.copyOf(scopes);
    }

    /** What the reviewer recommends. */
    public enum Outcome {
        APPROVE, REJECT
    }

    /** PENDING until the approver decides it or returns it with a note, or the reviewer withdraws it. */
    public enum State {
        PENDING, DECIDED, RETURNED, WITHDRAWN
    }
}

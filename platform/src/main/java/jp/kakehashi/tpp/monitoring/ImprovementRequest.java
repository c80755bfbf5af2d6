package jp.kakehashi.tpp.monitoring;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A request to a TPP to improve on a finding, with a deadline (改善要請, A6): open until the TPP answers, closed when
 * the bank accepts the answer.
 *
 * @param reviewId the review whose finding it follows, null if raised on its own
 */
public record ImprovementRequest(long id, String tppId, Long reviewId, String finding, LocalDate dueOn, Status status,
        String requestedBy, Instant requestedAt, String answer, Instant answeredAt, String closedBy,
        Instant closedAt) {

    public enum Status {
        OPEN, ANSWERED, CLOSED
    }

    /** Past its deadline without an answer. An answered request waits for the bank, not the TPP. */
    public boolean overdueOn(LocalDate today) {
        return status == Status.OPEN && today.isAfter(dueOn);
    }
}

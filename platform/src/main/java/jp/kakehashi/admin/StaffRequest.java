package jp.kakehashi.admin;

import java.time.Instant;
import java.util.Map;

/**
 * A staff request waiting for, or decided by, a second person (C4, A6 maker-checker): one staff member asks for an
 * action of a registered {@link ApprovedAction} kind, an approver who is not them decides.
 *
 * @param kind    the {@link ApprovedAction#kind()} that executes it
 * @param target  what it acts on (a TPP id, an export's subject)
 * @param payload the action's parameters, plain strings
 * @param outcome what the action reported when executed, or null
 */
public record StaffRequest(String id, String kind, String target, Map<String, String> payload, String reason,
        String requestedBy, Instant requestedAt, Status status, String decidedBy, Instant decidedAt,
        String decisionNote, String outcome) {

    public StaffRequest {
        payload = Map.copyOf(payload);
    }

    /** Where a request is. Only PENDING moves, and only once. */
    public enum Status {
        PENDING, APPROVED, REJECTED, WITHDRAWN
    }
}

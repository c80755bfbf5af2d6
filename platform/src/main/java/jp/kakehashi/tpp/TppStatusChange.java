package jp.kakehashi.tpp;

import java.time.Instant;
import java.util.Set;

/** One recorded move of a TPP's status (A6): from where to where, why, asked by whom, approved by whom. */
public record TppStatusChange(TppStatus from, TppStatus to, String reason, String requestedBy, String approvedBy,
        Set<String> scopes, Instant occurredAt) {
}

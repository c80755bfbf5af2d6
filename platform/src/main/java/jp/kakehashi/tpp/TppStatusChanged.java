package jp.kakehashi.tpp;

import java.time.Instant;
import java.util.Set;
import jp.kakehashi.shared.TppId;

/**
 * A TPP's status moved (A6). Published inside the changing transaction: the authorization server drops cached
 * tokens on every node and grants end with a revocation before it commits; notices to the TPP follow from the event
 * publication registry.
 *
 * @param tppId  the TPP, written in JSON as the bare id (as publications stored before have it)
 * @param scopes the scopes taken away, for a restriction; empty otherwise
 */
public record TppStatusChanged(TppId tppId, TppStatus from, TppStatus to, String reason, String requestedBy,
        String approvedBy, Set<String> scopes, Instant occurredAt) {

    public TppStatusChanged {
        scopes = Set.copyOf(scopes);
    }
}

package jp.kakehashi.audit;

import java.time.Instant;

/**
 * One entry of the staff action log (C4 職員の操作ログ): who did what to which target with which outcome, when.
 *
 * @param sequenceNumber its place in the hash chain, 1 for the first entry
 * @param staffId        the staff member's id, or the login typed at a failed sign-in (prefixed {@code login:})
 * @param action         a dotted name, e.g. {@code console.sign-in}, {@code tpp.suspend.requested}
 * @param target         what it acted on (a TPP id, a request id, a path), or null
 * @param outcome        e.g. {@code success}, {@code refused}, {@code failure}, or an HTTP status
 * @param details        a JSON object of further facts, never secrets
 */
public record StaffAction(long sequenceNumber, Instant occurredAt, String staffId, String action, String target,
        String outcome, String details, String previousHash, String recordHash) {
}

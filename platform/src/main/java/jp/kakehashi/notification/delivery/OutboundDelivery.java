package jp.kakehashi.notification.delivery;

import java.time.Instant;

/**
 * One HTTP delivery to a TPP or another bank and how it went: tried until the receiver took it or attempts ran out.
 *
 * @param receiver    the TPP id, or the id of a subscribed bank
 * @param lastStatus  the HTTP status of the last answer, or null if none came
 * @param deliveredAt when the receiver took it, or null
 */
public record OutboundDelivery(String id, Kind kind, String receiver, String url, Instant createdAt, int attempts,
        Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus, String lastError) {

    /** A JSON notice to a TPP's webhook, or a security event token pushed per RFC 8935. */
    public enum Kind {
        NOTICE, SECURITY_EVENT
    }

    /** Whether the bank gave up on it: not delivered and no attempt left. */
    public boolean abandoned() {
        return deliveredAt == null && nextAttemptAt == null;
    }
}

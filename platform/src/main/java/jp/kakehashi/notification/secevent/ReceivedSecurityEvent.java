package jp.kakehashi.notification.secevent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A security event another bank pushed to this bank (F3), verified against that bank's keys before it was stored.
 *
 * @param eventTypes the URIs of its events
 * @param claims     the token's claims as sent
 */
public record ReceivedSecurityEvent(String issuer, String jti, List<String> eventTypes, Map<String, Object> claims,
        Instant receivedAt) {

    public ReceivedSecurityEvent {
        eventTypes = List.copyOf(eventTypes);
    }
}

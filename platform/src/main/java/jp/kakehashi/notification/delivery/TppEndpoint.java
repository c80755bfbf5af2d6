package jp.kakehashi.notification.delivery;

import java.time.Instant;

/**
 * Where a TPP takes the bank's notices (a webhook, JSON) and security events (RFC 8935 push), as it registered them.
 *
 * @param securityEventUrl null when the TPP takes notices only
 */
public record TppEndpoint(String tppId, String webhookUrl, String securityEventUrl, String registeredBy,
        Instant registeredAt) {
}

package jp.kakehashi.consent;

import java.time.Instant;
import java.util.Map;

/**
 * What a customer saw and agreed to (D5), kept so it can be shown later to the customer, staff or a dispute body.
 * {@code shownSha256} is the hash of the canonical JSON of {@code shown}, so a later change would show. Records are
 * append-only (a trigger refuses changes, the runtime role may not lift it) and hash-chained by the audit module.
 *
 * @param id          the record id
 * @param grantId     the grant it created
 * @param customerId  the customer
 * @param language    the screen's language
 * @param template    the template and its version
 * @param shown       what the screen showed
 * @param shownSha256 hash of what was shown
 * @param agreedAt    when the customer agreed
 * @param rendered    the page as rendered, its template version, the confirmation and the sign-in level; null for
 *                    records made before these were kept (their template version is {@code template})
 */
public record ConsentRecord(String id, String grantId, String customerId, String language, String template,
        Map<String, Object> shown, String shownSha256, Instant agreedAt, RenderedConsent rendered) {
}

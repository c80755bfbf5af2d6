package jp.kakehashi.consent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A grant the customer has just agreed to, with the evidence of what the consent screen showed (D5).
 *
 * @param id         the authorization id the grant's tokens will belong to
 * @param customerId the customer
 * @param tppId      the TPP
 * @param clientId   the TPP's client
 * @param scopes     the rights
 * @param accountIds the accounts chosen
 * @param expiresAt  the grant's end, as shown on the screen
 * @param language   the screen's language (ja, en)
 * @param template   the screen template and its version
 * @param shown      everything the screen showed, as displayed
 * @param authorizationDetails the RFC 9396 authorization details approved (e.g. one transfer), empty for none
 * @param rendered   the page as rendered and the sign-in level (D5); null only for grants not made on the consent
 *                   page (tests, imports), whose record then keeps no rendering
 */
public record NewGrant(String id, String customerId, String tppId, String clientId, Set<String> scopes,
        List<String> accountIds, Instant expiresAt, String language, String template, Map<String, Object> shown,
        List<Map<String, Object>> authorizationDetails, RenderedConsent rendered) {

    public NewGrant {
        authorizationDetails = List.copyOf(authorizationDetails);
    }

    /** A grant without a rendered page (made elsewhere than on the consent page). */
    public NewGrant(String id, String customerId, String tppId, String clientId, Set<String> scopes,
            List<String> accountIds, Instant expiresAt, String language, String template, Map<String, Object> shown,
            List<Map<String, Object>> authorizationDetails) {
        this(id, customerId, tppId, clientId, scopes, accountIds, expiresAt, language, template, shown,
                authorizationDetails, null);
    }

    /** A grant of scopes only, without authorization details. */
    public NewGrant(String id, String customerId, String tppId, String clientId, Set<String> scopes,
            List<String> accountIds, Instant expiresAt, String language, String template, Map<String, Object> shown) {
        this(id, customerId, tppId, clientId, scopes, accountIds, expiresAt, language, template, shown, List.of());
    }
}

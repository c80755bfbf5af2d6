package jp.kakehashi.authorization.fapi;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/**
 * Spring's consent store, which this bank does not use: every authorization asks the customer again (the
 * consent-required predicate in {@link FapiEndpoints}), and what a customer agreed to lives in the grant and its
 * consent record (D5), not in Spring's per-client consent.
 *
 * <p>Remembering would be harmful, not just redundant: Spring's consent provider adds every scope the customer once
 * agreed to for the same client to whatever the consent form now carries. A customer who had agreed once and then
 * pressed "deny" (no scope in the form) would get the old scopes, the TPP a code and an ID token for a request the
 * customer refused; and the default store is in the memory of one node. So nothing is stored and nothing is found.
 */
final class NoRememberedConsents implements OAuth2AuthorizationConsentService {

    @Override
    public void save(OAuth2AuthorizationConsent authorizationConsent) {
    }

    @Override
    public void remove(OAuth2AuthorizationConsent authorizationConsent) {
    }

    @Override
    public @Nullable OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return null;
    }
}

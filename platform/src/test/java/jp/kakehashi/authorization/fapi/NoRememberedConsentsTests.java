package jp.kakehashi.authorization.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;

/**
 * Spring's consent store keeps nothing (D5: what a customer agreed to lives in the grant): a remembered consent would
 * add old scopes to a refusal, and live in one node's memory.
 */
class NoRememberedConsentsTests {

    @Test
    void findByIdWhenAConsentWasSavedThenNothingIsFound() {
        var consents = new NoRememberedConsents();
        consents.save(OAuth2AuthorizationConsent.withId("id-tpp-client", "customer").scope("accounts").build());

        assertThat(consents.findById("id-tpp-client", "customer")).isNull();
    }
}

package jp.kakehashi.authorization.fapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import jp.kakehashi.authorization.keys.ServerSecrets;
import jp.kakehashi.authorization.keys.TestServerSecrets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Server-provided DPoP nonces (RFC 9449 §8): a MAC of the minute under the master key, the same on every node without
 * shared state (B7); the current and the previous minute's nonce are accepted; the token and PAR endpoints send the
 * current one in {@code DPoP-Nonce} (§8.1, §10.1).
 */
class DpopNoncesTests {

    private static final Instant MINUTE = Instant.parse("2026-12-07T12:00:00Z");

    private final ServerSecrets secrets = TestServerSecrets.random();

    @Test
    void currentWhenAnotherNodeAsksInTheSameMinuteThenTheSameNonce() {
        assertThat(at(MINUTE.plusSeconds(5), secrets).current())
                .isEqualTo(at(MINUTE.plusSeconds(55), secrets).current());
    }

    @Test
    void currentWhenTheMinuteChangesThenANewNonce() {
        assertThat(at(MINUTE, secrets).current()).isNotEqualTo(at(MINUTE.plusSeconds(60), secrets).current());
    }

    @Test
    void isValidWhenTheCurrentNonceThenTrue() {
        var nonces = at(MINUTE.plusSeconds(30), secrets);

        assertThat(nonces.isValid(nonces.current())).isTrue();
    }

    @Test
    void isValidWhenThePreviousMinutesNonceThenTrue() {
        String previous = at(MINUTE.minusSeconds(1), secrets).current();

        assertThat(at(MINUTE, secrets).isValid(previous)).isTrue();
    }

    @Test
    void isValidWhenTwoMinutesOldThenFalse() {
        String old = at(MINUTE.minusSeconds(61), secrets).current();

        assertThat(at(MINUTE, secrets).isValid(old)).isFalse();
    }

    @Test
    void isValidWhenTheNextMinutesNonceThenFalse() {
        String next = at(MINUTE.plusSeconds(60), secrets).current();

        assertThat(at(MINUTE, secrets).isValid(next)).isFalse();
    }

    @Test
    void isValidWhenMadeUnderAnotherMasterKeyThenFalse() {
        String foreign = at(MINUTE, TestServerSecrets.random()).current();

        assertThat(at(MINUTE, secrets).isValid(foreign)).isFalse();
    }

    @Test
    void isValidWhenMissingOrMadeUpThenFalse() {
        var nonces = at(MINUTE, secrets);

        assertThat(nonces.isValid(null)).isFalse();
        assertThat(nonces.isValid("")).isFalse();
        assertThat(nonces.isValid("made-up")).isFalse();
    }

    @Test
    void doFilterWhenTokenOrParEndpointThenTheResponseCarriesTheCurrentNonce() throws Exception {
        var nonces = at(MINUTE, secrets);
        for (String endpoint : new String[] {"/oauth2/token", "/oauth2/par"}) {
            var response = new MockHttpServletResponse();
            var chain = new MockFilterChain();

            nonces.doFilter(new MockHttpServletRequest("POST", endpoint), response, chain);

            assertThat(response.getHeader(DpopNonces.HEADER)).as(endpoint).isEqualTo(nonces.current());
            assertThat(chain.getRequest()).as(endpoint).isNotNull();
        }
    }

    @Test
    void doFilterWhenAnotherEndpointThenNoNonce() throws Exception {
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        at(MINUTE, secrets).doFilter(new MockHttpServletRequest("GET", "/oauth2/authorize"), response, chain);

        assertThat(response.getHeader(DpopNonces.HEADER)).isNull();
        assertThat(chain.getRequest()).isNotNull();
    }

    static DpopNonces at(Instant instant, ServerSecrets secrets) {
        return new DpopNonces(secrets, Clock.fixed(instant, ZoneOffset.UTC));
    }
}

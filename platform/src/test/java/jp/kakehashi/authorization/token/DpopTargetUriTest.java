package jp.kakehashi.authorization.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9449 §4.3 check 9 with RFC 3986 §6.2.2–6.2.3 normalisation, without query and fragment. */
class DpopTargetUriTest {

    private static final String TARGET = "https://bank.example/oauth2/token";

    @ParameterizedTest
    @ValueSource(strings = {"https://bank.example/oauth2/token", "https://bank.example:443/oauth2/token",
            "HTTPS://bank.example/oauth2/token", "https://BANK.Example/oauth2/token",
            "https://bank.example/oauth2/token?x=1", "https://bank.example/oauth2/token#f",
            "https://bank.example/oauth2/token?x=1#f", "https://bank.example/oauth2/%74oken",
            "https://bank.example/oauth2/./token", "https://bank.example/x/../oauth2/token"})
    void matchesWhenOnlyNormalisationQueryOrFragmentDifferThenTrue(String htu) {
        assertThat(DpopTargetUri.matches(htu, TARGET)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://bank.example/oauth2/token", "https://bank.example:8443/oauth2/token",
            "https://evil.example/oauth2/token", "https://bank.example/oauth2/token/",
            "https://bank.example/oauth2/Token", "https://user@bank.example/oauth2/token",
            "https://bank.example/oauth2%2Ftoken", "/oauth2/token", "ftp://bank.example/oauth2/token",
            "https://bank.example/oauth2/to%zzken", "not a uri", ""})
    void matchesWhenAnotherTargetThenFalse(String htu) {
        assertThat(DpopTargetUri.matches(htu, TARGET)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://bank.example/v1/accounts", "http://bank.example:80/v1/accounts",
            "http://bank.example:80/v1/accounts?page=2"})
    void matchesWhenHttpDefaultPortThenTrue(String htu) {
        assertThat(DpopTargetUri.matches(htu, "http://BANK.example/v1/accounts")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://bank.example", "https://bank.example/", "https://bank.example:443"})
    void matchesWhenEmptyPathThenItIsTheRoot(String htu) {
        assertThat(DpopTargetUri.matches(htu, "https://bank.example/")).isTrue();
    }
}

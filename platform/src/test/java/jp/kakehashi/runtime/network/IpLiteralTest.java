package jp.kakehashi.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** C1, C3, F4: an address literal is ASCII only; other scripts' digits never pass for hex digits. */
class IpLiteralTest {

    @Test
    void parseWhenIpv6GroupsHoldNonAsciiDigitsThenNoLiteral() {
        assertThat(IpLiteral.parse("2001:db8::1")).contains("2001:db8:0:0:0:0:0:1");
        // Arabic-Indic three, fullwidth one, Devanagari five: Character.digit takes each as a digit
        assertThat(IpLiteral.isIpv6("2001:db8::\u0663")).isFalse();
        assertThat(IpLiteral.isIpv6("2001:db8::\uff11")).isFalse();
        assertThat(IpLiteral.parse("2001:db8::\u096b")).isEmpty();
        assertThat(IpLiteral.isIpv6("2001:DB8::aBcD")).isTrue();
    }
}

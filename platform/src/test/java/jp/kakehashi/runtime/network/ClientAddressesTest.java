package jp.kakehashi.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who the client is behind the bank's proxies (C1, C3, F4): the forwarded header only from a trusted peer, walked
 * from the right past trusted proxies; anything unreadable counts as absent.
 */
class ClientAddressesTest {

    private static final String BALANCER = "10.0.0.5";

    private final ClientAddresses xForwardedFor = addresses(ForwardedHeader.X_FORWARDED_FOR, "10.0.0.0/24");
    private final ClientAddresses forwarded = addresses(ForwardedHeader.FORWARDED, "10.0.0.0/24");

    @Test
    void clientOfWhenNoProxyIsTrustedThenThePeerWhateverTheHeaderSays() {
        var nobody = addresses(ForwardedHeader.X_FORWARDED_FOR);

        assertThat(nobody.trustsAnyone()).isFalse();
        assertThat(nobody.clientOf(BALANCER, lines("203.0.113.7"))).isEqualTo(BALANCER);
    }

    @Test
    void clientOfWhenPeerIsTrustedThenTheHopItAdded() {
        assertThat(xForwardedFor.clientOf(BALANCER, lines("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void clientOfWhenPeerIsNotTrustedThenAForgedHeaderIsIgnored() {
        assertThat(xForwardedFor.clientOf("198.51.100.9", lines("203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(forwarded.clientOf("198.51.100.9", lines("for=203.0.113.7"))).isEqualTo("198.51.100.9");
    }

    @Test
    void clientOfWhenClientForgedHopsToTheLeftThenTheyAreNeverRead() {
        // the client sent "X-Forwarded-For: 1.1.1.1, garbage"; the balancer appended what it saw
        assertThat(xForwardedFor.clientOf(BALANCER, lines("1.1.1.1, garbage, 203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void clientOfWhenSeveralTrustedProxiesThenSkippedFromTheRight() {
        assertThat(xForwardedFor.clientOf(BALANCER, lines("198.51.100.1, 203.0.113.7, 10.0.0.9, 10.0.0.8")))
                .isEqualTo("203.0.113.7");
        assertThat(xForwardedFor.clientOf(BALANCER, lines("198.51.100.1, 203.0.113.7", "10.0.0.9")))
                .as("several header lines are one list").isEqualTo("203.0.113.7");
    }

    @Test
    void clientOfWhenEveryHopIsTrustedThenTheFirstOfThem() {
        assertThat(xForwardedFor.clientOf(BALANCER, lines("10.0.0.7, 10.0.0.8"))).isEqualTo("10.0.0.7");
    }

    @Test
    void clientOfWhenTheHopToReadIsMalformedThenThePeer() {
        for (String header : List.of("garbage", "999.1.1.1", "1.2.3.4.5", "evil.example", "", " , ", "unknown",
                "203.0.113.7:99999", "[2001:db8::1", "2001:db8::1%eth0", "203.0.113.7, 10.0.0.9, nonsense, 10.0.0.8")) {
            assertThat(xForwardedFor.clientOf(BALANCER, lines(header))).as(header).isEqualTo(BALANCER);
        }
    }

    @Test
    void clientOfWhenPortsAndIpv6ThenTheAddressAlone() {
        assertThat(xForwardedFor.clientOf(BALANCER, lines("203.0.113.7:51234"))).isEqualTo("203.0.113.7");
        assertThat(xForwardedFor.clientOf(BALANCER, lines("2001:db8::17"))).isEqualTo("2001:db8:0:0:0:0:0:17");
        assertThat(xForwardedFor.clientOf(BALANCER, lines("[2001:db8::17]:4711"))).isEqualTo("2001:db8:0:0:0:0:0:17");
    }

    @Test
    void clientOfWhenRfc7239ForwardedThenItsForParameters() {
        assertThat(forwarded.clientOf(BALANCER, lines("for=192.0.2.60;proto=https;by=10.0.0.5")))
                .isEqualTo("192.0.2.60");
        assertThat(forwarded.clientOf(BALANCER, lines("for=\"[2001:db8:cafe::17]:4711\"")))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(forwarded.clientOf(BALANCER, lines("For=\"192.0.2.43:47011\", for=10.0.0.9;proto=https")))
                .as("names are case-insensitive; trusted hops skipped").isEqualTo("192.0.2.43");
        assertThat(forwarded.clientOf(BALANCER, lines("for=\"_gazonk\"", "for=203.0.113.7")))
                .as("an obfuscated hop left of the client is never read").isEqualTo("203.0.113.7");
    }

    @Test
    void clientOfWhenRfc7239ForwardedUnreadableThenThePeer() {
        for (String header : List.of("for=unknown", "for=_hidden", "proto=https", "for=[2001:db8::1]",
                "for=\"192.0.2.60", "for=192.0.2.60;for=192.0.2.61", "for 192.0.2.60", "for=192.0.2.60 x",
                "for=\"[2001:db8::1]:port\"")) {
            assertThat(forwarded.clientOf(BALANCER, lines(header))).as(header).isEqualTo(BALANCER);
        }
    }

    @Test
    void clientOfWhenTheProxiesWriteOneHeaderThenTheOtherOneIsIgnored() {
        // a client's own "Forwarded" passes a proxy that appends to X-Forwarded-For untouched: never read
        assertThat(xForwardedFor.clientOf(BALANCER, lines())).isEqualTo(BALANCER);
        assertThat(forwarded.clientOf(BALANCER, lines("203.0.113.7"))).as("not RFC 7239").isEqualTo(BALANCER);
    }

    @Test
    void clientOfWhenIpv6ProxyRangeThenMatched() {
        var v6 = addresses(ForwardedHeader.X_FORWARDED_FOR, "2001:db8:1::/48");

        assertThat(v6.clientOf("2001:db8:1:0:0:0:0:5", lines("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(v6.clientOf("2001:db8:2:0:0:0:0:5", lines("203.0.113.7"))).isEqualTo("2001:db8:2:0:0:0:0:5");
    }

    @Test
    void trustedProxiesWhenAnEntryIsNoAddressOrRangeThenRefusedNamingIt() {
        for (String entry : List.of("proxy.bank.example", "10.0.0.0/33", "10.0.0.0/", "2001:db8::/129", "10.0.0",
                "10.0.0.0/8x")) {
            assertThatThrownBy(() -> TrustedProxies.of(List.of(entry))).as(entry)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("kakehashi.network.trusted-proxies").hasMessageContaining(entry);
        }
        assertThat(TrustedProxies.of(List.of(" 127.0.0.2/32 ", "", "::1")).trusts("127.0.0.2")).isTrue();
    }

    @Test
    void ipLiteralWhenNotStrictlyALiteralThenNothingSoNoDnsLookup() {
        assertThat(IpLiteral.parse("192.0.2.1")).contains("192.0.2.1");
        assertThat(IpLiteral.parse("::ffff:192.0.2.1")).contains("192.0.2.1");
        assertThat(IpLiteral.parse("::1")).contains("0:0:0:0:0:0:0:1");
        for (String text : List.of("1.2.3", "0x7f.0.0.1", "1.2.3.4.5", "256.1.1.1", "localhost", "1::2::3",
                "1:2:3:4:5:6:7:8:9", ":1:2", "12345::", "a.b.c.d", "+1.2.3.4")) {
            assertThat(IpLiteral.parse(text)).as(text).isEmpty();
        }
    }

    private static ClientAddresses addresses(ForwardedHeader header, String... trusted) {
        return new ClientAddresses(TrustedProxies.of(List.of(trusted)), header);
    }

    private static java.util.Enumeration<String> lines(String... values) {
        return Collections.enumeration(List.of(values));
    }
}

package jp.kakehashi.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** A6, E1: the bank delivers only to public addresses, never to itself, its network or a metadata service (SSRF). */
class ReceiverAddressesTest {

    @Test
    void internalWhenLoopbackPrivateLinkLocalSharedUniqueLocalOrMulticastThenTrueElseFalse() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255",
                "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "::127.0.0.1",
                "64:ff9b::a9fe:a9fe", "ff02::1")) {
            assertThat(ReceiverAddresses.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : List.of("8.8.8.8", "1.1.1.1", "100.128.0.1", "172.32.0.1", "198.20.0.1",
                "192.0.3.1", "2001:4860:4860::8888", "2606:4700:4700::1111", "2404:6800:4004:80f::200e")) {
            assertThat(ReceiverAddresses.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    /** The ranges the penetration test named, each refused whatever public IPv4 address it carries. */
    @Test
    void internalWhenTunnelledTranslatedDocumentationOrBenchmarkingThenTrue() throws Exception {
        for (String internal : List.of(
                "2002:808:808::1", // 6to4 of 8.8.8.8
                "2001:0:4136:e378:8000:63bf:f7f7:f7f7", // Teredo
                "::8.8.8.8", // IPv4-compatible
                "64:ff9b::808:808", "64:ff9b:1::808:808", // NAT64, well-known and local-use
                "192.0.2.1", "198.51.100.7", "203.0.113.10", // TEST-NET-1/2/3
                "198.18.0.1", "198.19.255.254", // benchmarking
                "192.0.0.9", "192.0.0.170", // IETF protocol assignments
                "240.0.0.1", "250.1.2.3", // reserved
                "2001:db8::1", "3fff::1", // documentation
                "2001:2::1", "100::1", "5f00::1", "fec0::1")) {
            assertThat(ReceiverAddresses.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        // the 16 bytes of an IPv4-mapped public address, as a resolver other than Java's might hand them over
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};
        assertThat(ReceiverAddresses.internal(Inet6Address.getByAddress(null, mapped, -1))).isTrue();
    }

    /**
     * IPv6 is allowed only in the global unicast space (2000::/3), and the IPv4-translated form (RFC 2765, RFC 6145)
     * is refused like the other translated forms, whatever public IPv4 address it carries.
     */
    @Test
    void internalWhenIpv6OutsideGlobalUnicastOrIpv4TranslatedThenTrue() throws Exception {
        for (String internal : List.of("::ffff:0:808:808", "::ffff:0:0:1", "1000::1", "4000::1", "8000::1",
                "c000::1", "e000::1", "1fff:ffff::1")) {
            assertThat(ReceiverAddresses.internal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        assertThat(ReceiverAddresses.internal(InetAddress.getByName("2a00:1450:4001:82b::200e"))).isFalse();
        assertThat(ReceiverAddresses.internal(InetAddress.getByName("3ffe:ffff::1"))).as("2000::/3, unlisted")
                .isFalse();
    }

    /** Every block of the list: its first and its last address are refused, the address after it (if public) not. */
    @TestFactory
    Stream<DynamicTest> internalForTheFirstAndLastAddressOfEveryBlock() {
        return Stream.concat(SpecialPurposeAddresses.IPV4.stream(), SpecialPurposeAddresses.IPV6.stream())
                .map(block -> DynamicTest.dynamicTest(block.cidr() + " " + block.name(), () -> {
                    int slash = block.cidr().indexOf('/');
                    byte[] first = InetAddress.getByName(block.cidr().substring(0, slash)).getAddress();
                    if (block.cidr().contains(":") && first.length == 4) {
                        first = new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0};
                    }
                    int bits = Integer.parseInt(block.cidr().substring(slash + 1));
                    byte[] last = first.clone();
                    for (int i = bits; i < last.length * 8; i++) {
                        last[i / 8] |= (byte) (0x80 >>> (i % 8));
                    }
                    assertThat(ReceiverAddresses.internal(address(first))).as("first of %s", block.cidr()).isTrue();
                    assertThat(ReceiverAddresses.internal(address(last))).as("last of %s", block.cidr()).isTrue();
                    assertThat(block.contains(address(first))).isTrue();
                    assertThat(block.contains(address(last))).isTrue();
                    byte[] after = next(last);
                    if (after != null && SpecialPurposeAddresses.blockOf(address(after)).isEmpty()) {
                        assertThat(block.contains(address(after))).as("after %s", block.cidr()).isFalse();
                    }
                }));
    }

    /** Keeps 16 bytes as IPv6 (InetAddress.getByAddress would turn a mapped address into IPv4). */
    private static InetAddress address(byte[] bytes) throws Exception {
        return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
    }

    private static byte[] next(byte[] address) {
        byte[] next = address.clone();
        for (int i = next.length - 1; i >= 0; i--) {
            if (++next[i] != 0) {
                return next;
            }
        }
        return null;
    }

    @Test
    void resolveWhenTheHostIsInternalThenRefusedUnlessLoopbackIsAllowedForTests() throws Exception {
        assertThat(new ReceiverAddresses(false).resolve("localhost"))
                .isInstanceOf(ReceiverAddresses.Check.Refused.class);
        assertThat(new ReceiverAddresses(false).resolve("169.254.169.254"))
                .isInstanceOf(ReceiverAddresses.Check.Refused.class);
        assertThat(new ReceiverAddresses(true).resolve("10.0.0.5"))
                .isInstanceOf(ReceiverAddresses.Check.Refused.class);
        assertThat(new ReceiverAddresses(true).resolve("127.0.0.1"))
                .isInstanceOf(ReceiverAddresses.Check.Public.class);
        assertThat(new ReceiverAddresses(false).resolve("8.8.8.8"))
                .isEqualTo(new ReceiverAddresses.Check.Public(InetAddress.getByName("8.8.8.8")));
    }
}

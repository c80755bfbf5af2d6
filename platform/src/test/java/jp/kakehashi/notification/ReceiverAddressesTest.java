package jp.kakehashi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

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
        for (String external : List.of("8.8.8.8", "203.0.113.10", "100.128.0.1", "172.32.0.1",
                "2001:4860:4860::8888", "64:ff9b::808:808")) {
            assertThat(ReceiverAddresses.internal(InetAddress.getByName(external))).as(external).isFalse();
        }
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

package jp.kakehashi.notification;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses the bank may deliver to (A6, C6, E1): a TPP chooses its endpoint URL, so without this check a
 * notice would make the bank's server call its own loopback, the bank's internal network or a cloud metadata service
 * (SSRF). A host is resolved when a delivery is attempted, refused if any of its addresses is not public, and the
 * delivery then connects to exactly the address checked, so a DNS answer that changes in between cannot redirect it.
 */
final class ReceiverAddresses {

    /** The address to connect to, or why the host is refused. */
    sealed interface Check {
        record Public(InetAddress address) implements Check {
        }

        /** @param unknownHost the name does not resolve (yet): nothing is known against it */
        record Refused(String reason, boolean unknownHost) implements Check {
        }
    }

    private final boolean loopbackAllowed;

    /** @param loopbackAllowed tests and local demos only ({@code kakehashi.deliveries.allow-plain-http-loopback}) */
    ReceiverAddresses(boolean loopbackAllowed) {
        this.loopbackAllowed = loopbackAllowed;
    }

    Check resolve(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return new Check.Refused("unknown host " + host, true);
        }
        for (InetAddress address : addresses) {
            if (!(loopbackAllowed && address.isLoopbackAddress()) && internal(address)) {
                return new Check.Refused(host + " resolves to a non-public address " + address.getHostAddress(), false);
            }
        }
        return new Check.Public(addresses[0]);
    }

    /** Loopback, private, link-local (cloud metadata at 169.254.169.254), shared (CGNAT), unique-local, multicast… */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return internal4(bytes[0] & 0xff, bytes[1] & 0xff);
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true;
            }
            // IPv4 behind IPv6 (compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d): judge the IPv4 address inside
            boolean compatible = java.util.Arrays.equals(bytes, 0, 12, new byte[12], 0, 12);
            boolean nat64 = first == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b;
            if (compatible || nat64) {
                return internal4(bytes[12] & 0xff, bytes[13] & 0xff) || (bytes[12] | bytes[13] | bytes[14]) == 0;
            }
        }
        return false;
    }

    private static boolean internal4(int a, int b) {
        return a == 0 || a == 10 || a == 127 || a >= 224 // this network, private, loopback, multicast and reserved
                || a == 100 && b >= 64 && b <= 127 // shared address space (CGNAT)
                || a == 169 && b == 254 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168
                || a == 192 && b == 0 // IETF protocol assignments
                || a == 198 && (b == 18 || b == 19); // benchmarking
    }
}

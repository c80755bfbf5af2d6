package jp.kakehashi.notification.delivery;

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
                return new Check.Refused(host + " resolves to a non-public address " + address.getHostAddress()
                        + SpecialPurposeAddresses.blockOf(address).map(block -> " (" + block.name() + ", "
                                + block.reference() + ")").orElse(""), false);
            }
        }
        return new Check.Public(addresses[0]);
    }

    /**
     * Whether a delivery must not go to {@code address}: any special-purpose, private, loopback, link-local (cloud
     * metadata at 169.254.169.254), shared (CGNAT), unique-local, documentation, benchmarking, tunnelled or translated
     * (6to4, Teredo, NAT64, IPv4-mapped and -compatible) or multicast address ({@link SpecialPurposeAddresses}).
     */
    static boolean internal(InetAddress address) {
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || SpecialPurposeAddresses.blockOf(address).isPresent();
    }
}

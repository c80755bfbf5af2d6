package jp.kakehashi.notification.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The address blocks a delivery never goes to (A6, C6, E1): every block of the IANA IPv4 Special-Purpose Address
 * Registry (iana-ipv4-special-registry, RFC 6890) and of the IANA IPv6 Special-Purpose Address Registry
 * (iana-ipv6-special-registry, updated 2025-10-09), whether or not the registry marks it globally reachable (a TPP's
 * webhook has no business on an anycast relay or a translation prefix either), plus the blocks those registries leave
 * to others: multicast, the deprecated IPv6 site-local and IPv4-compatible forms.
 * <p>
 * No library on Maven Central mirrors these registries: Guava's {@code InetAddresses} and seancfoley's IPAddress know
 * 6to4, Teredo, the mapped and compatible forms and NAT64's well-known prefix, but not the documentation, benchmarking
 * or protocol-assignment blocks; Spring Security's {@code IpAddressMatcher} matches one prefix but re-parses text, which
 * turns an IPv4-mapped address into its IPv4 form. Hence this list, each block named with its registry entry and RFC,
 * and each tested ({@code ReceiverAddressesTest}). When IANA adds a block, add it here.
 * <p>
 * Tunnelled and translated forms (6to4, Teredo, NAT64, IPv4-mapped and -compatible) are refused whole rather than
 * judged by the IPv4 address inside them: a relay or translator elsewhere decides where such a packet ends up. Java
 * itself hands an IPv4-mapped address from DNS over as the IPv4 address it maps (and connects there), which the IPv4
 * blocks then judge.
 */
final class SpecialPurposeAddresses {

    /** One registry entry: its block in CIDR notation, its name and where it is defined. */
    record Block(String cidr, String name, String reference) {

        boolean contains(InetAddress address) {
            int slash = cidr.indexOf('/');
            byte[] network = bytes(cidr.substring(0, slash));
            byte[] candidate = address.getAddress();
            if (network.length != candidate.length) {
                return false;
            }
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((network[i / 8] & mask) != (candidate[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final List<Block> IPV4 = List.of(
            new Block("0.0.0.0/8", "\"This network\"", "RFC 791 §3.2"),
            new Block("10.0.0.0/8", "Private-Use", "RFC 1918"),
            new Block("100.64.0.0/10", "Shared Address Space", "RFC 6598"),
            new Block("127.0.0.0/8", "Loopback", "RFC 1122 §3.2.1.3"),
            new Block("169.254.0.0/16", "Link Local", "RFC 3927"),
            new Block("172.16.0.0/12", "Private-Use", "RFC 1918"),
            new Block("192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890 §2.1"),
            new Block("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737"),
            new Block("192.31.196.0/24", "AS112-v4", "RFC 7535"),
            new Block("192.52.193.0/24", "AMT", "RFC 7450"),
            new Block("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "RFC 7526"),
            new Block("192.168.0.0/16", "Private-Use", "RFC 1918"),
            new Block("192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534"),
            new Block("198.18.0.0/15", "Benchmarking", "RFC 2544"),
            new Block("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737"),
            new Block("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737"),
            new Block("240.0.0.0/4", "Reserved", "RFC 1112 §4"),
            new Block("255.255.255.255/32", "Limited Broadcast", "RFC 8190, RFC 919 §7"),
            // not in the special-purpose registry: the IPv4 Multicast Address Space Registry
            new Block("224.0.0.0/4", "Multicast", "RFC 5771"));

    static final List<Block> IPV6 = List.of(
            new Block("::1/128", "Loopback Address", "RFC 4291"),
            new Block("::/128", "Unspecified Address", "RFC 4291"),
            new Block("::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291"),
            new Block("64:ff9b::/96", "IPv4-IPv6 Translat.", "RFC 6052"),
            new Block("64:ff9b:1::/48", "IPv4-IPv6 Translat.", "RFC 8215"),
            new Block("100::/64", "Discard-Only Address Block", "RFC 6666"),
            new Block("100:0:0:1::/64", "Dummy IPv6 Prefix", "RFC 9780"),
            new Block("2001::/23", "IETF Protocol Assignments", "RFC 2928"),
            new Block("2001::/32", "TEREDO", "RFC 4380, RFC 8190"),
            new Block("2001:2::/48", "Benchmarking", "RFC 5180"),
            new Block("2001:db8::/32", "Documentation", "RFC 3849"),
            new Block("2002::/16", "6to4", "RFC 3056"),
            new Block("2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534"),
            new Block("3fff::/20", "Documentation", "RFC 9637"),
            new Block("5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602"),
            new Block("fc00::/7", "Unique-Local", "RFC 4193, RFC 8190"),
            new Block("fe80::/10", "Link-Local Unicast", "RFC 4291"),
            // not in the special-purpose registry: the IPv6 Address Space registry's deprecated and multicast blocks
            new Block("::/96", "IPv4-compatible (deprecated)", "RFC 4291 §2.5.5.1"),
            new Block("::ffff:0:0:0/96", "IPv4-translated Address", "RFC 2765 §2.1, RFC 6145"),
            new Block("fec0::/10", "Site-Local (deprecated)", "RFC 3879"),
            new Block("ff00::/8", "Multicast", "RFC 4291 §2.7"));

    private SpecialPurposeAddresses() {
    }

    /**
     * All of IPv6 outside the global unicast space IANA allocates from (2000::/3, RFC 4291 §2.4 and the IANA IPv6
     * Address Space registry): reserved or unassigned space (and every block above that lies there) is never a TPP's.
     */
    static final Block OUTSIDE_GLOBAL_UNICAST = new Block("2000::/3", "outside Global Unicast (reserved or unassigned)",
            "RFC 4291 §2.4, IANA IPv6 Address Space");

    /**
     * The block {@code address} lies in, if any: for IPv6, only 2000::/3 is allowed at all, and within it the blocks
     * of the registries are refused.
     */
    static Optional<Block> blockOf(InetAddress address) {
        Optional<Block> listed = Stream.concat(IPV4.stream(), IPV6.stream()).filter(block -> block.contains(address))
                .findFirst();
        if (listed.isPresent() || address.getAddress().length != 16) {
            return listed;
        }
        return OUTSIDE_GLOBAL_UNICAST.contains(address) ? Optional.empty() : Optional.of(OUTSIDE_GLOBAL_UNICAST);
    }

    /** The bytes of an address literal (no name is looked up), an IPv6 one always in 16 bytes. */
    private static byte[] bytes(String literal) {
        try {
            byte[] parsed = InetAddress.getByName(literal).getAddress();
            if (literal.indexOf(':') < 0 || parsed.length == 16) {
                return parsed;
            }
            // Java turns ::ffff:a.b.c.d into the IPv4 address; the block means the IPv6 form
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(parsed, 0, mapped, 12, 4);
            return mapped;
        }
        catch (UnknownHostException e) {
            throw new IllegalStateException("not an address literal: " + literal, e);
        }
    }
}

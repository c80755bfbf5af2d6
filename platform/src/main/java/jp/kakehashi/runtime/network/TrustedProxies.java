package jp.kakehashi.runtime.network;

import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The addresses and CIDR ranges of the bank's own load balancers and reverse proxies
 * ({@code kakehashi.network.trusted-proxies}): only a connection from one of them may say who the client is.
 * Empty, the default, trusts nobody.
 */
final class TrustedProxies {

    private final List<IpAddressMatcher> ranges;

    private TrustedProxies(List<IpAddressMatcher> ranges) {
        this.ranges = ranges;
    }

    /**
     * Reads the setting's entries ({@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code 2001:db8::/32}).
     *
     * @throws IllegalArgumentException naming the entry that is not an IP address or CIDR range (a host name is
     *                                  refused: it would be looked up in DNS)
     */
    static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream().map(String::trim).filter(entry -> !entry.isEmpty())
                .map(TrustedProxies::range).toList());
    }

    private static IpAddressMatcher range(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        boolean v4 = IpLiteral.isIpv4(address);
        if (!v4 && !IpLiteral.isIpv6(address)) {
            throw invalid(entry);
        }
        if (slash >= 0) {
            String bits = entry.substring(slash + 1);
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(bits) > (v4 ? 32 : 128)) {
                throw invalid(entry);
            }
        }
        return new IpAddressMatcher(entry);
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("kakehashi.network.trusted-proxies: '" + entry
                + "' is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/24, 2001:db8::/32)");
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address}, a literal, is one of the trusted proxies. */
    boolean trusts(String address) {
        for (IpAddressMatcher range : ranges) {
            if (range.matches(address)) {
                return true;
            }
        }
        return false;
    }
}

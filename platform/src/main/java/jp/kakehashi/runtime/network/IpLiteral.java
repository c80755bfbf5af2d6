package jp.kakehashi.runtime.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * An IP address written as a literal, checked strictly before {@link InetAddress} sees it: given anything that is
 * not a literal (a host name, {@code 999.1.1.1}, {@code 1.2.3.4.5}), {@code InetAddress.getByName} asks DNS, which a
 * header a client controls must never make the bank do.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** The address in its canonical text form ({@link InetAddress#getHostAddress()}), or empty if no literal. */
    static Optional<String> parse(String text) {
        if (text == null || !(isIpv4(text) || isIpv6(text))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getHostAddress());
        }
        catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Four decimal numbers 0–255 of one to three digits, separated by dots. */
    static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * Groups of one to four hex digits separated by colons, at most one {@code ::}, optionally ending in an IPv4
     * address; no zone ({@code %eth0}), which means nothing for an address from another machine.
     */
    static boolean isIpv6(String text) {
        if (text.length() < 2 || text.length() > 45 || text.indexOf(':') < 0) {
            return false;
        }
        int compressed = text.indexOf("::");
        if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        String[] groups = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.isEmpty()) {
                continue; // part of "::" (checked above), or a leading/trailing one of it
            }
            if (i == groups.length - 1 && group.indexOf('.') >= 0) {
                if (!isIpv4(group)) {
                    return false;
                }
                count += 2;
                continue;
            }
            if (group.length() > 4 || !group.chars().allMatch(IpLiteral::isAsciiHexDigit)) {
                return false;
            }
            count++;
        }
        boolean loneColonAtEnd = text.endsWith(":") && !text.endsWith("::");
        boolean loneColonAtStart = text.startsWith(":") && !text.startsWith("::");
        return !loneColonAtEnd && !loneColonAtStart && (compressed >= 0 ? count < 8 : count == 8);
    }

    /** 0–9, a–f, A–F only: {@link Character#digit} would also take other scripts' digits (say '٣' or '３'). */
    static boolean isAsciiHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}

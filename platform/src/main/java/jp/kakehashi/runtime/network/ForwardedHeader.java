package jp.kakehashi.runtime.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The header in which the bank's trusted proxies name the hops a request came through, the client first
 * ({@code kakehashi.network.forwarded-header}). Only the one the proxies write is read: a proxy that appends to
 * {@code X-Forwarded-For} passes a client's own {@code Forwarded} header on untouched, so reading that too would let
 * the client choose its address.
 */
public enum ForwardedHeader {

    /** {@code X-Forwarded-For: client, proxy1, proxy2}: the de-facto header (HAProxy {@code option forwardfor}). */
    X_FORWARDED_FOR("X-Forwarded-For") {
        @Override
        Optional<List<String>> nodes(String value) {
            List<String> nodes = new ArrayList<>();
            for (String node : value.split(",", -1)) {
                nodes.add(node.trim());
            }
            return Optional.of(nodes);
        }
    },

    /** RFC 7239 {@code Forwarded: for=192.0.2.60;proto=https, for="[2001:db8::17]:4711"}: the standard one. */
    FORWARDED("Forwarded") {
        @Override
        Optional<List<String>> nodes(String value) {
            return Rfc7239.forNodes(value);
        }
    };

    private final String headerName;

    ForwardedHeader(String headerName) {
        this.headerName = headerName;
    }

    public String headerName() {
        return headerName;
    }

    /**
     * The hops the header names, left (the client, as the first proxy saw it) to right (the last proxy's peer); an
     * entry is {@code null} where a hop is not named ({@code Forwarded} element without {@code for}). Empty when
     * the header cannot be read at all.
     *
     * @param value the header's lines joined by commas (RFC 9110 §5.3)
     */
    abstract Optional<List<String>> nodes(String value);

    /**
     * The address of a node as the headers write it: an IPv4 or IPv6 literal, an IPv6 one in brackets, either with a
     * port ({@code 192.0.2.43:47011}, {@code [2001:db8::17]:4711}); empty for anything else ({@code unknown}, an
     * obfuscated identifier, a host name, garbage).
     */
    static Optional<String> address(String node) {
        if (node == null || node.isEmpty()) {
            return Optional.empty();
        }
        if (node.charAt(0) == '[') {
            int end = node.indexOf(']');
            if (end < 0 || !(end == node.length() - 1 || node.charAt(end + 1) == ':' && isPort(node.substring(end + 2)))) {
                return Optional.empty();
            }
            String address = node.substring(1, end);
            return IpLiteral.isIpv6(address) ? IpLiteral.parse(address) : Optional.empty();
        }
        int colon = node.indexOf(':');
        if (colon > 0 && node.indexOf(':', colon + 1) < 0) {
            String address = node.substring(0, colon);
            return IpLiteral.isIpv4(address) && isPort(node.substring(colon + 1)) ? IpLiteral.parse(address)
                    : Optional.empty();
        }
        return IpLiteral.parse(node);
    }

    private static boolean isPort(String text) {
        return !text.isEmpty() && text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9')
                && Integer.parseInt(text) <= 65535;
    }

    /** A reader of RFC 7239 §4's grammar, down to the {@code for} parameter of each element. */
    private static final class Rfc7239 {

        private static final String DELIMITERS = "\"(),/:;<=>?@[\\]{}";

        private final String text;
        private int at;

        private Rfc7239(String text) {
            this.text = text;
        }

        static Optional<List<String>> forNodes(String value) {
            try {
                return Optional.of(new Rfc7239(value).elements());
            }
            catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }

        private List<String> elements() {
            List<String> nodes = new ArrayList<>();
            do {
                nodes.add(element());
                skipSpace();
            } while (take(','));
            if (at != text.length()) {
                throw new IllegalArgumentException("unexpected " + text.charAt(at));
            }
            return nodes;
        }

        /** forwarded-element = [ forwarded-pair ] *( ";" [ forwarded-pair ] ); its {@code for} value or null. */
        private String element() {
            String forNode = null;
            boolean seenFor = false;
            do {
                skipSpace();
                if (at < text.length() && text.charAt(at) != ';' && text.charAt(at) != ',') {
                    String name = token().toLowerCase(Locale.ROOT);
                    if (!take('=')) {
                        throw new IllegalArgumentException("a pair needs =");
                    }
                    String value = at < text.length() && text.charAt(at) == '"' ? quoted() : token();
                    if (name.equals("for")) {
                        if (seenFor) {
                            throw new IllegalArgumentException("for twice in one element");
                        }
                        seenFor = true;
                        forNode = value;
                    }
                    skipSpace();
                }
            } while (take(';'));
            return forNode;
        }

        private String token() {
            int start = at;
            while (at < text.length() && isTokenChar(text.charAt(at))) {
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("a token was expected");
            }
            return text.substring(start, at);
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (at == text.length()) {
                        break;
                    }
                    c = text.charAt(at++);
                }
                value.append(c);
            }
            throw new IllegalArgumentException("an unterminated quoted string");
        }

        private boolean take(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
        }

        private static boolean isTokenChar(char c) {
            return c > 0x20 && c < 0x7f && DELIMITERS.indexOf(c) < 0;
        }
    }
}

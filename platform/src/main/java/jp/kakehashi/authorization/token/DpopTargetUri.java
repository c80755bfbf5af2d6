package jp.kakehashi.authorization.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one comparison of a DPoP proof's {@code htu} with the URI of the request it came with, used at every endpoint
 * that takes proofs (PAR, token, userinfo, the {@code /v1} APIs): RFC 9449 §4.3 check 9 compares them "ignoring any
 * query and fragment parts", after the syntax-based and scheme-based normalisation of RFC 3986 §6.2.2 and §6.2.3.
 * So {@code HTTPS://Bank.Example:443/oauth2/token?x#y} matches {@code https://bank.example/oauth2/token}: scheme and
 * host are case-insensitive, the default port of the scheme may be written or not, an empty path is {@code /},
 * percent-encoded unreserved characters equal the characters, hex digits are compared in upper case, and dot segments
 * are removed. A URI with user information, a scheme other than http(s) or no host matches nothing.
 */
public final class DpopTargetUri {

    private DpopTargetUri() {
    }

    /** Whether the proof's {@code htu} names the request's target URI (RFC 9449 §4.3 check 9). */
    public static boolean matches(String htu, String targetUri) {
        if (htu == null || targetUri == null) {
            return false;
        }
        Optional<String> proof = normalised(htu);
        return proof.isPresent() && proof.equals(normalised(targetUri));
    }

    /** Scheme, host, port and path after RFC 3986 §6.2.2–6.2.3 normalisation, without query and fragment. */
    static Optional<String> normalised(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        }
        catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = parsed.getScheme() == null ? null : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!("https".equals(scheme) || "http".equals(scheme)) || parsed.getHost() == null
                || parsed.getRawUserInfo() != null) {
            return Optional.empty();
        }
        int port = parsed.getPort() == -1 ? ("https".equals(scheme) ? 443 : 80) : parsed.getPort();
        String path = percentEncoding(parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/"
                : parsed.getRawPath());
        if (path == null) {
            return Optional.empty();
        }
        try {
            path = new URI(path).normalize().getRawPath();
        }
        catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + ":" + port + path);
    }

    /**
     * RFC 3986 §6.2.2.1–6.2.2.2: hex digits of percent-encodings in upper case, and unreserved characters decoded;
     * {@code null} for a malformed percent-encoding.
     */
    private static String percentEncoding(String rawPath) {
        StringBuilder normal = new StringBuilder(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                normal.append(c);
                continue;
            }
            if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
                    || Character.digit(rawPath.charAt(i + 2), 16) < 0) {
                return null;
            }
            char decoded = (char) Integer.parseInt(rawPath.substring(i + 1, i + 3), 16);
            if (unreserved(decoded)) {
                normal.append(decoded);
            }
            else {
                normal.append('%').append(rawPath.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
            }
            i += 2;
        }
        return normal.toString();
    }

    private static boolean unreserved(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }
}

package jp.kakehashi.tpp;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The request header by which a TPP names the chained party (API連鎖接続先, F2) a call is made for:
 * {@code X-Chained-Party-Id}, holding the identifier the TPP registered the party with (1–64 characters: letters,
 * digits, {@code . _ : -}, starting with a letter or digit). A call without it is the TPP's own.
 */
public final class ChainedPartyHeader {

    public static final String NAME = "X-Chained-Party-Id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    // what the execution log keeps of a malformed value: enough to investigate, never an unbounded string
    private static final int LOGGED_LENGTH = 100;

    private ChainedPartyHeader() {
    }

    /** Whether an identifier has the registered form. */
    public static boolean isWellFormed(String identifier) {
        return identifier != null && WELL_FORMED.matcher(identifier).matches();
    }

    /** The value as sent, cut to a loggable length; empty when the header is absent. */
    public static Optional<String> of(HttpServletRequest request) {
        String value = request.getHeader(NAME);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(value.length() > LOGGED_LENGTH ? value.substring(0, LOGGED_LENGTH) : value);
    }
}

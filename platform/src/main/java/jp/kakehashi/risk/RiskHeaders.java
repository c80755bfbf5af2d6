package jp.kakehashi.risk;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the FAPI risk headers of a request into {@link RiskSignals}. Lenient but bounded: every header has a length
 * limit, nothing is resolved over the network, and a malformed value becomes "invalid", not an exception.
 */
final class RiskHeaders {

    static final String INTERACTION_ID = "x-fapi-interaction-id";
    static final String CUSTOMER_IP_ADDRESS = "x-fapi-customer-ip-address";
    static final String CUSTOMER_USER_AGENT = "x-customer-user-agent";
    static final String AUTH_DATE = "x-fapi-auth-date";
    static final String AUTH_FAILURE_COUNT = "x-kakehashi-auth-failure-count";

    static final int MAX_USER_AGENT = 512;

    // RFC 4122's textual form exactly; UUID.fromString also takes "1-2-3-4-5"
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    // only hex digits, colons and an embedded IPv4 tail, starting with a hex digit or a colon: InetAddress then
    // parses the text as a literal and never asks DNS
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]{1,44}");
    private static final Pattern COUNT = Pattern.compile("\\d{1,7}");
    private static final int MAX_DATE = 64;

    private RiskHeaders() {
    }

    static RiskSignals read(HttpServletRequest request) {
        Set<String> invalid = new HashSet<>();
        String suppliedId = request.getHeader(INTERACTION_ID);
        UUID interactionId = null;
        if (suppliedId != null) {
            if (UUID_TEXT.matcher(suppliedId).matches()) {
                interactionId = UUID.fromString(suppliedId);
            }
            else {
                invalid.add(INTERACTION_ID);
            }
        }
        boolean generated = interactionId == null;
        return new RiskSignals(interactionId == null ? UUID.randomUUID() : interactionId, generated,
                ipAddress(request.getHeader(CUSTOMER_IP_ADDRESS), CUSTOMER_IP_ADDRESS, invalid),
                printable(request.getHeader(CUSTOMER_USER_AGENT), MAX_USER_AGENT),
                authDate(request.getHeader(AUTH_DATE), invalid),
                count(request.getHeader(AUTH_FAILURE_COUNT), invalid),
                request.getRemoteAddr(), invalid);
    }

    /** A literal IPv4 or IPv6 address in its normal form, or null (and noted as invalid) for anything else. */
    static @Nullable String ipAddress(@Nullable String value, String header, Set<String> invalid) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (IPV4.matcher(trimmed).matches()) {
            return trimmed;
        }
        if (trimmed.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(trimmed).matches()) {
            try {
                return InetAddress.getByName(trimmed).getHostAddress();
            }
            catch (UnknownHostException | RuntimeException notALiteral) {
                // falls through to invalid
            }
        }
        invalid.add(header);
        return null;
    }

    /** Cut to {@code max} characters, control characters replaced, so that no header can forge log lines. */
    static @Nullable String printable(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String bounded = value.length() > max ? value.substring(0, max) : value;
        StringBuilder clean = new StringBuilder(bounded.length());
        bounded.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString().strip();
    }

    /** An HTTP-date (RFC 9110 §5.6.7), as FAPI defines {@code x-fapi-auth-date}. */
    private static @Nullable Instant authDate(@Nullable String value, Set<String> invalid) {
        if (value == null) {
            return null;
        }
        if (value.length() <= MAX_DATE) {
            try {
                return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            }
            catch (DateTimeParseException malformed) {
                // falls through to invalid
            }
        }
        invalid.add(AUTH_DATE);
        return null;
    }

    private static @Nullable Integer count(@Nullable String value, Set<String> invalid) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (COUNT.matcher(trimmed).matches()) {
            return Integer.valueOf(trimmed);
        }
        invalid.add(AUTH_FAILURE_COUNT);
        return null;
    }
}

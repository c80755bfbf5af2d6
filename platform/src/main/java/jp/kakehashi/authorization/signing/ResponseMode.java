package jp.kakehashi.authorization.signing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code response_mode}s of the authorization endpoint: the default {@code query} (RFC 6749 §4.1.2), and the
 * JWT-secured ones of JARM §2.3 for the code flow, {@code query.jwt} and {@code jwt} (which means {@code query.jwt}
 * for {@code response_type=code}, JARM §2.3.4). Fragment and form post modes are not offered.
 */
public enum ResponseMode {

    QUERY("query", false), QUERY_JWT("query.jwt", true), JWT("jwt", true);

    /** The parameter's name (OAuth 2.0 Multiple Response Type Encoding Practices §2.1). */
    public static final String PARAMETER = "response_mode";

    private final String value;
    private final boolean signed;

    ResponseMode(String value, boolean signed) {
        this.value = value;
        this.signed = signed;
    }

    public String value() {
        return value;
    }

    /** Whether the response goes as a signed JWT in the {@code response} parameter. */
    public boolean signed() {
        return signed;
    }

    /** The mode named {@code value}; empty for a value the bank does not offer. */
    public static Optional<ResponseMode> of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value)).findFirst();
    }

    /** The values for discovery's {@code response_modes_supported}. */
    public static List<String> supported() {
        return Arrays.stream(values()).map(ResponseMode::value).toList();
    }

    /** The mode of a request's parameters: {@code query} when none was asked for, empty for an unknown one. */
    static Optional<ResponseMode> ofRequest(java.util.Map<String, Object> parameters) {
        Object value = parameters == null ? null : parameters.get(PARAMETER);
        if (value == null) {
            return Optional.of(QUERY);
        }
        return value instanceof String s ? of(s) : Optional.empty();
    }
}

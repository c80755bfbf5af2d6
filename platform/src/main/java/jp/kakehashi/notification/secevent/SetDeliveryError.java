package jp.kakehashi.notification.secevent;

/**
 * Why a pushed Security Event Token is refused, as the closed set of error codes of RFC 8935 §2.4 (registered in the
 * "Security Event Token Error Codes" registry), written in the {@code err} member of the 400 answer.
 */
enum SetDeliveryError {

    /** The request or the token is malformed (not a signed JWT, no events, issued out of time). */
    INVALID_REQUEST("invalid_request"),

    /** The token's signature does not verify, or the issuer's keys cannot be used. */
    INVALID_KEY("invalid_key"),

    /** The issuer is not a bank this bank trusts. */
    INVALID_ISSUER("invalid_issuer"),

    /** The token is not addressed to this bank. */
    INVALID_AUDIENCE("invalid_audience");

    private final String code;

    SetDeliveryError(String code) {
        this.code = code;
    }

    /** The code as written in {@code err}. */
    String code() {
        return code;
    }
}

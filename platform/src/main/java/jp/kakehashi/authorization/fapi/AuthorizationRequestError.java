package jp.kakehashi.authorization.fapi;

/**
 * Error codes of the authorization and PAR endpoints that Spring's {@code OAuth2ErrorCodes} lacks: those of request
 * objects and request URIs (RFC 9101 §7, OpenID Connect Core §3.1.2.6), which PAR uses too (RFC 9126 §2.3, §4).
 */
enum AuthorizationRequestError {

    /** The {@code request_uri} is unknown, used, expired or another client's. */
    INVALID_REQUEST_URI("invalid_request_uri"),
    /** A {@code request} parameter (request object) where none is accepted. */
    REQUEST_NOT_SUPPORTED("request_not_supported");

    private final String code;

    AuthorizationRequestError(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}

package jp.kakehashi.authorization.fapi;

/**
 * Error codes of the authorization endpoint that Spring's {@code OAuth2ErrorCodes} lacks: those of request URIs
 * (RFC 9101 §7, OpenID Connect Core §3.1.2.6, RFC 9126 §4). Request objects' codes are in {@code signing}.
 */
enum AuthorizationRequestError {

    /** The {@code request_uri} is unknown, used, expired or another client's. */
    INVALID_REQUEST_URI("invalid_request_uri");

    private final String code;

    AuthorizationRequestError(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}

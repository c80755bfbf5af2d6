package jp.kakehashi.tpp.registration;

import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The error codes of the registration endpoint (RFC 7591 §3.2.2), a closed set: the two the RFC defines for client
 * metadata, and the OAuth codes it shares with the rest of the server, taken from Spring's {@link OAuth2ErrorCodes}.
 */
enum RegistrationErrorCode {

    /** A redirect URI is missing or not an absolute https URI without fragment (RFC 7591 §3.2.2). */
    INVALID_REDIRECT_URI(OAuth2ErrorCodes.INVALID_REDIRECT_URI),

    /** Some other client metadata is invalid or not allowed for this TPP (RFC 7591 §3.2.2). */
    INVALID_CLIENT_METADATA("invalid_client_metadata"),

    /** The initial access token is missing, unknown, used or expired (RFC 6750 §3.1). */
    INVALID_TOKEN(OAuth2ErrorCodes.INVALID_TOKEN),

    /** The request is not a registration request at all, e.g. not JSON (RFC 6749 §5.2). */
    INVALID_REQUEST(OAuth2ErrorCodes.INVALID_REQUEST);

    private final String code;

    RegistrationErrorCode(String code) {
        this.code = code;
    }

    /** The code as written in the error body's {@code error}. */
    String code() {
        return code;
    }
}

package jp.kakehashi.authorization.signing;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** Error codes of request objects that Spring's {@code OAuth2ErrorCodes} lacks. */
enum SigningErrorCode {

    /** RFC 9101 §6.2: the {@code request} parameter holds an invalid request object. */
    INVALID_REQUEST_OBJECT("invalid_request_object"),

    /** RFC 9101 §6.3, OIDC Core §6.1: the server does not accept the {@code request} parameter (here: from this client). */
    REQUEST_NOT_SUPPORTED("request_not_supported");

    private final String code;

    SigningErrorCode(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    OAuth2AuthenticationException exception(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}

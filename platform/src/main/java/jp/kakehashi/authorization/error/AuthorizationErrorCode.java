package jp.kakehashi.authorization.error;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The OAuth error codes the authorization server and its resource endpoints answer that Spring's
 * {@link org.springframework.security.oauth2.core.OAuth2ErrorCodes} lacks, in one closed set; every other code is
 * Spring's constant.
 */
public enum AuthorizationErrorCode {

    /** RFC 9101 §7, RFC 9126 §4, OpenID Connect Core §3.1.2.6: the {@code request_uri} is unknown, used, expired or
     * another client's. */
    INVALID_REQUEST_URI("invalid_request_uri"),

    /** RFC 9101 §6.2: the {@code request} parameter holds an invalid request object. */
    INVALID_REQUEST_OBJECT("invalid_request_object"),

    /** RFC 9101 §6.3, OIDC Core §6.1: the server does not accept the {@code request} parameter (here: from this
     * client). */
    REQUEST_NOT_SUPPORTED("request_not_supported"),

    /** RFC 9449 §8, §9, §12.2: the DPoP proof must carry the nonce the server provided. */
    USE_DPOP_NONCE("use_dpop_nonce"),

    /** RFC 9396 §5: an {@code authorization_details} parameter the bank refuses. */
    INVALID_AUTHORIZATION_DETAILS("invalid_authorization_details"),

    /** FAPI Grant Management §5.4: the grant named by {@code grant_id} cannot be used by this request. */
    INVALID_GRANT_ID("invalid_grant_id");

    private final String code;

    AuthorizationErrorCode(String code) {
        this.code = code;
    }

    /** The code as the {@code error} parameter carries it. */
    public String code() {
        return code;
    }

    /** The error with {@code description}. */
    public OAuth2Error error(String description) {
        return new OAuth2Error(code, description, null);
    }

    /** The error with {@code description}, thrown by an authentication provider or validator. */
    public OAuth2AuthenticationException exception(String description) {
        return new OAuth2AuthenticationException(error(description));
    }
}

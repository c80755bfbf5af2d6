package jp.kakehashi.authorization.fapi;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The one place where request objects are refused (RFC 9101 §6.1, OpenID Connect Core §3.1.2.6): a {@code request}
 * parameter at PAR is answered with {@code request_not_supported}, as discovery's
 * {@code request_parameter_supported: false} says, instead of Spring ignoring it and storing the plain parameters
 * next to it. Placed first among the PAR endpoint's converters; allowing signed request objects for some clients
 * later means replacing this check, and only this one, with their verification.
 */
final class RequestObjectsRefused implements AuthenticationConverter {

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (request.getParameter("request") != null) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    AuthorizationRequestError.REQUEST_NOT_SUPPORTED.code(),
                    "request objects are not accepted: push the authorization request's parameters themselves", null));
        }
        return null;
    }
}

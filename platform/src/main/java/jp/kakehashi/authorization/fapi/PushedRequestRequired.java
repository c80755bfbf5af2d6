package jp.kakehashi.authorization.fapi;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * FAPI 2.0 §5.3.2.2: authorization requests must come through PAR. Placed first among the authorization
 * endpoint's converters, it refuses a request that carries its parameters in the URL instead of a
 * {@code request_uri}. The consent form's POST (no {@code response_type}) passes through.
 */
public final class PushedRequestRequired implements AuthenticationConverter {

    @Override
    public Authentication convert(HttpServletRequest request) {
        boolean consentSubmission = "POST".equals(request.getMethod())
                && request.getParameter(OAuth2ParameterNames.RESPONSE_TYPE) == null;
        if (!consentSubmission && !StringUtils.hasText(request.getParameter(OAuth2ParameterNames.REQUEST_URI))) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST,
                    "request_uri is required: push the authorization request to the PAR endpoint first", null),
                    null);
        }
        return null;
    }
}

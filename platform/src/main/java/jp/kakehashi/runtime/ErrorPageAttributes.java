package jp.kakehashi.runtime;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Error pages never show a stack trace or an exception message; an OAuth error that could not be sent back to
 * the client (set by the authorization endpoint) is shown by its code and description instead.
 */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

    static final String OAUTH_ERROR = "kakehashi.oauth2.error";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        Object oauthError = request.getAttribute(OAUTH_ERROR, RequestAttributes.SCOPE_REQUEST);
        if (oauthError != null) {
            attributes.put("oauthError", oauthError);
        }
        return attributes;
    }
}

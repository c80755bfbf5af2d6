package jp.kakehashi.authorization.fapi;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import jp.kakehashi.authorization.policy.ScopePolicy;
import jp.kakehashi.authorization.rar.AuthorizationDetailsValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.util.StringUtils;

/**
 * Checks an authorization request beyond Spring's defaults, which it runs first (redirect URI exact match, scopes
 * within the client's approved scopes, B5): FAPI 2.0 §5.3.2.2 wants {@code redirect_uri} in every request;
 * {@code dpop_jkt} (RFC 9449 §10) must be a JWK SHA-256 thumbprint; {@code nonce} at most 64 characters; and every
 * scope must have a policy (B3, B6), so no scope can be granted without deciding how strongly to authenticate it.
 * {@code authorization_details} (RFC 9396) are checked by {@link AuthorizationDetailsValidator} after the redirect
 * URI and before Spring's scope check, so a TPP not approved for transfers hears {@code invalid_authorization_details}.
 */
public final class FapiRequestValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    private static final Pattern THUMBPRINT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> defaults =
            new OAuth2AuthorizationCodeRequestAuthenticationValidator();
    private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> authorizationDetails =
            new AuthorizationDetailsValidator();
    private final ScopePolicy policy;
    private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> grantManagement;

    /**
     * @param grantManagement checks {@code grant_management_action} and {@code grant_id} (Grant Management §5.4),
     *                        after the scopes
     */
    public FapiRequestValidator(ScopePolicy policy,
            Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> grantManagement) {
        this.policy = policy;
        this.grantManagement = grantManagement;
    }

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(context);
        authorizationDetails.accept(context);
        defaults.accept(context);
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        Map<String, Object> parameters = request.getAdditionalParameters();
        if (!StringUtils.hasText(request.getRedirectUri())) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "redirect_uri is required", request);
        }
        Object jkt = parameters.get("dpop_jkt");
        if (jkt != null && !(jkt instanceof String s && THUMBPRINT.matcher(s).matches())) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "dpop_jkt must be a base64url SHA-256 JWK thumbprint", request);
        }
        Object nonce = parameters.get("nonce");
        if (nonce instanceof String s && s.length() > 64) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "nonce is longer than 64 characters", request);
        }
        for (String scope : request.getScopes()) {
            if (!policy.isKnown(scope)) {
                throw error(OAuth2ErrorCodes.INVALID_SCOPE, "unknown scope " + scope, request);
            }
        }
        grantManagement.accept(context);
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException error(String code, String description,
            OAuth2AuthorizationCodeRequestAuthenticationToken request) {
        return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, null),
                request);
    }
}

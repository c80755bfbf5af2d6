package jp.kakehashi.authorization.signing;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTClaimNames;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.kakehashi.authorization.error.AuthorizationErrorCode;
import jp.kakehashi.authorization.replay.SeenJtis;
import jp.kakehashi.tpp.ClientMessageSigning;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponseType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2PushedAuthorizationRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.util.StringUtils;

/**
 * The {@code request} parameter at the PAR endpoint, all of it in one place. Placed first among the PAR endpoint's
 * converters, after client authentication:
 * <ul>
 * <li>a client that may send signed request objects ({@link ClientMessageSigning#acceptsSignedRequestObjects()})
 * has its {@code request} verified ({@link RequestObjectVerifier}) and its authorization request taken from the
 * request object's claims alone: RFC 9126 §3 allows only {@code request} and the client authentication parameters
 * in the form, so any other form parameter is refused with {@code invalid_request} rather than silently ignored
 * (RFC 9101 §5 would have the server ignore them; refusing keeps a client from believing they counted);</li>
 * <li>any other {@code request} is refused with {@code request_not_supported} (RFC 9101 §6.3, OIDC Core §6.1);</li>
 * <li>a client that requires signed request objects ({@code require_signed_request_object}, RFC 9101 §10.5) and
 * sends plain parameters is refused with {@code invalid_request};</li>
 * <li>everything else goes on to Spring's converter unchanged.</li>
 * </ul>
 */
public final class SignedRequestObjects implements AuthenticationConverter {

    static final String REQUEST = "request";
    /** Form parameters that authenticate the client (RFC 7523 §2.2, RFC 8705 §2), allowed beside {@code request}. */
    private static final Set<String> CLIENT_AUTHENTICATION = Set.of(OAuth2ParameterNames.CLIENT_ID,
            OAuth2ParameterNames.CLIENT_ASSERTION, OAuth2ParameterNames.CLIENT_ASSERTION_TYPE);
    /** Claims of the JWT itself, not authorization request parameters. */
    private static final Set<String> JWT_CLAIMS = Set.of(JWTClaimNames.ISSUER, JWTClaimNames.AUDIENCE,
            JWTClaimNames.EXPIRATION_TIME, JWTClaimNames.NOT_BEFORE, JWTClaimNames.ISSUED_AT, JWTClaimNames.JWT_ID,
            JWTClaimNames.SUBJECT);
    /** Parameters the token carries in fields of their own, or that cannot appear inside a request object. */
    private static final Set<String> NOT_ADDITIONAL = Set.of(OAuth2ParameterNames.RESPONSE_TYPE,
            OAuth2ParameterNames.CLIENT_ID, OAuth2ParameterNames.REDIRECT_URI, OAuth2ParameterNames.SCOPE,
            OAuth2ParameterNames.STATE);

    private final RequestObjectVerifier verifier;

    public SignedRequestObjects(String issuer, SeenJtis seenJtis, Clock clock) {
        this.verifier = new RequestObjectVerifier(issuer, seenJtis, clock);
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        if (!(principal instanceof OAuth2ClientAuthenticationToken client) || !client.isAuthenticated()
                || client.getRegisteredClient() == null) {
            return null;
        }
        RegisteredClient registered = client.getRegisteredClient();
        ClientMessageSigning signing = ClientSigningSettings.of(registered);
        String[] requestObjects = request.getParameterValues(REQUEST);
        if (requestObjects == null) {
            if (signing.requireSignedRequestObject()) {
                throw error(OAuth2ErrorCodes.INVALID_REQUEST,
                        "this client must send its authorization request as a signed request object (request)");
            }
            return null;
        }
        if (!signing.acceptsSignedRequestObjects()) {
            throw AuthorizationErrorCode.REQUEST_NOT_SUPPORTED.exception(
                    "request objects are not accepted from this client; send the parameters in the form");
        }
        if (requestObjects.length != 1) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "request must be sent once");
        }
        Set<String> others = new TreeSet<>(request.getParameterMap().keySet());
        others.remove(REQUEST);
        others.removeAll(CLIENT_AUTHENTICATION);
        if (!others.isEmpty()) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "with a request object, authorization parameters belong "
                    + "only in the request object (RFC 9126 §3): " + String.join(", ", others));
        }
        String formClientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        if (formClientId != null && !formClientId.equals(registered.getClientId())) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "client_id is not the authenticated client");
        }
        JWTClaimsSet claims = verifier.verify(requestObjects[0], registered);
        return pushedRequest(claims, request, client);
    }

    private static OAuth2PushedAuthorizationRequestAuthenticationToken pushedRequest(JWTClaimsSet claims,
            HttpServletRequest request, OAuth2ClientAuthenticationToken client) {
        if (claims.getClaim(REQUEST) != null || claims.getClaim(OAuth2ParameterNames.REQUEST_URI) != null) {
            // RFC 9101 §4: no nesting of request objects
            throw AuthorizationErrorCode.INVALID_REQUEST_OBJECT.exception("a request object holds no request or request_uri");
        }
        String responseType = string(claims, OAuth2ParameterNames.RESPONSE_TYPE);
        if (!StringUtils.hasText(responseType)) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: " + OAuth2ParameterNames.RESPONSE_TYPE);
        }
        if (!OAuth2AuthorizationResponseType.CODE.getValue().equals(responseType)) {
            throw error(OAuth2ErrorCodes.UNSUPPORTED_RESPONSE_TYPE,
                    "OAuth 2.0 Parameter: " + OAuth2ParameterNames.RESPONSE_TYPE);
        }
        String scope = string(claims, OAuth2ParameterNames.SCOPE);
        Set<String> scopes = StringUtils.hasText(scope)
                ? new LinkedHashSet<>(Arrays.asList(StringUtils.delimitedListToStringArray(scope, " "))) : null;
        Map<String, Object> additional = new HashMap<>();
        claims.getClaims().forEach((name, value) -> {
            if (!JWT_CLAIMS.contains(name) && !NOT_ADDITIONAL.contains(name) && value != null) {
                additional.put(name, asParameter(value));
            }
        });
        return new OAuth2PushedAuthorizationRequestAuthenticationToken(request.getRequestURL().toString(),
                client.getRegisteredClient().getClientId(), client,
                string(claims, OAuth2ParameterNames.REDIRECT_URI), string(claims, OAuth2ParameterNames.STATE), scopes,
                additional);
    }

    /** A claim that must be a string, as its form parameter would be. */
    private static String string(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw AuthorizationErrorCode.INVALID_REQUEST_OBJECT.exception(name + " must be a string");
    }

    /**
     * A claim as the form parameter it stands for: JSON values (e.g. {@code authorization_details}, RFC 9396 §3,
     * which a request object holds as an array) become their JSON text, numbers their decimal text, so the
     * validators see what a form would have sent.
     */
    private static String asParameter(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> object = (Map<String, ?>) map;
            return JSONObjectUtils.toJSONString(object);
        }
        if (value instanceof List<?> list) {
            return JSONArrayUtils.toJSONString(list);
        }
        return String.valueOf(value);
    }

    private static OAuth2AuthenticationException error(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}

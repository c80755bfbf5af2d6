package jp.kakehashi.authorization.signing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2TokenIntrospectionClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.http.converter.OAuth2TokenIntrospectionHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The introspection endpoint's answers (FAPI 2.0 Message Signing §5.5, RFC 9701): a caller that accepts
 * {@code application/token-introspection+jwt} gets the RFC 7662 response as the {@code token_introspection} claim
 * of a JWT typed {@code token-introspection+jwt}, with {@code iss}, {@code aud} = the introspecting client and
 * {@code iat}, signed with the bank's key (RFC 9701 §5); every other caller gets Spring's JSON, unchanged.
 */
public final class SignedIntrospectionResponses implements AuthenticationSuccessHandler {

    /** RFC 9701 §12.3: the media type of the response, and the JWT's {@code typ} without {@code application/}. */
    public static final MediaType MEDIA_TYPE = new MediaType("application", "token-introspection+jwt");
    private static final JOSEObjectType TYPE = new JOSEObjectType("token-introspection+jwt");

    private final String issuer;
    private final ServerJwtSigner signer;
    private final Clock clock;
    private final OAuth2TokenIntrospectionHttpMessageConverter json = new OAuth2TokenIntrospectionHttpMessageConverter();

    public SignedIntrospectionResponses(String issuer, ServerJwtSigner signer, Clock clock) {
        this.issuer = issuer;
        this.signer = signer;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        var introspection = (OAuth2TokenIntrospectionAuthenticationToken) authentication;
        OAuth2TokenIntrospection claims = introspection.getTokenClaims();
        if (!acceptsJwt(request)) {
            json.write(claims, null, new ServletServerHttpResponse(response));
            return;
        }
        String clientId = ((OAuth2ClientAuthenticationToken) introspection.getPrincipal()).getRegisteredClient()
                .getClientId();
        var jwt = new JWTClaimsSet.Builder().issuer(issuer).audience(clientId).issueTime(Date.from(clock.instant()))
                .claim("token_introspection", introspectionClaims(claims)).build();
        byte[] body = signer.sign(jwt, TYPE).getBytes(StandardCharsets.US_ASCII);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MEDIA_TYPE.toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean acceptsJwt(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream().anyMatch(MEDIA_TYPE::equalsTypeAndSubtype);
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The RFC 7662 members as JSON values: times as seconds, scopes space-separated, as Spring's JSON has them. */
    private static Map<String, Object> introspectionClaims(OAuth2TokenIntrospection introspection) {
        Map<String, Object> claims = new LinkedHashMap<>();
        introspection.getClaims().forEach((name, value) -> claims.put(name, jsonValue(value)));
        List<String> scopes = introspection.getScopes();
        if (scopes != null && !scopes.isEmpty()) {
            claims.put(OAuth2TokenIntrospectionClaimNames.SCOPE, String.join(" ", scopes));
        }
        return claims;
    }

    private static Object jsonValue(Object value) {
        return switch (value) {
            case Instant instant -> instant.getEpochSecond();
            case URL url -> url.toString();
            case Collection<?> values -> values.stream().map(SignedIntrospectionResponses::jsonValue).toList();
            case Map<?, ?> map -> {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put(String.valueOf(k), jsonValue(v)));
                yield copy;
            }
            case String s -> s;
            case Number n -> n;
            case Boolean b -> b;
            default -> String.valueOf(value);
        };
    }
}

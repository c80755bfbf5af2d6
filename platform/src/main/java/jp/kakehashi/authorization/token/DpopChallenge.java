package jp.kakehashi.authorization.token;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The {@code WWW-Authenticate: DPoP} challenge of a 401 at the resources (RFC 9449 §7.1): the error, and in
 * {@code algs} exactly the algorithms a proof may be signed with here ({@link ResourceDpopProofs#ALGORITHMS}).
 * Spring's {@code DPoPAuthenticationEntryPoint} names nine RSA and EC algorithms, most of which the bank refuses, so a
 * client choosing from the challenge would be refused again. Adds its header to any challenge already set (a 401
 * without a token challenges both schemes).
 */
public final class DpopChallenge implements AuthenticationEntryPoint {

    static final String ALGS = String.join(" ", ResourceDpopProofs.ALGORITHMS);

    private final String resourceMetadata;

    /** The challenge of a resource without protected resource metadata (userinfo). */
    public DpopChallenge() {
        this(null);
    }

    /** The challenge of a resource whose metadata (RFC 9728 §5.1) is at {@code resourceMetadata}. */
    public DpopChallenge(String resourceMetadata) {
        this.resourceMetadata = resourceMetadata;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
        Map<String, String> parameters = errorParameters(failure);
        parameters.put("algs", ALGS);
        if (resourceMetadata != null) {
            parameters.put("resource_metadata", resourceMetadata);
        }
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, header(parameters));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
    }

    /** The OAuth error of a failure as challenge parameters (RFC 6750 §3, RFC 9449 §7.1), in their usual order. */
    static Map<String, String> errorParameters(AuthenticationException failure) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (failure instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            parameters.put("error", error.getErrorCode());
            if (error.getDescription() != null && !error.getDescription().isBlank()) {
                parameters.put("error_description", error.getDescription());
            }
            if (error.getUri() != null && !error.getUri().isBlank()) {
                parameters.put("error_uri", error.getUri());
            }
        }
        return parameters;
    }

    static String header(Map<String, String> parameters) {
        return header("DPoP", parameters);
    }

    /** A challenge of {@code scheme} with {@code parameters} as auth-params (RFC 9110 §11.6.1). */
    static String header(String scheme, Map<String, String> parameters) {
        StringBuilder header = new StringBuilder(scheme);
        String separator = " ";
        for (var parameter : parameters.entrySet()) {
            header.append(separator).append(parameter.getKey()).append("=\"").append(quoted(parameter.getValue()))
                    .append('"');
            separator = ", ";
        }
        return header.toString();
    }

    /** RFC 9110 §5.6.4 quoted-string: a description that quotes a client's input must not end the string early. */
    private static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return quoted.toString();
    }
}

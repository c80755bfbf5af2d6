package jp.kakehashi.authorization.fapi;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.web.authentication.JwtClientAssertionAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * RFC 7523 §3 makes {@code client_id} optional next to a client assertion, and FAPI client libraries (Nimbus among
 * them) leave it out; Spring requires it. This converter takes the client id from the assertion's {@code sub} and
 * hands the request to Spring's converter. Nothing is trusted from the unverified assertion: the provider then
 * verifies its signature with that client's keys and that {@code iss} and {@code sub} are that client.
 */
final class ClientIdFromAssertion implements AuthenticationConverter {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private final JwtClientAssertionAuthenticationConverter spring = new JwtClientAssertionAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        String assertion = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION);
        if (!JWT_BEARER.equals(request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE)) || assertion == null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null) {
            return null;
        }
        String subject;
        try {
            subject = SignedJWT.parse(assertion).getJWTClaimsSet().getSubject();
        }
        catch (java.text.ParseException e) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        if (subject == null || subject.isBlank()) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        return spring.convert(new WithClientId(request, subject));
    }

    private static final class WithClientId extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        WithClientId(HttpServletRequest request, String clientId) {
            super(request);
            Map<String, String[]> all = new LinkedHashMap<>(request.getParameterMap());
            all.put(OAuth2ParameterNames.CLIENT_ID, new String[] {clientId});
            this.parameters = Collections.unmodifiableMap(all);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}

package jp.kakehashi.runtime;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.kakehashi.shared.ApiFilterOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests no endpoint could take before any of them reads them: bodies larger than any request of the
 * platform needs, parameters that do not decode (bad percent-encoding, invalid UTF-8), and parameters with NUL
 * characters, which PostgreSQL cannot store. The answer is in the words of the area asked ({@link ErrorArea}): the
 * banking API's {@code INVALID_PARAMETER} under {@code /v1}, an OAuth {@code invalid_request} on the machine endpoints
 * (RFC 6749 §5.2), the bank's error page elsewhere; never a container page or a stack trace in the log.
 */
@Component
@Order(ApiFilterOrder.MALFORMED_REQUESTS)
class MalformedRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    private final long maxBodyBytes;

    MalformedRequests(@Value("${kakehashi.http.max-body-size:256KB}") DataSize maxBodySize) {
        this.maxBodyBytes = maxBodySize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problemOf(request);
        if (problem != null) {
            log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), problem);
            refuse(request, response, problem);
            return;
        }
        chain.doFilter(request, response);
    }

    private String problemOf(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return "the request body is too large";
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        }
        catch (RuntimeException undecodable) {
            // Tomcat throws when the form exceeds its limits or does not decode as UTF-8
            return "the request parameters cannot be read";
        }
        for (var parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return "a parameter name contains a NUL character";
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return "parameter " + parameter.getKey() + " contains a NUL character";
                }
            }
        }
        return null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String description)
            throws IOException {
        int status = description.endsWith("too large") ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                : HttpServletResponse.SC_BAD_REQUEST;
        String json = ErrorArea.of(request.getRequestURI()).json(request, status, description);
        if (json != null) {
            response.setStatus(status);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json);
            return;
        }
        request.setAttribute(ErrorPageAttributes.OAUTH_ERROR,
                new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST, description, null));
        response.sendError(status);
    }
}

package jp.kakehashi.risk;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the risk headers of every {@code /v1} request before anything else looks at it, echoes the interaction id
 * (FAPI 2.0 / FAPI 1 Baseline §6.2.1.11) and refuses a malformed one. It runs inside the execution log's filter, so
 * that refusals are logged too, and before Spring Security, so that 401s carry the interaction id as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 7)
class RiskHeaderFilter extends OncePerRequestFilter {

    private static final String INVALID_INTERACTION_ID = """
            {"errorCode":"INVALID_PARAMETER","errorMessage":"x-fapi-interaction-id が不正です (invalid interaction id)",\
            "errorDetails":[{"errorDetailsCode":"INVALID_FORMAT",\
            "errorDetailsMessage":"RFC 4122 の UUID を指定してください (an RFC 4122 UUID is required)",\
            "itemId":"x-fapi-interaction-id"}]}""";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RiskSignals signals = RiskHeaders.read(request);
        request.setAttribute(RiskSignals.ATTRIBUTE, signals);
        // the TPP's own text when valid: FAPI asks for the value to be echoed, not a normalised form of it
        String echoed = signals.interactionIdGenerated() ? signals.interactionId().toString()
                : request.getHeader(RiskHeaders.INTERACTION_ID);
        response.setHeader(RiskHeaders.INTERACTION_ID, echoed);
        if (signals.invalidHeaders().contains(RiskHeaders.INTERACTION_ID)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(INVALID_INTERACTION_ID.getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}

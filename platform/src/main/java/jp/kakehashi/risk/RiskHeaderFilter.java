package jp.kakehashi.risk;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;
import jp.kakehashi.shared.ApiErrorResponses;
import jp.kakehashi.shared.ApiFilterOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the risk headers of every {@code /v1} request before anything else looks at it, echoes the interaction id
 * (FAPI 2.0 / FAPI 1 Baseline §6.2.1.11) and refuses a malformed one. It runs inside the execution log's filter, so
 * that refusals are logged too, and before Spring Security, so that 401s carry the interaction id as well.
 */
@Component
@Order(ApiFilterOrder.RISK_HEADERS)
class RiskHeaderFilter extends OncePerRequestFilter {

    private static final ApiError INVALID_INTERACTION_ID = ApiError.of(ApiErrorCode.INVALID_PARAMETER).withDetail(
            "INVALID_FORMAT", "RFC 4122 の UUID を指定してください (an RFC 4122 UUID is required)",
            RiskHeaders.INTERACTION_ID);

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
            ApiErrorResponses.write(request, response, INVALID_INTERACTION_ID);
            return;
        }
        chain.doFilter(request, response);
    }
}

package jp.kakehashi.audit.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.audit.ExecutionLogRecord;
import jp.kakehashi.audit.ExecutionLogWriter;
import jp.kakehashi.risk.RiskSignals;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;
import jp.kakehashi.shared.ApiErrorResponses;
import jp.kakehashi.shared.ApiFilterOrder;
import jp.kakehashi.shared.TppApiPaths;
import jp.kakehashi.tpp.ChainedPartyHeader;
import jp.kakehashi.tpp.ClientOwners;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Writes one execution-log record for every call of the TPP API ({@link TppApiPaths}: {@code /v1} and
 * {@code /grants}, C1), whatever answers it: the endpoint, Spring Security
 * (401, 403), the risk headers' check (400) or the rate limit (429). It is the outermost filter of those, so it sees
 * every one of them; who called it learns after the fact from the security context Spring Security's bearer-token
 * filter leaves in a request attribute, and the error code from the attribute its writer leaves
 * ({@link ApiErrorCode#REQUEST_ATTRIBUTE}). The response is held back until the record is committed.
 */
@Component
@Order(ApiFilterOrder.EXECUTION_LOG)
class ExecutionLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ExecutionLogFilter.class);
    private static final String INTERACTION_ID = "x-fapi-interaction-id";

    private final ExecutionLogWriter records;
    private final ClientOwners owners;
    private final Clock clock;

    ExecutionLogFilter(ExecutionLogWriter records, ClientOwners owners, Clock clock) {
        this.records = records;
        this.owners = owners;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !TppApiPaths.covers(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant arrived = clock.instant();
        long started = System.nanoTime();
        var buffered = new ContentCachingResponseWrapper(response);
        Exception failure = null;
        try {
            chain.doFilter(request, buffered);
        }
        catch (IOException | ServletException | RuntimeException e) {
            failure = e;
        }
        long micros = (System.nanoTime() - started) / 1_000;
        try {
            records.append(recordOf(request, buffered, arrived, micros, failure != null));
        }
        catch (RuntimeException notRecorded) {
            log.error("An API call could not be recorded in the execution log; it is answered 503", notRecorded);
            if (failure == null && !response.isCommitted()) {
                unavailable(request, response, buffered.getHeader(INTERACTION_ID));
                return;
            }
        }
        if (failure != null) {
            rethrow(failure);
        }
        buffered.copyBodyToResponse();
    }

    private ExecutionLogRecord recordOf(HttpServletRequest request, ContentCachingResponseWrapper response,
            Instant arrived, long micros, boolean failed) {
        var caller = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME)
                instanceof SecurityContext context && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof Jwt jwt ? jwt : null;
        String clientId = caller == null ? null : caller.getClaimAsString("client_id");
        int status = failed ? 500 : response.getStatus();
        String errorCode = failed ? ApiErrorCode.INTERNAL_ERROR.code() : ErrorCodes.of(request, response, status);
        RiskSignals signals = RiskSignals.of(request).orElseGet(() -> new RiskSignals(UUID.randomUUID(), true, null,
                null, null, null, request.getRemoteAddr(), Set.of()));
        return new ExecutionLogRecord(null, arrived, caller == null ? null : caller.getSubject(),
                clientId == null ? null : owners.tppOf(clientId), clientId,
                caller == null ? null : caller.getClaimAsString("grant_id"), Operations.of(request),
                Operations.resourceId(request), status, errorCode, micros, signals, null,
                ChainedPartyHeader.of(request).orElse(null));
    }

    private static void unavailable(HttpServletRequest request, HttpServletResponse response,
            @Nullable String interactionId) throws IOException {
        response.reset();
        if (interactionId != null) {
            response.setHeader(INTERACTION_ID, interactionId);
        }
        ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.SERVICE_UNAVAILABLE));
    }

    private static void rethrow(Exception failure) throws IOException, ServletException {
        switch (failure) {
            case IOException io -> throw io;
            case ServletException servlet -> throw servlet;
            case RuntimeException runtime -> throw runtime;
            default -> throw new ServletException(failure);
        }
    }
}

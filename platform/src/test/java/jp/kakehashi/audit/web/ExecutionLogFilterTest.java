package jp.kakehashi.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kakehashi.audit.ExecutionLogRecord;
import jp.kakehashi.audit.ExecutionLogWriter;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;
import jp.kakehashi.shared.ApiErrorResponses;
import jp.kakehashi.tpp.ClientOwners;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.servlet.HandlerMapping;

/** C1: one record per /v1 call, with who called, what and the result, durable before the answer leaves. */
class ExecutionLogFilterTest {

    private static final Instant NOW = Instant.parse("2026-04-01T00:00:00.123456Z");

    private final ExecutionLogWriter records = mock(ExecutionLogWriter.class);
    private final ClientOwners owners = mock(ClientOwners.class);
    private final List<ExecutionLogRecord> written = new ArrayList<>();
    private final ExecutionLogFilter filter = new ExecutionLogFilter(records, owners, Clock.fixed(NOW, ZoneOffset.UTC));
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/accounts/001010000001/balances");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    ExecutionLogFilterTest() {
        when(owners.tppOf("client-1")).thenReturn("tpp-1");
        when(records.append(any())).thenAnswer(call -> {
            // the answer must not have left yet: nothing of the body is in the real response, nothing committed
            assertThat(response.getContentAsByteArray()).isEmpty();
            assertThat(response.isCommitted()).isFalse();
            written.add(call.getArgument(0));
            return (long) written.size();
        });
    }

    @Test
    void doFilterWhenAuthorisedCallAnsweredThenCallerRouteAndResultAreRecordedBeforeTheBodyLeaves() throws Exception {
        request.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
                new SecurityContextImpl(new JwtAuthenticationToken(Jwt.withTokenValue("secret-token-value")
                        .header("alg", "none").subject("C0001").claim("client_id", "client-1")
                        .claim("grant_id", "grant-1").build())));

        filter.doFilter(request, response, answering(200, "{\"balance\":\"50000\"}", true));

        assertThat(written).singleElement().satisfies(record -> {
            assertThat(record.recordedAt()).isEqualTo(NOW);
            assertThat(record.customerId()).isEqualTo("C0001");
            assertThat(record.tppId()).isEqualTo("tpp-1");
            assertThat(record.clientId()).isEqualTo("client-1");
            assertThat(record.grantId()).isEqualTo("grant-1");
            assertThat(record.operation()).isEqualTo("GET /v1/accounts/{accountId}/balances");
            assertThat(record.resourceId()).isEqualTo("001010000001");
            assertThat(record.httpStatus()).isEqualTo(200);
            assertThat(record.errorCode()).isNull();
            assertThat(record.toString()).doesNotContain("secret-token-value");
        });
        assertThat(response.getContentAsString()).isEqualTo("{\"balance\":\"50000\"}");
    }

    @Test
    void doFilterWhenWriterLeftTheErrorCodeThenItIsRecordedWithoutReadingTheBody() throws Exception {
        FilterChain refused = (req, res) -> {
            req.setAttribute(ApiErrorCode.REQUEST_ATTRIBUTE, ApiErrorCode.ACCOUNT_NOT_FOUND.code());
            answering(404, "{\"errorCode\":\"SOMETHING_ELSE\",\"errorMessage\":\"口座が見つかりません\"}", true)
                    .doFilter(req, res);
        };

        filter.doFilter(request, response, refused);

        assertThat(written).singleElement().extracting(ExecutionLogRecord::httpStatus, ExecutionLogRecord::errorCode)
                .containsExactly(404, "ACCOUNT_NOT_FOUND");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("SOMETHING_ELSE");
    }

    @Test
    void doFilterWhenApiErrorWrittenByTheSharedWriterThenItsCodeIsRecorded() throws Exception {
        FilterChain refused = (req, res) -> ApiErrorResponses.write((HttpServletRequest) req,
                (HttpServletResponse) res, ApiError.of(ApiErrorCode.TRANSFER_NOT_AUTHORISED));

        filter.doFilter(request, response, refused);

        assertThat(written).singleElement().extracting(ExecutionLogRecord::httpStatus, ExecutionLogRecord::errorCode)
                .containsExactly(403, "TRANSFER_NOT_AUTHORISED");
    }

    @Test
    void doFilterWhenRefusedBeforeRoutingThenPathAndChallengeErrorAreRecordedWithoutCaller() throws Exception {
        FilterChain refused = (req, res) -> {
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setStatus(401);
            http.setHeader("WWW-Authenticate", "DPoP error=\"invalid_token\", algs=\"ES256 PS256\"");
        };
        request.setQueryString("access_token=should-never-be-logged");

        filter.doFilter(request, response, refused);

        assertThat(written).singleElement().satisfies(record -> {
            assertThat(record.customerId()).isNull();
            assertThat(record.tppId()).isNull();
            assertThat(record.operation()).isEqualTo("GET /v1/accounts/001010000001/balances");
            assertThat(record.resourceId()).isNull();
            assertThat(record.httpStatus()).isEqualTo(401);
            assertThat(record.errorCode()).isEqualTo("invalid_token");
            assertThat(record.toString()).doesNotContain("should-never-be-logged");
        });
    }

    @Test
    void doFilterWhenRecordCannotBeWrittenThen503InsteadOfTheData() throws Exception {
        when(records.append(any())).thenThrow(new DataAccessResourceFailureException("database down"));
        response.setHeader("x-fapi-interaction-id", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");

        filter.doFilter(request, response, answering(200, "{\"balance\":\"50000\"}", true));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("SERVICE_UNAVAILABLE").doesNotContain("50000");
        assertThat(response.getHeader("x-fapi-interaction-id")).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    }

    @Test
    void doFilterWhenEndpointFailsThenRecordedAs500AndTheFailurePropagates() {
        FilterChain failing = (req, res) -> {
            throw new IllegalStateException("bug");
        };

        assertThatThrownBy(() -> filter.doFilter(request, response, failing)).hasMessage("bug");

        assertThat(written).singleElement().extracting(ExecutionLogRecord::httpStatus, ExecutionLogRecord::errorCode)
                .containsExactly(500, "INTERNAL_ERROR");
    }

    @Test
    void doFilterWhenNotApiThenNothingIsRecorded() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/login"), response, answering(200, "page", false));

        assertThat(written).isEmpty();
    }

    /** An endpoint that matched the balances route and answers {@code body}. */
    private static FilterChain answering(int status, String body, boolean routed) {
        return (req, res) -> {
            if (routed) {
                req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/v1/accounts/{accountId}/balances");
                req.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("accountId", "001010000001"));
            }
            var http = (jakarta.servlet.http.HttpServletResponse) res;
            http.setStatus(status);
            http.setContentType("application/json;charset=UTF-8");
            http.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
            http.flushBuffer();
        };
    }
}

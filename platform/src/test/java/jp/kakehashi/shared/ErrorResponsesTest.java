package jp.kakehashi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** OAuth's error bodies, escaped in one place, written as UTF-8 JSON that no cache keeps. */
class ErrorResponsesTest {

    @Test
    void oauthWhenTextsHoldQuotesBackslashesOrControlsThenValidJson() throws Exception {
        assertThat(ErrorResponses.oauth("invalid_request", "値が\"不正\"です a\\b\nc")).isEqualTo(
                "{\"error\":\"invalid_request\",\"error_description\":\"値が\\\"不正\\\"です a\\\\b\\u000ac\"}");
        assertThat(ErrorResponses.oauth("invalid_request", null)).isEqualTo("{\"error\":\"invalid_request\"}");

        var response = new MockHttpServletResponse();
        ErrorResponses.write(response, 429, ErrorResponses.oauth("temporarily_unavailable", "slow"));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.getContentAsString()).contains("temporarily_unavailable");
    }

    @Test
    void writeOauthWhenTppApiRefusalThenTheCodeIsLeftForTheExecutionLog() throws Exception {
        var request = new MockHttpServletRequest("GET", "/grants/g-1");
        var response = new MockHttpServletResponse();
        response.setStatus(403);

        ErrorResponses.writeOauth(request, response, "insufficient_scope", "no scope");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).isEqualTo(
                "{\"error\":\"insufficient_scope\",\"error_description\":\"no scope\"}");
        assertThat(request.getAttribute(ApiErrorCode.REQUEST_ATTRIBUTE)).isEqualTo("insufficient_scope");
    }
}

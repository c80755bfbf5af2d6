package jp.kakehashi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The API's and OAuth's error bodies, escaped in one place, written as UTF-8 JSON that no cache keeps. */
class ErrorResponsesTest {

    @Test
    void apiAndOauthWhenTextsHoldQuotesBackslashesOrControlsThenValidJson() throws Exception {
        assertThat(ErrorResponses.api("INVALID_PARAMETER", "値が\"不正\"です", "INVALID_VALUE", "a\\b\nc"))
                .isEqualTo("{\"errorCode\":\"INVALID_PARAMETER\",\"errorMessage\":\"値が\\\"不正\\\"です\","
                        + "\"errorDetails\":[{\"errorDetailsCode\":\"INVALID_VALUE\",\"errorDetailsMessage\":"
                        + "\"a\\\\b\\u000ac\"}]}");
        assertThat(ErrorResponses.api("NOT_FOUND", "ない")).isEqualTo("{\"errorCode\":\"NOT_FOUND\",\"errorMessage\":\"ない\"}");
        assertThat(ErrorResponses.oauth("invalid_request", null)).isEqualTo("{\"error\":\"invalid_request\"}");

        var response = new MockHttpServletResponse();
        ErrorResponses.write(response, 429, ErrorResponses.oauth("temporarily_unavailable", "slow"));
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.getContentAsString()).contains("temporarily_unavailable");
    }
}

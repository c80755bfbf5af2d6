package jp.kakehashi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The one writer of the API's error answers: body, status, language and the code left for the execution log. */
class ApiErrorResponsesTest {

    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/accounts");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void writeWhenJapanesePreferredThenJapaneseMessageStatusDetailsAndCodeAttribute() throws Exception {
        request.addHeader("Accept-Language", "en;q=0.5, ja-JP");

        ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.INVALID_PARAMETER)
                .withDetails(List.of(new ApiError.Detail("INVALID_VALUE", "a\"b", "transfers", "amount"),
                        new ApiError.Detail("DATE_RANGE_NOT_ALLOWED", "x", null, null))));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getHeader("Content-Language")).isEqualTo("ja");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"errorCode\":\"INVALID_PARAMETER\","
                + "\"errorMessage\":\"リクエストの値が正しくありません。\",\"errorDetails\":[{\"errorDetailsCode\":"
                + "\"INVALID_VALUE\",\"errorDetailsMessage\":\"a\\\"b\",\"itemId\":\"transfers\",\"field\":\"amount\"},"
                + "{\"errorDetailsCode\":\"DATE_RANGE_NOT_ALLOWED\",\"errorDetailsMessage\":\"x\"}]}");
        assertThat(request.getAttribute(ApiErrorCode.REQUEST_ATTRIBUTE)).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void writeWhenNoAcceptLanguageThenEnglishWithoutDetails() throws Exception {
        ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.NOT_FOUND));

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getHeader("Content-Language")).isEqualTo("en");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("{\"errorCode\":\"NOT_FOUND\",\"errorMessage\":\"The resource was not found.\"}");
    }

    @Test
    void writeWhenOtherOrMalformedLanguageThenEnglish() throws Exception {
        for (String accepted : List.of("fr-FR, de", "en, ja;q=0.9", "*", ";;;q=x")) {
            var ask = new MockHttpServletRequest("GET", "/v1/accounts");
            ask.addHeader("Accept-Language", accepted);
            assertThat(ApiErrorResponses.json(ask, ApiError.of(ApiErrorCode.SERVICE_STOPPED))).as(accepted)
                    .contains("\"errorMessage\":\"The service is stopped.\"");
        }
    }

    @Test
    void writeWhenStatusChosenByTheContainerThenThatStatusWithTheCode() throws Exception {
        ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.NOT_FOUND).withStatus(405));

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"errorCode\":\"NOT_FOUND\"");
    }

    @Test
    void writeWhenAnswerAlreadyCommittedThenNothingMore() throws Exception {
        response.getOutputStream().write('x');
        response.flushBuffer();

        ApiErrorResponses.write(request, response, ApiError.of(ApiErrorCode.INTERNAL_ERROR));

        assertThat(response.getContentAsString()).isEqualTo("x");
    }
}

package jp.kakehashi.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The interaction id is echoed (or generated) on every /v1 response and a malformed one is refused. */
class RiskHeaderFilterTest {

    private final RiskHeaderFilter filter = new RiskHeaderFilter();

    @Test
    void doFilterWhenInteractionIdValidThenEchoedAsSentAndSignalsAttached() throws Exception {
        var request = new MockHttpServletRequest("GET", "/v1/accounts");
        request.addHeader("x-fapi-interaction-id", "3F2504E0-4F89-11D3-9A0C-0305E82C3301");
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getHeader("x-fapi-interaction-id")).isEqualTo("3F2504E0-4F89-11D3-9A0C-0305E82C3301");
        assertThat(chain.getRequest()).isNotNull();
        assertThat(RiskSignals.of(request)).get().extracting(RiskSignals::interactionIdGenerated).isEqualTo(false);
    }

    @Test
    void doFilterWhenInteractionIdAbsentThenGeneratedOneIsEchoed() throws Exception {
        var request = new MockHttpServletRequest("GET", "/v1/branches");
        var response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader("x-fapi-interaction-id"))
                .isEqualTo(RiskSignals.of(request).orElseThrow().interactionId().toString());
    }

    @Test
    void doFilterWhenInteractionIdInvalidThen400InvalidParameterAndChainNotCalled() throws Exception {
        var request = new MockHttpServletRequest("GET", "/v1/accounts");
        request.addHeader("x-fapi-interaction-id", "not-a-uuid");
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"errorCode\":\"INVALID_PARAMETER\"", "\"itemId\":\"x-fapi-interaction-id\"");
        assertThat(response.getHeader("x-fapi-interaction-id")).matches("[0-9a-f-]{36}");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void doFilterWhenNotApiThenNothingIsAdded() throws Exception {
        var request = new MockHttpServletRequest("GET", "/login");
        request.addHeader("x-fapi-interaction-id", "not-a-uuid");
        var response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("x-fapi-interaction-id")).isNull();
    }
}

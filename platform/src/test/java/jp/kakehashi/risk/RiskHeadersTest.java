package jp.kakehashi.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** C1, C3: the TPP's risk headers are read leniently but bounded; malformed ones are recorded as invalid. */
class RiskHeadersTest {

    @Test
    void readWhenAllHeadersValidThenSignalsCarryThem() {
        var request = request();
        request.addHeader("x-fapi-interaction-id", "3F2504E0-4F89-11D3-9A0C-0305E82C3301");
        request.addHeader("x-fapi-customer-ip-address", "2001:DB8:0:0:0:0:0:1");
        request.addHeader("x-customer-user-agent", "Mozilla/5.0 (iPhone)");
        request.addHeader("x-fapi-auth-date", "Tue, 11 Sep 2012 19:43:31 GMT");
        request.addHeader("x-kakehashi-auth-failure-count", "3");

        RiskSignals signals = RiskHeaders.read(request);

        assertThat(signals.interactionId()).isEqualTo(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
        assertThat(signals.interactionIdGenerated()).isFalse();
        assertThat(signals.customerIpAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(signals.customerUserAgent()).isEqualTo("Mozilla/5.0 (iPhone)");
        assertThat(signals.authDate()).isEqualTo(Instant.parse("2012-09-11T19:43:31Z"));
        assertThat(signals.authFailureCount()).isEqualTo(3);
        assertThat(signals.clientIpAddress()).isEqualTo("192.0.2.10");
        assertThat(signals.invalidHeaders()).isEmpty();
    }

    @Test
    void readWhenNoHeadersThenInteractionIdIsGeneratedAndTheRestIsNull() {
        RiskSignals signals = RiskHeaders.read(request());

        assertThat(signals.interactionId()).isNotNull();
        assertThat(signals.interactionIdGenerated()).isTrue();
        assertThat(signals.customerIpAddress()).isNull();
        assertThat(signals.customerUserAgent()).isNull();
        assertThat(signals.authDate()).isNull();
        assertThat(signals.authFailureCount()).isNull();
        assertThat(signals.invalidHeaders()).isEmpty();
    }

    @Test
    void readWhenHeadersMalformedThenTheyAreNamedInvalidAndNothingThrows() {
        var request = request();
        request.addHeader("x-fapi-interaction-id", "1-2-3-4-5");
        request.addHeader("x-fapi-customer-ip-address", "999.1.1.1");
        request.addHeader("x-fapi-auth-date", "yesterday");
        request.addHeader("x-kakehashi-auth-failure-count", "-1");

        RiskSignals signals = RiskHeaders.read(request);

        assertThat(signals.interactionIdGenerated()).isTrue();
        assertThat(signals.customerIpAddress()).isNull();
        assertThat(signals.authDate()).isNull();
        assertThat(signals.authFailureCount()).isNull();
        assertThat(signals.invalidHeaders()).containsExactly("x-fapi-auth-date", "x-fapi-customer-ip-address",
                "x-fapi-interaction-id", "x-kakehashi-auth-failure-count");
    }

    @Test
    void ipAddressWhenHostNameOrOverlongThenInvalidWithoutAnyLookup() {
        var invalid = new java.util.HashSet<String>();

        assertThat(RiskHeaders.ipAddress("localhost", "h", invalid)).isNull();
        assertThat(RiskHeaders.ipAddress(".:", "h", invalid)).isNull();
        assertThat(RiskHeaders.ipAddress("1:2:3:4:5:6:7:8:9", "h", invalid)).isNull();
        assertThat(RiskHeaders.ipAddress("1".repeat(100), "h", invalid)).isNull();
        assertThat(RiskHeaders.ipAddress(" 203.0.113.7 ", "h", invalid)).isEqualTo("203.0.113.7");
        assertThat(invalid).containsExactly("h");
    }

    @Test
    void printableWhenUserAgentLongWithControlCharactersThenBoundedAndCleaned() {
        String agent = RiskHeaders.printable("evil\r\nforged line" + "x".repeat(1000), RiskHeaders.MAX_USER_AGENT);

        assertThat(agent).hasSize(RiskHeaders.MAX_USER_AGENT).startsWith("evil  forged line").doesNotContain("\n");
    }

    private static MockHttpServletRequest request() {
        var request = new MockHttpServletRequest("GET", "/v1/accounts");
        request.setRemoteAddr("192.0.2.10");
        return request;
    }
}

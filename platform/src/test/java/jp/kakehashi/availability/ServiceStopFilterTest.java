package jp.kakehashi.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** E6: which API class a path belongs to, and which stops take which calls down. */
class ServiceStopFilterTest {

    @Test
    void classOfWhenTransferPathsThenPaymentWhenAccountPathsThenReadElsePublic() {
        assertThat(ServiceStopFilter.classOf("/v1/transfers")).isEqualTo(StoppedApi.PAYMENT);
        assertThat(ServiceStopFilter.classOf("/v1/transfers/fee")).isEqualTo(StoppedApi.PAYMENT);
        assertThat(ServiceStopFilter.classOf("/v1/accounts/001/balances")).isEqualTo(StoppedApi.READ);
        assertThat(ServiceStopFilter.classOf("/v1/branches")).isNull();
    }

    @Test
    void doFilterWhenThePathIsPercentEncodedOrDottedThenStoppedAsTheDecodedPath() throws Exception {
        Instant now = Instant.parse("2026-12-01T17:30:00Z");
        for (var call : java.util.Map.of("/v1/%74ransfers", StoppedApi.PAYMENT, "/v1/transfers;x=1",
                StoppedApi.PAYMENT, "/v1/./transfers", StoppedApi.PAYMENT, "/v1//transfers", StoppedApi.PAYMENT,
                "/v1/branches/../transfers", StoppedApi.PAYMENT, "/%761/accounts", StoppedApi.ALL,
                "/v%31/accounts/001/balances", StoppedApi.ALL).entrySet()) {
            var response = filter(call.getValue(), now, call.getKey());

            assertThat(response.getStatus()).as(call.getKey()).isEqualTo(503);
        }
        assertThat(filter(StoppedApi.PAYMENT, now, "/v1/%61ccounts").getStatus()).isEqualTo(200);
    }

    /** Runs a POST through the filter while a stop of the given class is in effect; 200 if it passed. */
    private static org.springframework.mock.web.MockHttpServletResponse filter(StoppedApi stopped, Instant now,
            String rawUri) throws Exception {
        var stop = new ServiceStop("s", ServiceStop.Side.BANK, null, stopped, now.minusSeconds(60),
                now.plusSeconds(3600), "r", false, "staff", now.minusSeconds(86400 * 8), null);
        var inEffect = new StopsInEffect(null, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)) {
            @Override
            java.util.Optional<ServiceStop> stopping(StoppedApi callClass, Instant at) {
                return callClass == null ? (stopped == StoppedApi.ALL ? java.util.Optional.of(stop)
                        : java.util.Optional.empty())
                        : java.util.Optional.of(stop).filter(s -> s.api().stops(callClass));
            }
        };
        var request = new org.springframework.mock.web.MockHttpServletRequest("POST", rawUri);
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        new ServiceStopFilter(inEffect, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).doFilter(request,
                response, new org.springframework.mock.web.MockFilterChain());
        return response;
    }

    @Test
    void stopsWhenAllThenEveryClassWhenOneClassThenOnlyIt() {
        assertThat(StoppedApi.ALL.stops(StoppedApi.READ)).isTrue();
        assertThat(StoppedApi.ALL.stops(StoppedApi.PAYMENT)).isTrue();
        assertThat(StoppedApi.PAYMENT.stops(StoppedApi.READ)).isFalse();
        assertThat(StoppedApi.READ.stops(StoppedApi.READ)).isTrue();
    }

    @Test
    void inEffectAtWhenBetweenStartAndEndAndNotCancelledThenTrueElseFalse() {
        Instant start = Instant.parse("2026-12-01T17:00:00Z");
        var stop = new ServiceStop("s", ServiceStop.Side.BANK, null, StoppedApi.ALL, start, start.plusSeconds(3600),
                "r", false, "staff", start.minusSeconds(86400 * 8), null);

        assertThat(stop.inEffectAt(start.minusMillis(1))).isFalse();
        assertThat(stop.inEffectAt(start)).isTrue();
        assertThat(stop.inEffectAt(start.plusSeconds(3600))).isFalse();
        assertThat(new ServiceStop("s", ServiceStop.Side.TPP, "tpp-1", StoppedApi.ALL, start, start.plusSeconds(60),
                "r", false, "tpp:x", start, null).inEffectAt(start)).isFalse();
        assertThat(new ServiceStop("s", ServiceStop.Side.BANK, null, StoppedApi.ALL, start, start.plusSeconds(60),
                "r", false, "staff", start, start).inEffectAt(start)).isFalse();
    }
}

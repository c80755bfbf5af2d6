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

package jp.kakehashi.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import jp.kakehashi.audit.TrafficCount;
import org.junit.jupiter.api.Test;

/** The charts' geometry (F4): bars scale to the busiest period and stack answered, rejected, errors. */
class TrafficChartTest {

    private static final Instant NINE = Instant.parse("2026-11-26T00:00:00Z"); // 09:00 in Tokyo
    private static final Instant TEN = NINE.plusSeconds(3600);

    @Test
    void ofWhenTwoPeriodsThenBarsScaleToTheBusiestAndStackAnsweredRejectedErrors() {
        var chart = TrafficChart.of("tpp-a", "株式会社A", List.of(new TrafficCount("tpp-a", NINE, 10, 2, 1),
                new TrafficCount("tpp-a", TEN, 5, 0, 0)), List.of(NINE, TEN), TrafficCount.Period.HOUR);

        double plot = TrafficChart.HEIGHT - TrafficChart.BOTTOM - TrafficChart.TOP;
        var busiest = chart.bars().getFirst();
        assertThat(busiest.label()).isEqualTo("09:00");
        assertThat(busiest.segments()).extracting(TrafficChart.Segment::kind)
                .containsExactly("ok", "rejected", "error");
        assertThat(busiest.segments().stream().mapToDouble(TrafficChart.Segment::height).sum()).isEqualTo(plot);
        assertThat(busiest.segments().getLast().y()).isEqualTo(TrafficChart.TOP);
        assertThat(chart.bars().getLast().segments()).singleElement()
                .satisfies(segment -> assertThat(segment.height()).isEqualTo(plot / 2));
        assertThat(chart.calls()).isEqualTo(15);
        assertThat(chart.rejections()).isEqualTo(2);
        assertThat(chart.errors()).isEqualTo(1);
    }

    @Test
    void ofWhenAPeriodHadNoCallsThenItsBarIsEmptyAndLabelled() {
        var chart = TrafficChart.of("tpp-a", "株式会社A", List.of(new TrafficCount("tpp-a", TEN, 3, 0, 0)),
                List.of(NINE, TEN), TrafficCount.Period.HOUR);

        assertThat(chart.bars().getFirst().segments()).isEmpty();
        assertThat(chart.bars().getFirst().calls()).isZero();
        assertThat(chart.bars()).extracting(TrafficChart.Bar::label).containsExactly("09:00", "10:00");
    }
}

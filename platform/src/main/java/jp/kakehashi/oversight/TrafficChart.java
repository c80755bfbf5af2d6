package jp.kakehashi.oversight;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kakehashi.audit.TrafficCount;
import jp.kakehashi.shared.BusinessClock;

/**
 * The geometry of one TPP's traffic chart (F4), computed on the server so the page needs no script:
 * one stacked bar per period, answered calls at the bottom, rejections (4xx) above, errors (5xx) on top; periods
 * without calls are empty bars. Coordinates are in the SVG's own units ({@link #WIDTH} × {@link #HEIGHT}).
 */
record TrafficChart(String tppId, String tppName, List<Bar> bars, long max, List<Tick> ticks, long calls,
        long rejections, long errors) {

    static final int WIDTH = 720;
    static final int HEIGHT = 200;
    static final int LEFT = 40;
    static final int BOTTOM = 20;
    static final int TOP = 10;

    /** One period's bar and the figures for the table beside it. */
    record Bar(String label, double x, double width, List<Segment> segments, long calls, long rejections,
            long errors) {
    }

    /** A coloured part of a bar. */
    record Segment(String kind, double y, double height) {
    }

    /** A value mark on the vertical axis. */
    record Tick(long value, double y) {
    }

    static TrafficChart of(String tppId, String tppName, List<TrafficCount> counts, List<Instant> periods,
            TrafficCount.Period period) {
        Map<Instant, TrafficCount> byPeriod = counts.stream()
                .collect(Collectors.toMap(TrafficCount::periodStart, Function.identity()));
        long max = Math.max(1, counts.stream().mapToLong(TrafficCount::calls).max().orElse(0));
        double plot = HEIGHT - BOTTOM - TOP;
        double slot = (double) (WIDTH - LEFT) / periods.size();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(period == TrafficCount.Period.HOUR ? "HH:00" : "MM-dd");
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            TrafficCount count = byPeriod.getOrDefault(periods.get(i),
                    new TrafficCount(tppId, periods.get(i), 0, 0, 0));
            long answered = count.calls() - count.rejections() - count.errors();
            List<Segment> segments = new ArrayList<>();
            double top = TOP + plot;
            for (var part : List.of(Map.entry("ok", answered), Map.entry("rejected", count.rejections()),
                    Map.entry("error", count.errors()))) {
                double height = part.getValue() * plot / max;
                if (height > 0) {
                    top -= height;
                    segments.add(new Segment(part.getKey(), round(top), round(height)));
                }
            }
            String label = ZonedDateTime.ofInstant(periods.get(i), BusinessClock.TOKYO).format(format);
            bars.add(new Bar(label, round(LEFT + i * slot + slot * 0.1), round(slot * 0.8), segments, count.calls(),
                    count.rejections(), count.errors()));
        }
        double half = round(TOP + plot - (max / 2) * plot / max);
        List<Tick> ticks = List.of(new Tick(0, TOP + plot), new Tick(max / 2, half), new Tick(max, TOP));
        return new TrafficChart(tppId, tppName, bars, max, ticks,
                counts.stream().mapToLong(TrafficCount::calls).sum(),
                counts.stream().mapToLong(TrafficCount::rejections).sum(),
                counts.stream().mapToLong(TrafficCount::errors).sum());
    }

    /** Every few bars carry a label, so that 30 days or 24 hours stay readable. */
    public boolean labelled(int index) {
        return index % Math.max(1, bars.size() / 8) == 0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

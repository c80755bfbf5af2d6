package jp.kakehashi.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.audit.TrafficCount;
import jp.kakehashi.shared.BusinessClock;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.Tpps;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's traffic charts (C1, F4): API calls, rejections and errors per TPP, per hour over
 * the last day or per day over the last month, from the API execution log; drawn as inline SVG with a table of the
 * same figures for screen readers.
 */
@Controller
class TrafficCharts {

    private final ExecutionLogRecords log;
    private final Tpps tpps;
    private final Clock clock;

    TrafficCharts(ExecutionLogRecords log, Tpps tpps, Clock clock) {
        this.log = log;
        this.tpps = tpps;
        this.clock = clock;
    }

    @GetMapping("/console/monitoring/charts")
    String charts(@RequestParam(defaultValue = "day") String range, Model model) {
        TrafficCount.Period period = "month".equals(range) ? TrafficCount.Period.DAY : TrafficCount.Period.HOUR;
        List<Instant> periods = periods(period);
        Instant from = periods.getFirst();
        Instant to = period == TrafficCount.Period.HOUR ? periods.getLast().plus(1, ChronoUnit.HOURS)
                : periods.getLast().atZone(BusinessClock.TOKYO).plusDays(1).toInstant();
        Map<String, List<TrafficCount>> byTpp = log.trafficPerTpp(from, to, period).stream()
                .collect(Collectors.groupingBy(TrafficCount::tppId, java.util.TreeMap::new, Collectors.toList()));
        Map<String, String> names = tpps.all().stream().collect(Collectors.toMap(Tpp::id, Tpp::legalName));
        model.addAttribute("range", period == TrafficCount.Period.HOUR ? "day" : "month");
        model.addAttribute("charts", byTpp.entrySet().stream().map(entry -> TrafficChart.of(entry.getKey(),
                names.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue(), periods, period)).toList());
        model.addAttribute("width", TrafficChart.WIDTH);
        model.addAttribute("height", TrafficChart.HEIGHT);
        return "console/monitoring/charts";
    }

    /** The starts of the periods shown, oldest first: the last 24 hours, or the last 30 business days in Tokyo. */
    List<Instant> periods(TrafficCount.Period period) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(BusinessClock.TOKYO));
        List<Instant> starts = new ArrayList<>();
        if (period == TrafficCount.Period.HOUR) {
            ZonedDateTime hour = now.truncatedTo(ChronoUnit.HOURS);
            for (int i = 23; i >= 0; i--) {
                starts.add(hour.minusHours(i).toInstant());
            }
        }
        else {
            ZonedDateTime day = now.truncatedTo(ChronoUnit.DAYS);
            for (int i = 29; i >= 0; i--) {
                starts.add(day.minusDays(i).toInstant());
            }
        }
        return starts;
    }
}

package jp.kakehashi.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import jp.kakehashi.availability.ServiceStop;
import jp.kakehashi.availability.ServiceStops;
import jp.kakehashi.availability.StopAnnouncement;
import jp.kakehashi.availability.StoppedApi;
import jp.kakehashi.incident.Incident;
import jp.kakehashi.incident.IncidentEntry;
import jp.kakehashi.incident.IncidentKind;
import jp.kakehashi.incident.IncidentReport;
import jp.kakehashi.incident.Incidents;
import jp.kakehashi.incident.Reporting;
import jp.kakehashi.incident.Severity;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sandbox's incident desk (C6, E6): an outage the demo TPP reported, with the bank's call to it on the timeline,
 * and a planned stop of the payment API two weeks ahead, so the console's and the portal's pages show something.
 * Runs once the demo TPP exists (after every runner); idempotent.
 */
@Component
@Profile("demo")
class DemoIncidents {

    private final Incidents incidents;
    private final ServiceStops stops;
    private final Clock clock;

    DemoIncidents(Incidents incidents, ServiceStops stops, Clock clock) {
        this.incidents = incidents;
        this.stops = stops;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (incidents.ofTpp(DemoData.DEMO_TPP).isEmpty()) {
            var reported = incidents.report(new IncidentReport(DemoData.DEMO_TPP, IncidentKind.OUTAGE, Severity.MEDIUM,
                    "API連携サーバーの応答遅延", "当社の口座連携サーバーで応答遅延が発生しています。復旧作業中です。",
                    clock.instant().minus(Duration.ofHours(2)), Incident.Reporter.TPP, "tpp:ops@demo-fintech.example"));
            if (reported instanceof Reporting.Recorded recorded) {
                incidents.note(recorded.incident().id(), IncidentEntry.Kind.TPP_CONTACTED,
                        "TPP障害窓口に電話で状況を確認。復旧見込みは本日中。", "operator");
            }
        }
        if (stops.upcoming().stream().noneMatch(stop -> stop.side() == ServiceStop.Side.BANK)) {
            var day = LocalDate.now(clock.withZone(BusinessClock.TOKYO)).plusDays(14);
            stops.announce(new StopAnnouncement(null, StoppedApi.PAYMENT,
                    day.atTime(LocalTime.of(2, 0)).atZone(BusinessClock.TOKYO).toInstant(),
                    day.atTime(LocalTime.of(5, 0)).atZone(BusinessClock.TOKYO).toInstant(),
                    "勘定系システムの定期保守のため、振込APIを停止します。", false, "operator"));
        }
    }
}

package jp.kakehashi.incidentdesk;

import java.time.Instant;
import jp.kakehashi.admin.ConsoleAccess;
import jp.kakehashi.admin.ConsoleAccessRules;
import jp.kakehashi.admin.ConsoleDashboardItem;
import jp.kakehashi.admin.ConsoleLink;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.availability.ServiceStops;
import jp.kakehashi.incident.IncidentStatus;
import jp.kakehashi.incident.Incidents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The desk's place in the console (C4 least privilege): operators act on incidents and stops, every staff member
 * reads them; a menu entry each; open incidents and stops in effect on the dashboard.
 */
@Configuration(proxyBeanMethods = false)
class IncidentDeskConsole {

    @Bean
    ConsoleAccessRules incidentDeskAccess() {
        return ConsoleAccessRules.of(ConsoleAccess.post("/console/incidents/**", StaffRole.OPERATOR),
                ConsoleAccess.post("/console/stops/**", StaffRole.OPERATOR));
    }

    @Bean
    ConsoleLink incidentsLink() {
        return ConsoleLink.forAll("/console/incidents", "incidents.console.nav.incidents", 60);
    }

    @Bean
    ConsoleLink stopsLink() {
        return ConsoleLink.forAll("/console/stops", "incidents.console.nav.stops", 61);
    }

    @Bean
    ConsoleDashboardItem openIncidents(Incidents incidents, ServiceStops stops) {
        return staff -> {
            long open = incidents.all().stream().filter(i -> i.status() != IncidentStatus.CLOSED).count();
            long inEffect = stops.upcoming().stream().filter(s -> s.inEffectAt(Instant.now())).count();
            return ConsoleDashboardItem.nonZero(new ConsoleDashboardItem.Entry("incidents.console.dashboard.open", open,
                            null, "/console/incidents", null, open > 0),
                    ConsoleDashboardItem.Entry.waiting("incidents.console.dashboard.stops", inEffect, "/console/stops"));
        };
    }
}

package jp.kakehashi.oversight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kakehashi.admin.ConsoleDashboardItem;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.shared.BusinessClock;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.monitoring.CapacityCheck;
import jp.kakehashi.tpp.monitoring.CompensationCapacities;
import jp.kakehashi.tpp.monitoring.ImprovementRequest;
import jp.kakehashi.tpp.monitoring.MonitoringSchedule;
import jp.kakehashi.tpp.monitoring.TppMonitoring;
import org.springframework.stereotype.Component;

/**
 * Puts what oversight has due on the console's dashboard (A5, A6, E5): reviews due soon or overdue, improvement
 * requests past their deadline, and connected TPPs whose compensation capacity is missing, ending or unchecked.
 * Auditors see nothing here: they do not act on it.
 */
@Component
class OversightDashboard implements ConsoleDashboardItem {

    private static final EnumSet<TppStatus> CONNECTED = EnumSet.of(TppStatus.APPROVED, TppStatus.ACTIVE,
            TppStatus.RESTRICTED);

    private final TppMonitoring monitoring;
    private final CompensationCapacities capacities;
    private final Tpps tpps;

    OversightDashboard(TppMonitoring monitoring, CompensationCapacities capacities, Tpps tpps) {
        this.monitoring = monitoring;
        this.capacities = capacities;
        this.tpps = tpps;
    }

    @Override
    public List<Entry> entriesFor(StaffMember staff) {
        if (!staff.hasAny(EnumSet.of(StaffRole.REVIEWER, StaffRole.OPERATOR, StaffRole.APPROVER))) {
            return List.of();
        }
        LocalDate today = monitoring.today();
        Map<String, Tpp> byId = tpps.all().stream().collect(Collectors.toMap(Tpp::id, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        for (var due : monitoring.dueReviews(today)) {
            boolean overdue = due.state() == MonitoringSchedule.State.OVERDUE;
            entries.add(new Entry(overdue ? "monitoring.dashboard.review-overdue" : "monitoring.dashboard.review-due",
                    1, name(byId, due.tppId()), page(due.tppId()), startOf(due.due()), overdue));
        }
        monitoring.overdueRequests(today).stream()
                .collect(Collectors.groupingBy(ImprovementRequest::tppId, java.util.TreeMap::new, Collectors.toList()))
                .forEach((tppId, late) -> entries.add(new Entry("monitoring.dashboard.requests-overdue", late.size(),
                        name(byId, tppId), page(tppId), startOf(late.getFirst().dueOn()), true)));
        for (Tpp tpp : byId.values().stream().filter(candidate -> CONNECTED.contains(candidate.status()))
                .sorted(java.util.Comparator.comparing(Tpp::legalName).thenComparing(Tpp::id)).toList()) {
            var state = CapacityCheck.stateOn(capacities.of(tpp.id()), today);
            if (state != CapacityCheck.State.VALID) {
                entries.add(new Entry("monitoring.dashboard.capacity-" + state.name(), 1, tpp.legalName(),
                        page(tpp.id()) + "/capacity", null, state == CapacityCheck.State.MISSING));
            }
        }
        return entries;
    }

    private static String name(Map<String, Tpp> byId, String tppId) {
        Tpp tpp = byId.get(tppId);
        return tpp == null ? tppId : tpp.legalName();
    }

    private static String page(String tppId) {
        return "/console/monitoring/tpps/" + tppId;
    }

    // noon in Tokyo: the same calendar day in Tokyo and in UTC, whichever zone the dashboard formats it in
    private static Instant startOf(LocalDate day) {
        return day.atTime(12, 0).atZone(BusinessClock.TOKYO).toInstant();
    }
}

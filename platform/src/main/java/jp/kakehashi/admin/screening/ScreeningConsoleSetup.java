package jp.kakehashi.admin.screening;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import jp.kakehashi.admin.ConsoleAccess;
import jp.kakehashi.admin.ConsoleDashboardItem;
import jp.kakehashi.admin.ConsoleLink;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The screening pages' menu entries, access rules (reviewers act, everyone reads) and dashboard lines. */
@Configuration(proxyBeanMethods = false)
class ScreeningConsoleSetup {

    @Bean
    ConsoleLink screeningLink() {
        return new ConsoleLink("/console/screening", "screening.nav", 20,
                EnumSet.of(StaffRole.REVIEWER, StaffRole.APPROVER, StaffRole.AUDITOR));
    }

    @Bean
    ConsoleLink checklistLink() {
        return new ConsoleLink("/console/screening/checklist", "screening.nav.checklist", 21,
                EnumSet.of(StaffRole.REVIEWER, StaffRole.APPROVER, StaffRole.AUDITOR));
    }

    /** Only reviewers screen and propose checklist changes; approvers decide in the approvals queue. */
    @Bean
    ConsoleAccess screeningActions() {
        return ConsoleAccess.post("/console/screening/**", StaffRole.REVIEWER);
    }

    @Bean
    ConsoleDashboardItem applicationsToScreen(Tpps tpps) {
        return staff -> {
            if (!staff.has(StaffRole.REVIEWER)) {
                return List.of();
            }
            var entries = new ArrayList<ConsoleDashboardItem.Entry>();
            int applied = tpps.inStatus(EnumSet.of(TppStatus.APPLIED)).size();
            int screening = tpps.inStatus(EnumSet.of(TppStatus.SCREENING)).size();
            if (applied > 0) {
                entries.add(new ConsoleDashboardItem.Entry("screening.dashboard.applied", applied, null,
                        "/console/screening", null, false));
            }
            if (screening > 0) {
                entries.add(new ConsoleDashboardItem.Entry("screening.dashboard.screening", screening, null,
                        "/console/screening", null, false));
            }
            return List.copyOf(entries);
        };
    }
}

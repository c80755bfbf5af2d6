package jp.kakehashi.admin.screening;

import java.util.EnumSet;
import java.util.List;
import jp.kakehashi.admin.ConsoleAccess;
import jp.kakehashi.admin.ConsoleAccessRules;
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
    ConsoleAccessRules screeningActions() {
        return ConsoleAccessRules.of(ConsoleAccess.post("/console/screening/**", StaffRole.REVIEWER));
    }

    @Bean
    ConsoleDashboardItem applicationsToScreen(Tpps tpps) {
        return staff -> {
            if (!staff.has(StaffRole.REVIEWER)) {
                return List.of();
            }
            int applied = tpps.inStatus(EnumSet.of(TppStatus.APPLIED)).size();
            int screening = tpps.inStatus(EnumSet.of(TppStatus.SCREENING)).size();
            return ConsoleDashboardItem.nonZero(
                    ConsoleDashboardItem.Entry.waiting("screening.dashboard.applied", applied, "/console/screening"),
                    ConsoleDashboardItem.Entry.waiting("screening.dashboard.screening", screening, "/console/screening"));
        };
    }
}

package jp.kakehashi.oversight;

import jp.kakehashi.admin.ConsoleAccess;
import jp.kakehashi.admin.ConsoleAccessRules;
import jp.kakehashi.admin.ConsoleLink;
import jp.kakehashi.admin.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The oversight screens' menu entries and who may change what (C4 least privilege): reviewers and operators record
 * monitoring, capacity and chained parties; reviewers import other banks' assessments; only approvers export the
 * bank's own signed assessment and approve a chained party. Everyone signed in may read.
 */
@Configuration(proxyBeanMethods = false)
class OversightConsole {

    @Bean
    ConsoleLink monitoringLink() {
        return ConsoleLink.forAll("/console/monitoring", "monitoring.nav", 40);
    }

    @Bean
    ConsoleLink chartsLink() {
        return ConsoleLink.forAll("/console/monitoring/charts", "monitoring.charts.nav", 45);
    }

    @Bean
    ConsoleAccessRules oversightAccess() {
        return ConsoleAccessRules.of(
                ConsoleAccess.post("/console/monitoring/tpps/**", StaffRole.REVIEWER, StaffRole.OPERATOR),
                ConsoleAccess.post("/console/monitoring/tpps/*/assessments/import", StaffRole.REVIEWER),
                ConsoleAccess.post("/console/monitoring/tpps/*/assessments/export", StaffRole.APPROVER),
                ConsoleAccess.post("/console/tpps/*/chain/**", StaffRole.OPERATOR, StaffRole.REVIEWER),
                ConsoleAccess.post("/console/tpps/*/chain/parties/*/approve", StaffRole.APPROVER));
    }
}

package jp.kakehashi.oversight;

import java.util.EnumSet;
import jp.kakehashi.admin.ConsoleAccess;
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
    ConsoleAccess monitoringChanges() {
        return ConsoleAccess.post("/console/monitoring/tpps/**", StaffRole.REVIEWER, StaffRole.OPERATOR);
    }

    @Bean
    ConsoleAccess assessmentImport() {
        return ConsoleAccess.post("/console/monitoring/tpps/*/assessments/import", StaffRole.REVIEWER);
    }

    @Bean
    ConsoleAccess assessmentExport() {
        return ConsoleAccess.post("/console/monitoring/tpps/*/assessments/export", StaffRole.APPROVER);
    }

    @Bean
    ConsoleAccess chainChanges() {
        return new ConsoleAccess(org.springframework.http.HttpMethod.POST, "/console/tpps/*/chain/**",
                EnumSet.of(StaffRole.OPERATOR, StaffRole.REVIEWER));
    }

    @Bean
    ConsoleAccess chainApproval() {
        return ConsoleAccess.post("/console/tpps/*/chain/parties/*/approve", StaffRole.APPROVER);
    }
}

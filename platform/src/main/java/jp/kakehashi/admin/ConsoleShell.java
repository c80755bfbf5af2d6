package jp.kakehashi.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shell's own menu entries, access rules and dashboard lines (C4). */
@Configuration(proxyBeanMethods = false)
class ConsoleShell {

    @Bean
    ConsoleLink dashboardLink() {
        return ConsoleLink.forAll("/console", "console.nav.dashboard", 0);
    }

    @Bean
    ConsoleLink approvalsLink() {
        // everyone: approvers decide, requesters of any role follow and withdraw their own, auditors read
        return ConsoleLink.forAll("/console/approvals", "console.nav.approvals", 90);
    }

    /** Approvers decide; a requester (any role that may request) withdraws their own. */
    @Bean
    ConsoleAccessRules approvalsAccess() {
        return ConsoleAccessRules.of(ConsoleAccess.post("/console/approvals/*/decide", StaffRole.APPROVER),
                ConsoleAccess.post("/console/approvals/*/withdraw", StaffRole.OPERATOR, StaffRole.REVIEWER,
                        StaffRole.APPROVER));
    }

    /** Pending requests an approver could decide (not their own), and the requester's own still waiting. */
    @Bean
    ConsoleDashboardItem pendingApprovals(StaffRequests requests) {
        return staff -> {
            var pending = requests.pending();
            long toDecide = staff.has(StaffRole.APPROVER)
                    ? pending.stream().filter(r -> !r.requestedBy().equals(staff.id())).count() : 0;
            long mine = pending.stream().filter(r -> r.requestedBy().equals(staff.id())).count();
            return ConsoleDashboardItem.nonZero(
                    ConsoleDashboardItem.Entry.waiting("console.dashboard.to-approve", toDecide, "/console/approvals"),
                    ConsoleDashboardItem.Entry.waiting("console.dashboard.my-pending", mine, "/console/approvals"));
        };
    }
}

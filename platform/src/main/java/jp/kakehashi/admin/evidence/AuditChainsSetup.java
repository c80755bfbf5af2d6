package jp.kakehashi.admin.evidence;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import jp.kakehashi.admin.ConsoleAccessRules;
import jp.kakehashi.admin.ConsoleDashboardItem;
import jp.kakehashi.admin.ConsoleLink;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.audit.ChainVerification;
import jp.kakehashi.audit.EvidenceProtection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The page's menu entry and access (auditors: checking the evidence is theirs, C4) and its dashboard lines: a broken
 * chain, and evidence the platform's own database role could rewrite; both are shown to every staff member, since
 * whoever sees them first should raise them, and lead to the auditors' page.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainsSetup {

    @Bean
    ConsoleLink auditChainsLink() {
        return new ConsoleLink(AuditChainsConsole.PATH, "console.nav.audit-chains", 85, EnumSet.of(StaffRole.AUDITOR));
    }

    @Bean
    ConsoleAccessRules auditChainsAccess() {
        return ConsoleAccessRules.pageOnlyFor(AuditChainsConsole.PATH, StaffRole.AUDITOR);
    }

    @Bean
    ConsoleDashboardItem brokenChains(ChainVerification verification, EvidenceProtection protection) {
        return staff -> {
            List<ConsoleDashboardItem.Entry> entries = new ArrayList<>();
            // a stall alone is said as one: the evidence is not yet changed, but no longer protected in time
            verification.statuses().stream().filter(s -> s.status() == ChainVerification.Status.BROKEN)
                    .forEach(s -> entries.add(new ConsoleDashboardItem.Entry(s.tampered()
                            ? "console.dashboard.chain-broken" : "console.dashboard.chain-stalled",
                            s.firstBroken(), s.name(), AuditChainsConsole.PATH, null, false)));
            if (protection.weakness() != null) {
                entries.add(new ConsoleDashboardItem.Entry("console.dashboard.evidence-unprotected", 1,
                        protection.weakness(), AuditChainsConsole.PATH, null, false));
            }
            return entries;
        };
    }
}

package jp.kakehashi.admin.tpps;

import jp.kakehashi.admin.ApprovedAction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import jp.kakehashi.admin.ConsoleAccess;
import jp.kakehashi.admin.ConsoleAccessRules;
import jp.kakehashi.admin.ConsoleDashboardItem;
import jp.kakehashi.admin.ConsoleLink;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.Tpps;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The TPP screens' menu entry, their access rules (every staff member reads; only operators ask for a move or
 * activate) and the four maker-checker kinds.
 */
@Configuration(proxyBeanMethods = false)
class TppConsoleSetup {

    @Bean
    ConsoleLink tppsLink() {
        return ConsoleLink.forAll("/console/tpps", "console.nav.tpps", 10);
    }

    /** Operators ask for each lifecycle move and activate an approved TPP. */
    @Bean
    ConsoleAccessRules tppAccess() {
        var rules = new ArrayList<ConsoleAccess>();
        for (TppMove move : TppMove.values()) {
            rules.add(ConsoleAccess.any("/console/tpps/*/" + move.path(), StaffRole.OPERATOR));
        }
        rules.add(ConsoleAccess.post("/console/tpps/*/activate", StaffRole.OPERATOR));
        return new ConsoleAccessRules(rules);
    }

    @Bean
    ApprovedAction tppRestrictAction(TppLifecycle lifecycle, Tpps tpps, MessageSource messages) {
        return new TppMoveAction(TppMove.RESTRICT, lifecycle, tpps, messages);
    }

    @Bean
    ApprovedAction tppSuspendAction(TppLifecycle lifecycle, Tpps tpps, MessageSource messages) {
        return new TppMoveAction(TppMove.SUSPEND, lifecycle, tpps, messages);
    }

    @Bean
    ApprovedAction tppResumeAction(TppLifecycle lifecycle, Tpps tpps, MessageSource messages) {
        return new TppMoveAction(TppMove.RESUME, lifecycle, tpps, messages);
    }

    @Bean
    ApprovedAction tppRevokeAction(TppLifecycle lifecycle, Tpps tpps, MessageSource messages) {
        return new TppMoveAction(TppMove.REVOKE, lifecycle, tpps, messages);
    }

    /** Approved TPPs wait for an operator to connect them; cut-off TPPs stay in view until resumed or revoked. */
    @Bean
    ConsoleDashboardItem tppsToAttend(Tpps tpps) {
        return staff -> {
            if (!staff.hasAny(EnumSet.of(StaffRole.OPERATOR, StaffRole.APPROVER))) {
                return List.of();
            }
            var waiting = tpps.inStatus(List.of(TppStatus.APPROVED, TppStatus.SUSPENDED)).stream()
                    .collect(java.util.stream.Collectors.groupingBy(jp.kakehashi.tpp.Tpp::status, java.util.stream.Collectors.counting()));
            long approved = staff.has(StaffRole.OPERATOR) ? waiting.getOrDefault(TppStatus.APPROVED, 0L) : 0;
            return ConsoleDashboardItem.nonZero(
                    ConsoleDashboardItem.Entry.waiting("console.dashboard.tpps-to-activate", approved,
                            "/console/tpps?status=APPROVED"),
                    ConsoleDashboardItem.Entry.waiting("console.dashboard.tpps-suspended",
                            waiting.getOrDefault(TppStatus.SUSPENDED, 0L), "/console/tpps?status=SUSPENDED"));
        };
    }
}

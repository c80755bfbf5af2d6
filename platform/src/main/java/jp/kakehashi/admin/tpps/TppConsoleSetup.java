package jp.kakehashi.admin.tpps;

import jp.kakehashi.admin.ApprovedAction;
import jp.kakehashi.admin.ConsoleAccess;
import jp.kakehashi.admin.ConsoleLink;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.tpp.TppLifecycle;
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

    @Bean
    ConsoleAccess tppRestrict() {
        return ConsoleAccess.any("/console/tpps/*/restrict", StaffRole.OPERATOR);
    }

    @Bean
    ConsoleAccess tppSuspend() {
        return ConsoleAccess.any("/console/tpps/*/suspend", StaffRole.OPERATOR);
    }

    @Bean
    ConsoleAccess tppResume() {
        return ConsoleAccess.any("/console/tpps/*/resume", StaffRole.OPERATOR);
    }

    @Bean
    ConsoleAccess tppRevoke() {
        return ConsoleAccess.any("/console/tpps/*/revoke", StaffRole.OPERATOR);
    }

    @Bean
    ConsoleAccess tppActivate() {
        return ConsoleAccess.post("/console/tpps/*/activate", StaffRole.OPERATOR);
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
}

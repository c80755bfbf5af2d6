package jp.kakehashi.admin.export;

import java.util.EnumSet;
import jp.kakehashi.admin.ApprovedAction;
import jp.kakehashi.admin.ConsoleAccess;
import jp.kakehashi.admin.ConsoleAccessRules;
import jp.kakehashi.admin.ConsoleLink;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.consent.GrantsOfTpp;
import jp.kakehashi.tpp.Tpps;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Exports are an operator's page; approvers approve them on the approvals page. */
@Configuration(proxyBeanMethods = false)
class ExportSetup {

    @Bean
    ConsoleLink exportsLink() {
        return new ConsoleLink("/console/exports", "console.nav.exports", 70, EnumSet.of(StaffRole.OPERATOR));
    }

    @Bean
    ConsoleAccessRules exports() {
        return ConsoleAccessRules.of(ConsoleAccess.any("/console/exports/**", StaffRole.OPERATOR));
    }

    @Bean
    ApprovedAction tppGrantsExport(GrantsOfTpp grants, Tpps tpps, StaffExports exports, MessageSource messages) {
        return new TppGrantsExport(grants, tpps, exports, messages);
    }
}

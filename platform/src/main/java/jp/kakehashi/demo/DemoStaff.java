package jp.kakehashi.demo;

import java.util.EnumSet;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.admin.StaffRole;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The sandbox's staff accounts for the console (C4), one per role and a second approver, all with the documented
 * password and TOTP secret (add the secret to an authenticator app). Idempotent: existing accounts stay as they are.
 */
@Component
@Profile("demo")
class DemoStaff implements ApplicationRunner {

    static final String PASSWORD = "Kakehashi#Staff2026";
    static final String TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    private final StaffAccounts accounts;

    DemoStaff(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.ensure("reviewer", "審査 花子", PASSWORD, TOTP_SECRET, EnumSet.of(StaffRole.REVIEWER));
        accounts.ensure("approver", "承認 一郎", PASSWORD, TOTP_SECRET, EnumSet.of(StaffRole.APPROVER));
        accounts.ensure("approver2", "承認 二郎", PASSWORD, TOTP_SECRET, EnumSet.of(StaffRole.APPROVER));
        accounts.ensure("operator", "運用 太郎", PASSWORD, TOTP_SECRET, EnumSet.of(StaffRole.OPERATOR));
        accounts.ensure("auditor", "監査 桜", PASSWORD, TOTP_SECRET, EnumSet.of(StaffRole.AUDITOR));
    }
}

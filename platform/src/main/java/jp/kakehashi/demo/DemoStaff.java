package jp.kakehashi.demo;

import java.util.EnumSet;
import java.util.Map;
import jp.kakehashi.admin.StaffAccounts;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRequests;
import jp.kakehashi.admin.StaffRole;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The sandbox's staff accounts for the console (C4), one per role and a second approver, all with the documented
 * password and TOTP secret (add the secret to an authenticator app), and one request waiting for approval so the
 * approvals page has something in it. Idempotent: existing accounts stay as they are; the request is filed once.
 */
@Component
@Profile("demo")
class DemoStaff implements ApplicationRunner {

    static final String PASSWORD = "Kakehashi#Staff2026";
    static final String TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

    private final StaffAccounts accounts;
    private final StaffRequests requests;

    DemoStaff(StaffAccounts accounts, StaffRequests requests) {
        this.accounts = accounts;
        this.requests = requests;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.ensure("reviewer", "審査 花子", PASSWORD, TOTP_SECRET, EnumSet.of(StaffRole.REVIEWER));
        accounts.ensure("approver", "承認 一郎", PASSWORD, TOTP_SECRET, EnumSet.of(StaffRole.APPROVER));
        accounts.ensure("approver2", "承認 二郎", PASSWORD, TOTP_SECRET, EnumSet.of(StaffRole.APPROVER));
        accounts.ensure("operator", "運用 太郎", PASSWORD, TOTP_SECRET, EnumSet.of(StaffRole.OPERATOR));
        accounts.ensure("auditor", "監査 桜", PASSWORD, TOTP_SECRET, EnumSet.of(StaffRole.AUDITOR));
    }

    /** After every runner (the demo TPP is DemoData's): an export of the demo TPP's customers, awaiting approval. */
    @EventListener(ApplicationReadyEvent.class)
    void pendingRequest() {
        if (!requests.about(DemoData.DEMO_TPP).isEmpty()) {
            return;
        }
        StaffMember operator = accounts.findByLogin("operator").orElseThrow();
        requests.request(operator, "export.tpp-grants", DemoData.DEMO_TPP, Map.of(),
                "デモ: 問い合わせ対応のため、デモフィンテックの同意がある顧客を確認したい");
    }
}

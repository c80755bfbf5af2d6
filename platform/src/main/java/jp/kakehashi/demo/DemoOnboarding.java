package jp.kakehashi.demo;

import java.util.List;
import java.util.Set;
import jp.kakehashi.portal.ApplicationIntake;
import jp.kakehashi.portal.PortalAccounts;
import jp.kakehashi.tpp.TppApplication;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import jp.kakehashi.tpp.TppApplication.IncidentContact;
import jp.kakehashi.tpp.screening.Answer;
import jp.kakehashi.tpp.screening.Assessment;
import jp.kakehashi.tpp.screening.Checklist;
import jp.kakehashi.tpp.screening.ChecklistItem;
import jp.kakehashi.tpp.screening.Reference;
import jp.kakehashi.tpp.screening.Screening;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox's developer portal and screening (A1–A3): a portal account with two applications, one just received
 * and one a reviewer has started screening with some findings and a certification, so the portal home and the
 * console's screening pages have something in them. Created once; a later start leaves them as they are.
 */
@Component
@Profile("demo")
class DemoOnboarding implements ApplicationRunner {

    static final String APPLICANT = "developer@sample-kakeibo.example.jp";
    static final String PASSWORD = "Kakehashi#Portal2026";

    private final PortalAccounts accounts;
    private final ApplicationIntake intake;
    private final Screening screening;
    private final Checklist checklist;

    DemoOnboarding(PortalAccounts accounts, ApplicationIntake intake, Screening screening, Checklist checklist) {
        this.accounts = accounts;
        this.intake = intake;
        this.screening = screening;
        this.checklist = checklist;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.find(APPLICANT).isPresent()) {
            return;
        }
        intake.submit(application("株式会社サンプル家計簿", "Sample Kakeibo K.K.", "サンプル家計簿", "Sample Kakeibo",
                Set.of(ApiClass.READ), Set.of("accounts", "balances", "transactions")), answers(), PASSWORD);
        var second = intake.submit(application("株式会社サンプル送金", "Sample Payments K.K.", "サンプル送金",
                "Sample Payments", Set.of(ApiClass.READ, ApiClass.PAYMENT), Set.of("accounts", "transfers")),
                answers(), PASSWORD);
        String tppId = ((ApplicationIntake.Intake.Submitted) second).tppId();
        screening.start(tppId, "staff-reviewer");
        checklist.ofApplication(tppId).stream().limit(3).forEach(item -> screening.recordFinding(tppId, item.id(),
                Assessment.SATISFIED, "規程と運用記録で確認した。", "staff-reviewer"));
        screening.recordReference(tppId, new Reference(0, Reference.Kind.CERTIFICATION, "ISO/IEC 27001",
                "一般財団法人日本品質保証機構", "JQA-IM0000", java.time.LocalDate.of(2028, 3, 31), "staff-reviewer", null));
    }

    private List<Answer> answers() {
        return checklist.current().stream().map(DemoOnboarding::answer).toList();
    }

    private static Answer answer(ChecklistItem item) {
        return new Answer(item.id(), "社内規程に定め、担当役員のもとで年1回見直しています（" + item.title(null) + "）。",
                "社内規程集・取締役会議事録（提出資料 " + item.code() + "）");
    }

    private static TppApplication application(String legalName, String legalNameEn, String service, String serviceEn,
            Set<ApiClass> classes, Set<String> scopes) {
        return new TppApplication(legalName, legalNameEn, service, serviceEn, "代表取締役 見本 太郎",
                "東京都渋谷区神南1-1-1", "03-5555-0000", "support@sample-kakeibo.example.jp",
                "https://sample-kakeibo.example.jp/inquiry", "関東財務局長（電代）第100号", APPLICANT, classes, scopes,
                List.of("https://sample-kakeibo.example.jp/callback"),
                "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"sample-1\","
                        + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                        + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}",
                null, List.of(new IncidentContact("見本 花子", "情報セキュリティ責任者", "security@sample-kakeibo.example.jp",
                        "03-5555-0001")), "お客さまに過失のない損害は当社が補償し、当社の負担で返金します。");
    }
}

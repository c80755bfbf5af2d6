package jp.kakehashi.portal;

import java.util.List;
import java.util.Set;
import jp.kakehashi.tpp.TppApplication;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import jp.kakehashi.tpp.TppApplication.IncidentContact;

/** A complete application as tests submit it. */
final class PortalApplications {

    private PortalApplications() {
    }

    static TppApplication example(String applicantEmail) {
        return new TppApplication("株式会社テスト家計簿", "Test Kakeibo K.K.", "テスト家計簿", "Test Kakeibo", "試験 一郎",
                "東京都千代田区丸の内1-1-1", "03-0000-0000", "support@test-kakeibo.example.jp",
                "https://test-kakeibo.example.jp/inquiry", "関東財務局長（電代）第99号", applicantEmail,
                Set.of(ApiClass.READ), Set.of("accounts", "balances"), List.of("https://test-kakeibo.example.jp/cb"),
                "{\"keys\":[]}", null, List.of(new IncidentContact("試験 次郎", "CISO", "ciso@test-kakeibo.example.jp",
                        "03-0000-0001")), "利用者に過失がない損害は当社が補償します。");
    }
}

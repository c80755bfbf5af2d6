package jp.kakehashi.systemtests.support;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/** The developer portal's application form, filled as a TPP's developer would. */
public final class PortalScreens {

    public static final String PASSWORD = "Portal#Applicant2026";

    private PortalScreens() {
    }

    /** Fills every field of the open application form with a complete application of this company. */
    public static void fillApplication(Page page, String email, String legalName) {
        page.locator("#email").fill(email);
        fillPasswords(page);
        page.locator("#legalName").fill(legalName);
        page.locator("#legalNameEn").fill("Browser Test K.K.");
        page.locator("#representative").fill("代表取締役 試験 太郎");
        page.locator("#address").fill("東京都千代田区大手町1-1-1");
        page.locator("#contactPhone").fill("03-1111-2222");
        page.locator("#contactEmail").fill("support@browser.example.jp");
        page.locator("#inquiryUrl").fill("https://browser.example.jp/inquiry");
        page.locator("#registrationNumber").fill("関東財務局長（電代）第77号");
        page.locator("#serviceName").fill("ブラウザ家計簿");
        page.locator("#serviceNameEn").fill("Browser Kakeibo");
        page.locator("input[name=apiClasses][value=READ]").check();
        page.locator("input[name=scopes][value=accounts]").check();
        page.locator("input[name=scopes][value=balances]").check();
        page.locator("#redirectUris").fill("https://browser.example.jp/callback");
        page.locator("input[name=keyType][value=JWKS]").check();
        page.locator("#jwks").fill(publicJwks());
        page.locator("[id='contacts0.name']").fill("連絡 一郎");
        page.locator("[id='contacts0.role']").fill("情報セキュリティ責任者");
        page.locator("[id='contacts0.email']").fill("ciso@browser.example.jp");
        page.locator("[id='contacts0.phone']").fill("03-1111-3333");
        page.locator("#compensationTerms").fill("お客さまに過失のない損害は当社が補償し、当社の負担で返金します。");
        Locator answers = page.locator("textarea[name^='answers[']");
        Locator evidence = page.locator("textarea[name^='evidence[']");
        for (int i = 0; i < answers.count(); i++) {
            answers.nth(i).fill("回答 " + i + "：社内規程に定め、年1回見直しています。");
            evidence.nth(i).fill("規程集 第" + i + "章");
        }
    }

    /** Passwords are never sent back with a refused form: they are typed again. */
    public static void fillPasswords(Page page) {
        page.locator("#password").fill(PASSWORD);
        page.locator("#passwordConfirmation").fill(PASSWORD);
    }

    public static void submitApplication(Page page) {
        page.locator("form[action$='/portal/apply'] button[type=submit]").click();
    }

    private static String publicJwks() {
        try {
            return new JWKSet(new ECKeyGenerator(Curve.P_256).keyID("browser-1").generate().toPublicJWK()).toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

package jp.kakehashi.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import jp.kakehashi.incident.CustomerWarningRequested;
import jp.kakehashi.incident.IncidentKind;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** E2: the warning mail is in the customer's language, names the service and the bank's number, and has no link. */
class CustomerWarningsTest {

    private final CustomerWarnings warnings = new CustomerWarnings(null, null, null, messages(),
            new NotificationProperties("no-reply@bank.example", "架け橋銀行", "Kakehashi Bank"), "0120-000-000", null);
    private final CustomerWarningRequested requested = new CustomerWarningRequested("inc-1", "tpp-1", "かけいぼ Plus",
            "Kakeibo Plus", IncidentKind.DATA_LEAK, List.of("C0001"), "staff-a", Instant.now());

    @Test
    void composeWhenEnglishCustomerThenEnglishMailWithTheServiceTheBanksNumberAndNoLink() {
        var mail = warnings.compose(requested, new CustomerContacts.Contact("C0001", "a@example.jp", Locale.ENGLISH));

        assertThat(mail.getTo()).containsExactly("a@example.jp");
        assertThat(mail.getSubject()).isEqualTo("[Kakehashi Bank] Important notice about the service \"Kakeibo Plus\" you use");
        assertThat(mail.getText()).contains("Kakeibo Plus", "0120-000-000", "inc-1", "Connected services")
                .doesNotContain("http", "かけいぼ");
    }

    @Test
    void composeWhenJapaneseCustomerThenJapaneseMail() {
        var mail = warnings.compose(requested, new CustomerContacts.Contact("C0001", "a@example.jp", Locale.JAPANESE));

        assertThat(mail.getSubject()).isEqualTo("【架け橋銀行】ご利用中のサービス「かけいぼ Plus」に関する重要なお知らせ");
        assertThat(mail.getText()).contains("連携を解除", "0120-000-000").doesNotContain("http");
    }

    private static ResourceBundleMessageSource messages() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages-incidents");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}

package jp.kakehashi.notification.mail;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bank's sender of customer notices ({@code kakehashi.notification}, B10).
 *
 * @param from     the sender address of notices
 * @param bankName the bank's name in Japanese, as signed under every notice
 * @param bankNameEn the bank's name in English
 */
@ConfigurationProperties("kakehashi.notification")
record NotificationProperties(@DefaultValue("no-reply@kakehashi-bank.example") String from,
        @DefaultValue("架け橋銀行") String bankName, @DefaultValue("Kakehashi Bank") String bankNameEn) {

    String bankName(Locale locale) {
        return "en".equals(locale.getLanguage()) ? bankNameEn : bankName;
    }
}

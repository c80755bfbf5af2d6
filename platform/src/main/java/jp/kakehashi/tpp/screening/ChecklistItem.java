package jp.kakehashi.tpp.screening;

import java.util.Locale;

/**
 * One version of a screening checklist item (審査項目, A2). A change makes a new version of the same code; answers and
 * findings point at the version the applicant saw.
 */
public record ChecklistItem(long id, String code, int version, ChecklistPart part, boolean mandatory, int position,
        String titleJa, String titleEn, String questionJa, String questionEn) {

    public String title(Locale locale) {
        return english(locale) ? titleEn : titleJa;
    }

    public String question(Locale locale) {
        return english(locale) ? questionEn : questionJa;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}

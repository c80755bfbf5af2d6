package jp.kakehashi.tpp.screening;

/** The words of a checklist item, Japanese and English. */
public record ItemText(String titleJa, String titleEn, String questionJa, String questionEn) {

    boolean complete() {
        return filled(titleJa) && filled(titleEn) && filled(questionJa) && filled(questionEn);
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }
}

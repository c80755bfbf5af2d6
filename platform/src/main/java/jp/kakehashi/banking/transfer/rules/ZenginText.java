package jp.kakehashi.banking.transfer.rules;

import java.text.Normalizer;

/**
 * Converts names and EDI text into the Zengin character set (全銀協 半角文字, Zengin rules): half-width katakana
 * {@code ｦ}–{@code ﾝ} with {@code ﾞ ﾟ}, {@code A–Z}, {@code 0–9}, space and {@code ( ) - . / ,}.
 * <p>
 * Customers type full-width kana, hiragana, lower case and 株式会社; the receiving bank matches the name against
 * the account holder's Zengin kana, so the conversion must be the one the banks apply: small kana written large
 * ({@code ｼｮｳｼﾞ → ｼﾖｳｼﾞ}), voiced kana split into base + {@code ﾞ}/{@code ﾟ}, ヰ ヱ ヵ ヶ as ｲ ｴ ｶ ｹ, long vowel
 * ー as {@code -}, legal-entity types abbreviated ({@code ｶ)}). Anything else is refused, not dropped, so the
 * customer sees which character the bank cannot carry.
 */
public final class ZenginText {

    private static final String FULL_KANA =
            "ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロヮワヰヱヲンヵヶ";
    private static final String HALF_KANA =
            "ｱｱｲｲｳｳｴｴｵｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾔﾕﾕﾖﾖﾗﾘﾙﾚﾛﾜﾜｲｴｦﾝｶｹ";
    private static final String DASHES = "ー‐‑‒–—―−";
    private static final String SYMBOLS = " ()-./,";

    private ZenginText() {
    }

    /** The outcome of a conversion: the Zengin text, or the first character that has no Zengin form. */
    public sealed interface Conversion permits Converted, Rejected {
    }

    /** The text in the Zengin character set, trimmed; its length is the number of half-width characters. */
    public record Converted(String text) implements Conversion {
    }

    /** The first character (as normalised, e.g. ＠ shown as @) that has no Zengin form. */
    public record Rejected(String character) implements Conversion {
    }

    /** Converts free text typed by a customer into Zengin characters. */
    public static Conversion convert(String input) {
        // ゛ and ゜ alone decompose to a space plus the combining mark; take them as the half-width marks instead
        String text = input.replace('゛', 'ﾞ').replace('゜', 'ﾟ');
        text = LegalEntityAbbreviations.abbreviate(Normalizer.normalize(text, Normalizer.Form.NFKC));
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String character = Character.toString(codePoint);
            if (!appendZengin(Normalizer.normalize(character, Normalizer.Form.NFD), out)) {
                return new Rejected(character);
            }
            i += Character.charCount(codePoint);
        }
        return new Converted(out.toString().strip());
    }

    private static boolean appendZengin(String decomposed, StringBuilder out) {
        for (int i = 0; i < decomposed.length(); i++) {
            char zengin = toZengin(decomposed.charAt(i));
            if (!isZengin(zengin)) {
                return false;
            }
            out.append(zengin);
        }
        return true;
    }

    private static char toZengin(char c) {
        if (c == '\u3099') {
            return 'ﾞ';
        }
        if (c == '\u309A') {
            return 'ﾟ';
        }
        char katakana = c >= 'ぁ' && c <= 'ゖ' ? (char) (c + ('ァ' - 'ぁ')) : c;
        int kana = FULL_KANA.indexOf(katakana);
        if (kana >= 0) {
            return HALF_KANA.charAt(kana);
        }
        if (DASHES.indexOf(c) >= 0) {
            return '-';
        }
        return c >= 'a' && c <= 'z' ? Character.toUpperCase(c) : c;
    }

    /** Whether a character is in the Zengin set; small half-width kana (ｧ–ｯ) and ｰ are not. */
    static boolean isZengin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || SYMBOLS.indexOf(c) >= 0
                || c == 'ｦ' || (c >= 'ｱ' && c <= 'ﾟ');
    }
}

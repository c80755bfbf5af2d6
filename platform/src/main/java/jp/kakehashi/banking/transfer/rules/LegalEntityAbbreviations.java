package jp.kakehashi.banking.transfer.rules;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 法人略語: Zengin writes a legal-entity type as a short kana word in brackets whose side shows where the type stood
 * in the name, {@code ｶ)ﾔﾏﾀﾞ} for 株式会社山田, {@code ﾔﾏﾀﾞ(ｶ} for 山田株式会社 and {@code ﾔﾏﾀﾞ(ｶ)ﾁﾊﾞ} in the middle
 * (the banks' 法人略語 tables, e.g. 京葉銀行, 厚生労働省's 記載例).
 */
final class LegalEntityAbbreviations {

    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("株式会社", "ｶ"), Map.entry("有限会社", "ﾕ"), Map.entry("合名会社", "ﾒ"),
            Map.entry("合資会社", "ｼ"), Map.entry("合同会社", "ﾄﾞ"), Map.entry("相互会社", "ｿ"),
            Map.entry("医療法人", "ｲ"), Map.entry("医療法人社団", "ｲ"), Map.entry("医療法人財団", "ｲ"),
            Map.entry("社会医療法人", "ｲ"), Map.entry("財団法人", "ｻﾞｲ"), Map.entry("一般財団法人", "ｻﾞｲ"),
            Map.entry("公益財団法人", "ｻﾞｲ"), Map.entry("社団法人", "ｼﾔ"), Map.entry("一般社団法人", "ｼﾔ"),
            Map.entry("公益社団法人", "ｼﾔ"), Map.entry("宗教法人", "ｼﾕｳ"), Map.entry("学校法人", "ｶﾞｸ"),
            Map.entry("社会福祉法人", "ﾌｸ"), Map.entry("更生保護法人", "ﾎｺﾞ"), Map.entry("特定非営利活動法人", "ﾄｸﾋ"),
            Map.entry("独立行政法人", "ﾄﾞｸ"), Map.entry("地方独立行政法人", "ﾁﾄﾞｸ"), Map.entry("弁護士法人", "ﾍﾞﾝ"),
            Map.entry("行政書士法人", "ｷﾞﾖ"), Map.entry("司法書士法人", "ｼﾎｳ"), Map.entry("税理士法人", "ｾﾞｲ"),
            Map.entry("国立大学法人", "ﾀﾞｲ"), Map.entry("公立大学法人", "ﾀﾞｲ"), Map.entry("農事組合法人", "ﾉｳ"),
            Map.entry("社会保険労務士法人", "ﾛｳﾑ"), Map.entry("管理組合法人", "ｶﾝﾘ"),
            // the kanji short forms; NFKC has already turned ㈱ and （株） into (株)
            Map.entry("(株)", "ｶ"), Map.entry("(有)", "ﾕ"), Map.entry("(名)", "ﾒ"), Map.entry("(資)", "ｼ"),
            Map.entry("(同)", "ﾄﾞ"), Map.entry("(医)", "ｲ"), Map.entry("(財)", "ｻﾞｲ"), Map.entry("(社)", "ｼﾔ"),
            Map.entry("(学)", "ｶﾞｸ"), Map.entry("(福)", "ﾌｸ"), Map.entry("(宗)", "ｼﾕｳ"));

    // longest first, so 一般社団法人 wins over 社団法人 and 医療法人社団 over 医療法人
    private static final List<String> TERMS = ABBREVIATIONS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .toList();

    private LegalEntityAbbreviations() {
    }

    /** Replaces every legal-entity type in an NFKC-normalised name by its bracketed Zengin abbreviation. */
    static String abbreviate(String name) {
        StringBuilder out = new StringBuilder(name.length());
        String rest = name;
        int i = 0;
        while (i < rest.length()) {
            String term = termAt(rest, i);
            if (term == null) {
                out.append(rest.charAt(i++));
                continue;
            }
            // spaces next to the type are dropped: the bracket already separates it
            trimTrailingSpaces(out);
            boolean head = out.isEmpty();
            rest = rest.substring(i + term.length()).stripLeading();
            i = 0;
            out.append(head ? "" : "(").append(ABBREVIATIONS.get(term)).append(!head && rest.isEmpty() ? "" : ")");
        }
        return out.toString();
    }

    private static @Nullable String termAt(String text, int index) {
        for (String term : TERMS) {
            if (text.startsWith(term, index)) {
                return term;
            }
        }
        return null;
    }

    private static void trimTrailingSpaces(StringBuilder out) {
        while (!out.isEmpty() && Character.isWhitespace(out.charAt(out.length() - 1))) {
            out.setLength(out.length() - 1);
        }
    }
}

package jp.demofintech.kakeibo.bank;

import java.text.NumberFormat;
import java.util.Locale;

/** Whole-yen amounts as the bank's API sends them (digit strings, e.g. {@code "-1200"}) and as the app shows them. */
public final class Yen {

    private Yen() {
    }

    /** {@code "1234567"} as {@code 1,234,567円}; null or a non-number as it is, so nothing the bank sent is hidden. */
    public static String format(String digits) {
        if (digits == null || !digits.matches("-?\\d{1,18}")) {
            return digits;
        }
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(Long.parseLong(digits)) + "円";
    }
}

package jp.kakehashi.banking.transfer.rules;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * 預金種目 of a beneficiary account as Zengin codes it: 1 普通 (ordinary), 2 当座 (current), 4 貯蓄
 * (savings), 9 その他 (other). There is no 3: Zengin leaves it unused.
 */
public enum AccountType {
    ORDINARY("1"), CURRENT("2"), SAVINGS("4"), OTHER("9");

    private final String code;

    AccountType(String code) {
        this.code = code;
    }

    /** The one-digit Zengin code, as the API's {@code accountTypeCode}. */
    public String code() {
        return code;
    }

    /** The account type of a Zengin code, or empty when the code is not one of 1, 2, 4, 9. */
    public static Optional<AccountType> ofCode(@Nullable String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}

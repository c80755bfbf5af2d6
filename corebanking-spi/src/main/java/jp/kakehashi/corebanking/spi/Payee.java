package jp.kakehashi.corebanking.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A transfer beneficiary (受取人) in Zengin form. Formats are checked here because a malformed payee is a
 * caller error (the platform validates and answers 400 before calling); whether the account exists is a
 * business outcome, reported as {@link TransferRejection#PAYEE_ACCOUNT_NOT_FOUND}.
 *
 * @param bankCode        金融機関コード, 4 digits
 * @param branchCode      支店コード, 3 digits
 * @param accountTypeCode Zengin 預金種目, one digit: {@code 1} 普通, {@code 2} 当座, {@code 4} 貯蓄, {@code 9} その他
 * @param accountNumber   口座番号, 7 digits, zero-padded
 * @param name            受取人名 in Zengin characters (half-width kana, A–Z, 0–9, a few symbols), at most 30
 */
public record Payee(String bankCode, String branchCode, String accountTypeCode, String accountNumber, String name) {

    public static final int MAX_NAME_LENGTH = 30;

    private static final Pattern BANK_CODE = Pattern.compile("\\d{4}");
    private static final Pattern BRANCH_CODE = Pattern.compile("\\d{3}");
    private static final Pattern ACCOUNT_TYPE = Pattern.compile("[1249]");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{7}");
    /** Zengin's character set for names: half-width katakana with voicing marks, upper-case, digits, ( ) - . / , and space. */
    private static final Pattern ZENGIN_NAME = Pattern.compile("[\\uFF66-\\uFF9F A-Z0-9().,\\-/]+");

    public Payee {
        require(bankCode, BANK_CODE, "bankCode");
        require(branchCode, BRANCH_CODE, "branchCode");
        require(accountTypeCode, ACCOUNT_TYPE, "accountTypeCode");
        require(accountNumber, ACCOUNT_NUMBER, "accountNumber");
        require(name, ZENGIN_NAME, "name");
        if (name.length() > MAX_NAME_LENGTH || name.isBlank()) {
            throw new IllegalArgumentException("name must be 1.." + MAX_NAME_LENGTH + " Zengin characters");
        }
    }

    private static void require(String value, Pattern pattern, String field) {
        Objects.requireNonNull(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " has an invalid Zengin format: " + value);
        }
    }
}

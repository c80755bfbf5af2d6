package jp.kakehashi.banking.transfer.rules;

import org.jspecify.annotations.Nullable;

/**
 * The closed list of reasons a transfer request is refused before it reaches the core system (Zengin rules):
 * the stable {@code errorDetailsCode} of the API with its Japanese and English message templates.
 * <p>
 * Templates take {@link String#format} arguments; the order of the arguments is the same in both languages.
 */
public enum ViolationCode {

    BANK_CODE_INVALID("金融機関コードは4桁の数字で指定してください", "The bank code must be 4 digits"),
    BRANCH_CODE_INVALID("支店コードは3桁の数字で指定してください", "The branch code must be 3 digits"),
    ACCOUNT_TYPE_INVALID("預金種目は1(普通)、2(当座)、4(貯蓄)、9(その他)のいずれかです",
            "The account type must be 1 (ordinary), 2 (current), 4 (savings) or 9 (other)"),
    ACCOUNT_NUMBER_INVALID("口座番号は1～7桁の数字で指定してください", "The account number must be 1 to 7 digits"),
    BENEFICIARY_NAME_INVALID("受取人名に使用できない文字があります: 「%s」",
            "The beneficiary name contains a character outside the Zengin set: '%s'"),
    BENEFICIARY_NAME_MISSING("受取人名を指定してください", "The beneficiary name is required"),
    BENEFICIARY_NAME_TOO_LONG("受取人名は半角%d文字以内です(変換後%d文字)",
            "The beneficiary name must be at most %d half-width characters (%d after conversion)"),
    REMITTER_NAME_INVALID("依頼人名に使用できない文字があります: 「%s」",
            "The remitter name contains a character outside the Zengin set: '%s'"),
    REMITTER_NAME_TOO_LONG("依頼人名は半角%d文字以内です(変換後%d文字)",
            "The remitter name must be at most %d half-width characters (%d after conversion)"),
    EDI_INFO_INVALID("EDI情報に使用できない文字があります: 「%s」",
            "The EDI information contains a character outside the Zengin set: '%s'"),
    EDI_INFO_TOO_LONG("EDI情報は半角%d文字以内です(変換後%d文字)",
            "The EDI information must be at most %d half-width characters (%d after conversion)"),
    AMOUNT_INVALID("振込金額は1円以上9,999,999,999円以下の整数で指定してください",
            "The transfer amount must be a whole number of yen from 1 to 9,999,999,999"),
    ITEM_COUNT_INVALID("振込明細は1件以上%d件以下です", "A transfer has from 1 to %d items"),
    ITEM_ID_INVALID("明細番号は1～%dの数字で指定してください", "The item id must be a number from 1 to %d"),
    ITEM_ID_DUPLICATE("明細番号が重複しています", "The item id is used by another item"),
    TRANSFER_DATE_IN_PAST("振込指定日が過去の日付です", "The transfer date is in the past"),
    TRANSFER_DATE_TOO_FAR("振込指定日は%d日先までです", "The transfer date may be at most %d days ahead"),
    TRANSFER_DATE_HOLIDAY_CODE_INVALID("振込指定休日コードは1、2、3のいずれかです",
            "The transfer date holiday code must be 1, 2 or 3"),
    TRANSFER_DATE_NOT_BUSINESS_DAY("振込指定日が銀行休業日です", "The transfer date is not a bank business day"),
    TRANSFER_DATE_CUT_OFF_PASSED("本日の受付時限(%s)を過ぎています", "Today's cut-off time (%s) has passed"),
    TRANSFER_DATE_PREVIOUS_BUSINESS_DAY_PASSED("前営業日は既に過ぎています",
            "The previous business day has already passed"),
    TRANSFER_DATE_INVALID("振込指定日はYYYY-MM-DD形式の日付で指定してください", "The transfer date must be a date YYYY-MM-DD"),
    TOTAL_COUNT_MISMATCH("合計件数が振込明細の件数と一致しません", "totalCount does not match the number of items"),
    TOTAL_AMOUNT_MISMATCH("合計金額が振込金額の合計と一致しません", "totalAmount does not match the sum of the amounts"),
    /** The contract writes every value, amounts too, as a JSON string: {@code "1000"}, not {@code 1000}. */
    VALUE_NOT_A_STRING("%sは文字列で指定してください(例: \"1000\")", "%s must be a JSON string, e.g. \"1000\"");

    private final String japanese;
    private final String english;

    ViolationCode(String japanese, String english) {
        this.japanese = japanese;
        this.english = english;
    }

    /** The violation of this code on one field of one item ({@code itemId} is null for the request itself). */
    public Violation on(@Nullable String itemId, String field, Object... arguments) {
        return new Violation(this, itemId, field, japanese.formatted(arguments), english.formatted(arguments));
    }
}

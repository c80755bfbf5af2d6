package jp.kakehashi.corebanking.spi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A deposit account (預金口座) of a customer, with the fields of the read API's account list (口座一覧照会).
 *
 * @param accountTypeCode own-account subject code, two digits: {@code 01} 普通, {@code 02} 当座, {@code 04} 貯蓄,
 *                        {@code 09} その他 (the Zengin 預金種目 digit with a leading zero)
 * @param accountNumber   7 digits, zero-padded (Zengin)
 * @param accountNameKana the holder's name in half-width kana (e.g. ﾔﾏﾀﾞ ﾀﾛｳ)
 * @param accountName     the holder's name in full-width characters
 * @param currency        ISO 4217 code; {@code JPY} for yen accounts
 */
public record Account(
        AccountId accountId,
        CustomerId customerId,
        String branchCode,
        String branchName,
        String accountTypeCode,
        String accountTypeName,
        String accountNumber,
        String accountNameKana,
        String accountName,
        String currency,
        LocalDate openedOn) {

    public Account {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(branchCode, "branchCode");
        Objects.requireNonNull(accountTypeCode, "accountTypeCode");
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(openedOn, "openedOn");
    }
}

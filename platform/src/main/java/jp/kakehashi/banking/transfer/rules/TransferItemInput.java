package jp.kakehashi.banking.transfer.rules;

import org.jspecify.annotations.Nullable;

/**
 * One item of a transfer request as the client sent it (GMO Aozora's {@code transfers[]}): every value a
 * string, as the API carries numbers and codes, so that the rules, not JSON binding, decide what is wrong with it.
 */
public record TransferItemInput(@Nullable String itemId, @Nullable String beneficiaryBankCode,
        @Nullable String beneficiaryBranchCode, @Nullable String accountTypeCode, @Nullable String accountNumber,
        @Nullable String beneficiaryName, @Nullable String transferAmount, @Nullable String ediInfo) {
}

package jp.kakehashi.banking.transfer.rules;

/**
 * One item of a transfer request as the client sent it (GMO Aozora's {@code transfers[]}): every value a
 * string, as the API carries numbers and codes, so that the rules, not JSON binding, decide what is wrong with it.
 */
public record TransferItemInput(String itemId, String beneficiaryBankCode, String beneficiaryBranchCode,
        String accountTypeCode, String accountNumber, String beneficiaryName, String transferAmount, String ediInfo) {
}

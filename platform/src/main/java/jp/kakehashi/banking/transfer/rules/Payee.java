package jp.kakehashi.banking.transfer.rules;

/**
 * A beneficiary account (振込先) after the Zengin rules: bank code 4 digits, branch code 3 digits, the
 * account number left-padded with zeros to 7 digits and the name in Zengin characters (at most 30).
 */
public record Payee(String bankCode, String branchCode, AccountType accountType, String accountNumber, String name) {
}

package jp.kakehashi.banking.transfer.rules;

/**
 * Where a transfer goes, seen from the debited account: the customer's fee (振込手数料) depends on it —
 * 同一店内, 本支店宛 (same bank, other branch) or 他行宛 (through the Zengin network).
 */
public enum TransferRoute {
    SAME_BRANCH, SAME_BANK, OTHER_BANK;

    /** The route from a debit account at {@code bankCode}/{@code branchCode} to a payee. */
    public static TransferRoute of(String bankCode, String branchCode, Payee payee) {
        if (!bankCode.equals(payee.bankCode())) {
            return OTHER_BANK;
        }
        return branchCode.equals(payee.branchCode()) ? SAME_BRANCH : SAME_BANK;
    }
}

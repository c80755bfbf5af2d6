package jp.kakehashi.corebanking.simulator;

/**
 * The bank's own accounts (内部勘定), the counter-leg of every posting that does not move money between two
 * customers. Created by the migrations (V1, and V3 for transfer fees); never shown to customers, as they have no
 * owner.
 */
enum InternalAccount {
    /** 現金: ATM and counter deposits and withdrawals. */
    CASH("INTERNAL-CASH"),
    /** 為替決済: money leaving to or arriving from other banks through Zengin. */
    ZENGIN_CLEARING("INTERNAL-ZENGIN-CLEARING"),
    /** 繰越: balances brought forward from before the simulated history. */
    CARRY_FORWARD("INTERNAL-CARRY-FORWARD"),
    /** 受入手数料: fees the bank earns other than on transfers, e.g. account fees. */
    FEE_INCOME("INTERNAL-FEE-INCOME"),
    /** 受入為替手数料: transfer fees (振込手数料) the bank earns, the fee leg of every transfer that charges one. */
    REMITTANCE_FEE_INCOME("INTERNAL-REMITTANCE-FEE-INCOME"),
    /** 支払利息: interest the bank pays on deposits. */
    INTEREST("INTERNAL-INTEREST");

    private final String accountId;

    InternalAccount(String accountId) {
        this.accountId = accountId;
    }

    String accountId() {
        return accountId;
    }
}

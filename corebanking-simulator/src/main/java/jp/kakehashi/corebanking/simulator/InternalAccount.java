package jp.kakehashi.corebanking.simulator;

/**
 * The bank's own accounts (内部勘定), the counter-leg of every posting that does not move money between two
 * customers. Created by the V1 migration.
 */
enum InternalAccount {
    /** 現金: ATM and counter deposits and withdrawals. */
    CASH("INTERNAL-CASH"),
    /** 為替決済: money leaving to or arriving from other banks through Zengin. */
    ZENGIN_CLEARING("INTERNAL-ZENGIN-CLEARING"),
    /** 繰越: balances brought forward from before the simulated history. */
    CARRY_FORWARD("INTERNAL-CARRY-FORWARD"),
    /** 受入手数料: fees the bank earns. */
    FEE_INCOME("INTERNAL-FEE-INCOME"),
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

package jp.kakehashi.corebanking.simulator;

import java.time.LocalDate;

/**
 * A demo customer account. Its id follows the API proposal: branch (3) + subject (2) + number (7).
 *
 * @param openingBalance the balance brought forward (繰越) to the start of the simulated history
 */
record DemoAccount(String customerId, String branchCode, String accountTypeCode, String accountNumber,
                   String name, String nameKana, LocalDate openedOn, long openingBalance) {

    String accountId() {
        return branchCode + accountTypeCode + accountNumber;
    }
}

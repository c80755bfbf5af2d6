package jp.kakehashi.consent;

import java.util.List;

/**
 * The port through which the consent screen lists the accounts a customer can choose (D1: "which accounts"). The
 * banking module implements it on the core banking system, so consent never depends on core banking.
 */
public interface AccountDirectory {

    List<ConsentableAccount> accountsOf(String customerId);

    /**
     * An account as the customer recognises it on the consent screen and the connected services page.
     *
     * @param accountId     the Open API account id
     * @param branchName    支店名
     * @param accountType   口座種別 (普通, 当座, 貯蓄)
     * @param maskedNumber  the account number with all but the last 3 digits masked
     */
    record ConsentableAccount(String accountId, String branchName, String accountType, String maskedNumber) {

        public String label() {
            return branchName + " " + accountType + " " + maskedNumber;
        }
    }
}

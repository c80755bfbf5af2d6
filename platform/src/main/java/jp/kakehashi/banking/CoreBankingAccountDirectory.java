package jp.kakehashi.banking;

import java.util.List;
import jp.kakehashi.consent.AccountDirectory;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.CustomerId;
import org.springframework.stereotype.Component;

/**
 * Lends the consent screen the customer's accounts from the core system (D1: the customer chooses which accounts a
 * TPP may see). Account numbers are masked but for the last three digits: the screen identifies, it does not disclose.
 */
@Component
class CoreBankingAccountDirectory implements AccountDirectory {

    private static final int VISIBLE_DIGITS = 3;

    private final CoreBanking coreBanking;

    CoreBankingAccountDirectory(CoreBanking coreBanking) {
        this.coreBanking = coreBanking;
    }

    @Override
    public List<ConsentableAccount> accountsOf(String customerId) {
        return coreBanking.accountsOf(new CustomerId(customerId)).stream().map(CoreBankingAccountDirectory::consentable)
                .toList();
    }

    private static ConsentableAccount consentable(Account account) {
        return new ConsentableAccount(account.accountId().value(), account.branchName(), account.accountTypeName(),
                masked(account.accountNumber()));
    }

    static String masked(String accountNumber) {
        int hidden = Math.max(0, accountNumber.length() - VISIBLE_DIGITS);
        return "*".repeat(hidden) + accountNumber.substring(hidden);
    }
}

package jp.kakehashi.banking;

import java.util.List;
import jp.kakehashi.consent.AccountDirectory;
import org.springframework.stereotype.Component;

@Component
class TemporaryAccounts implements AccountDirectory {
    @Override
    public List<ConsentableAccount> accountsOf(String customerId) {
        return List.of(new ConsentableAccount(customerId + "-001", "本店営業部", "普通", "****567"),
                new ConsentableAccount(customerId + "-002", "渋谷支店", "普通", "****890"));
    }
}

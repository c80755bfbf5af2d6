package jp.kakehashi.corebanking.simulator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.Balance;
import jp.kakehashi.corebanking.spi.Customer;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.CustomerType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads customers, accounts and balances. Closed accounts are invisible to the port, frozen ones are not. */
final class Accounts {

    private static final String ACCOUNT_COLUMNS = """
            select a.account_id, a.customer_id, a.branch_code, b.branch_name, a.account_type_code,
                   t.account_type_name, a.account_number, a.name_kana, a.name, a.currency, a.opened_on
              from corebanking.account a
              join corebanking.branch b on b.branch_code = a.branch_code
              join corebanking.account_type t on t.account_type_code = a.account_type_code
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Customer> customer(CustomerId customerId) {
        return jdbc.sql("select customer_id, name, name_kana, customer_type from corebanking.customer where customer_id = ?")
                .param(customerId.value())
                .query((rs, row) -> new Customer(new CustomerId(rs.getString(1)), rs.getString(2), rs.getString(3),
                        CustomerType.valueOf(rs.getString(4))))
                .optional();
    }

    List<Account> accountsOf(CustomerId customerId) {
        return jdbc.sql(ACCOUNT_COLUMNS + " where a.customer_id = ? and a.status <> 'CLOSED' order by a.id")
                .param(customerId.value())
                .query(Accounts::account)
                .list();
    }

    Optional<Account> account(AccountId accountId) {
        return jdbc.sql(ACCOUNT_COLUMNS + " where a.account_id = ? and a.kind = 'CUSTOMER' and a.status <> 'CLOSED'")
                .param(accountId.value())
                .query(Accounts::account)
                .optional();
    }

    /** Previous-day and previous-month balances are the current one less what was posted since. */
    Optional<Balance> balance(AccountId accountId) {
        LocalDate today = Tokyo.today(clock);
        LocalDate monthStart = today.withDayOfMonth(1);
        return jdbc.sql("""
                        select a.balance, a.held, a.currency,
                               coalesce(sum(e.amount) filter (where e.transaction_date >= :today), 0) since_yesterday,
                               coalesce(sum(e.amount), 0) since_month_start
                          from corebanking.account a
                          left join corebanking.entry e on e.account_ref = a.id and e.transaction_date >= :monthStart
                         where a.account_id = :accountId and a.kind = 'CUSTOMER' and a.status <> 'CLOSED'
                         group by a.id""")
                .param("today", today)
                .param("monthStart", monthStart)
                .param("accountId", accountId.value())
                .query((rs, row) -> {
                    long balance = rs.getLong("balance");
                    return new Balance(accountId, balance, balance - rs.getLong("held"),
                            balance - rs.getLong("since_yesterday"),
                            balance - rs.getLong("since_month_start"), rs.getString("currency"), clock.instant());
                })
                .optional();
    }

    /** The row id of a visible customer account, with what the transfer checks need. */
    Optional<AccountState> customerAccount(AccountId accountId) {
        return jdbc.sql("""
                        select id, customer_id, status, balance, held, name_kana from corebanking.account
                         where account_id = ? and kind = 'CUSTOMER' and status <> 'CLOSED'""")
                .param(accountId.value())
                .query(Accounts::state)
                .optional();
    }

    /** A customer account addressed the Zengin way: branch, one-digit 預金種目 and 7-digit number. */
    Optional<AccountState> customerAccount(String branchCode, String zenginTypeCode, String accountNumber) {
        return jdbc.sql("""
                        select a.id, a.customer_id, a.status, a.balance, a.held, a.name_kana from corebanking.account a
                          join corebanking.account_type t on t.account_type_code = a.account_type_code
                         where a.branch_code = ? and t.zengin_type_code = ? and a.account_number = ?
                           and a.kind = 'CUSTOMER' and a.status <> 'CLOSED'""")
                .params(branchCode, zenginTypeCode, accountNumber)
                .query(Accounts::state)
                .optional();
    }

    /**
     * Locks customer accounts for a balance change, always in ascending row order so that two transfers crossing
     * between the same accounts wait for each other instead of deadlocking. {@code no key update} leaves the
     * key-share locks of foreign keys from concurrent entries free. Internal accounts in {@code refs} are skipped:
     * they keep no balance, and locking the clearing account would serialise every inter-bank transfer.
     */
    List<AccountState> lockInOrder(List<Long> refs) {
        return jdbc.sql("""
                        select id, customer_id, status, balance, held, name_kana from corebanking.account
                         where id in (:refs) and kind = 'CUSTOMER' order by id for no key update""")
                .param("refs", refs)
                .query(Accounts::state)
                .list();
    }

    long internalRef(InternalAccount account) {
        return jdbc.sql("select id from corebanking.account where account_id = ? and kind = 'INTERNAL'")
                .param(account.accountId())
                .query(Long.class)
                .single();
    }

    int setStatus(AccountId accountId, String status) {
        return jdbc.sql("""
                        update corebanking.account set status = ?
                         where account_id = ? and kind = 'CUSTOMER' and status <> 'CLOSED'""")
                .params(status, accountId.value())
                .update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(new AccountId(rs.getString("account_id")), new CustomerId(rs.getString("customer_id")),
                rs.getString("branch_code"), rs.getString("branch_name"), rs.getString("account_type_code"),
                rs.getString("account_type_name"), rs.getString("account_number"), rs.getString("name_kana"),
                rs.getString("name"), rs.getString("currency"), rs.getObject("opened_on", LocalDate.class));
    }

    private static AccountState state(ResultSet rs, int row) throws SQLException {
        return new AccountState(rs.getLong("id"), rs.getString("customer_id"), rs.getString("status"),
                rs.getLong("balance"), rs.getLong("held"), rs.getString("name_kana"));
    }

    /**
     * What a transfer needs to know of an account; read under lock to decide.
     *
     * @param held the sum of the account's active holds (two-phase transfers)
     */
    record AccountState(long ref, String customerId, String status, long balance, long held, String nameKana) {

        /** 支払可能残高: what one-step transfers and new holds may still take. */
        long withdrawable() {
            return balance - held;
        }

        boolean frozen() {
            return "FROZEN".equals(status);
        }

        /** Closed after the unlocked look-up found it open. */
        boolean closed() {
            return "CLOSED".equals(status);
        }
    }
}

package jp.kakehashi.corebanking.simulator;

import javax.sql.DataSource;
import jp.kakehashi.corebanking.spi.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the ledger behind the port's back, to check its invariants. */
final class LedgerProbe {

    private final JdbcClient jdbc;

    LedgerProbe(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Sum of every leg ever posted; zero in a double-entry ledger. */
    long sumOfAllLegs() {
        return jdbc.sql("select coalesce(sum(amount), 0) from corebanking.entry").query(Long.class).single();
    }

    /** Customer accounts whose running balance differs from the sum of their entries. */
    long accountsOutOfStep() {
        return jdbc.sql("""
                select count(*) from corebanking.account a
                 where a.kind = 'CUSTOMER'
                   and a.balance <> (select coalesce(sum(e.amount), 0) from corebanking.entry e where e.account_ref = a.id)""")
                .query(Long.class).single();
    }

    long negativeCustomerBalances() {
        return jdbc.sql("select count(*) from corebanking.account where kind = 'CUSTOMER' and balance < 0")
                .query(Long.class).single();
    }

    long postings(String kind) {
        return jdbc.sql("select count(*) from corebanking.posting where kind = ?").param(kind).query(Long.class).single();
    }

    long entries() {
        return jdbc.sql("select count(*) from corebanking.entry").query(Long.class).single();
    }

    long balance(AccountId accountId) {
        return jdbc.sql("select balance from corebanking.account where account_id = ?").param(accountId.value())
                .query(Long.class).single();
    }

    /** The sum of the account's active holds, as the account row keeps it. */
    long held(AccountId accountId) {
        return jdbc.sql("select held from corebanking.account where account_id = ?").param(accountId.value())
                .query(Long.class).single();
    }

    /** Accounts whose held sum differs from the sum of their active holds, each amount plus fee. */
    long holdsOutOfStep() {
        return jdbc.sql("""
                select count(*) from corebanking.account a
                 where a.held <> (select coalesce(sum(r.amount + r.fee), 0) from corebanking.reservation r
                                   where r.debit_account_ref = a.id and r.status = 'ACTIVE')""")
                .query(Long.class).single();
    }

    long reservations(String status) {
        return jdbc.sql("select count(*) from corebanking.reservation where status = ?").param(status)
                .query(Long.class).single();
    }

    /** What the bank earned on transfer fees: the sum of the fee income account's legs. */
    long feeIncome() {
        return balance(InternalAccount.REMITTANCE_FEE_INCOME);
    }

    /** Sum of every customer account's balance; with {@link #feeIncome} it is what customers paid in. */
    long sumOfCustomerBalances() {
        return jdbc.sql("select coalesce(sum(balance), 0) from corebanking.account where kind = 'CUSTOMER'")
                .query(Long.class).single();
    }

    long balance(InternalAccount account) {
        return jdbc.sql("""
                select coalesce(sum(e.amount), 0) from corebanking.entry e
                  join corebanking.account a on a.id = e.account_ref where a.account_id = ?""")
                .param(account.accountId()).query(Long.class).single();
    }

    /** Opens a customer account with no money at branch 001 (普通), for tests that need fresh accounts. */
    AccountId openAccount(String customerId, String accountNumber) {
        jdbc.sql("insert into corebanking.branch values ('001', '本店営業部') on conflict do nothing").update();
        jdbc.sql("""
                insert into corebanking.customer (customer_id, name, name_kana, customer_type)
                values (?, 'テスト', 'ﾃｽﾄ', 'INDIVIDUAL') on conflict do nothing""").param(customerId).update();
        String accountId = "00101" + accountNumber;
        jdbc.sql("""
                insert into corebanking.account (account_id, kind, customer_id, branch_code, account_type_code,
                       account_number, name, name_kana, opened_on)
                values (?, 'CUSTOMER', ?, '001', '01', ?, 'テスト', 'ﾃｽﾄ', date '2026-01-05')""")
                .params(accountId, customerId, accountNumber).update();
        return new AccountId(accountId);
    }
}

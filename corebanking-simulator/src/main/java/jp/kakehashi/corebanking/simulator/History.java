package jp.kakehashi.corebanking.simulator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.Transaction;
import jp.kakehashi.corebanking.spi.TransactionPage;
import jp.kakehashi.corebanking.spi.TransactionQuery;
import jp.kakehashi.corebanking.spi.TransactionType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pages through an account's entries (入出金明細) with a keyset cursor, so deep pages cost no more than the first. */
final class History {

    private final JdbcClient jdbc;

    History(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TransactionPage> transactions(TransactionQuery query) {
        Optional<Long> accountRef = jdbc.sql("""
                        select id from corebanking.account
                         where account_id = ? and kind = 'CUSTOMER' and status <> 'CLOSED'""")
                .param(query.accountId().value())
                .query(Long.class)
                .optional();
        return accountRef.map(ref -> page(ref, query));
    }

    private TransactionPage page(long accountRef, TransactionQuery query) {
        ItemKey after = query.afterItemKey() == null ? ItemKey.before(query.from()) : ItemKey.parse(query.afterItemKey());
        // one more than asked tells whether a next page exists without a count query
        List<Transaction> lines = jdbc.sql("""
                        select e.id, e.posting_id, e.transaction_date, p.value_date, e.amount, e.balance_after, e.remarks
                          from corebanking.entry e
                          join corebanking.posting p on p.id = e.posting_id
                         where e.account_ref = :ref
                           and e.transaction_date between :from and :to
                           and (e.transaction_date, e.id) > (:afterDate, :afterId)
                         order by e.transaction_date, e.id
                         limit :limit""")
                .param("ref", accountRef)
                .param("from", query.from())
                .param("to", query.to())
                .param("afterDate", after.transactionDate())
                .param("afterId", after.entryId())
                .param("limit", query.limit() + 1)
                .query((rs, row) -> line(query.accountId(), rs))
                .list();
        if (lines.size() <= query.limit()) {
            return new TransactionPage(lines, null);
        }
        List<Transaction> page = lines.subList(0, query.limit());
        return new TransactionPage(page, page.getLast().itemKey());
    }

    private static Transaction line(AccountId accountId, ResultSet rs) throws SQLException {
        long amount = rs.getLong("amount");
        return new Transaction(
                new ItemKey(rs.getObject("transaction_date", LocalDate.class), rs.getLong("id")).value(),
                Transactions.id(rs.getLong("posting_id")),
                accountId,
                rs.getObject("transaction_date", LocalDate.class),
                rs.getObject("value_date", LocalDate.class),
                amount > 0 ? TransactionType.DEPOSIT : TransactionType.WITHDRAWAL,
                Math.abs(amount),
                rs.getLong("balance_after"),
                rs.getString("remarks"));
    }
}

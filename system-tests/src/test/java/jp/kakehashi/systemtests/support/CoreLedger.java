package jp.kakehashi.systemtests.support;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulated core system's books (schema {@code corebanking}) read straight from the bank's database, as a
 * reconciliation would: for tests that must show that money was neither lost, duplicated nor overdrawn (payment
 * correctness), whatever the platform answered, also right after a crash.
 */
public final class CoreLedger {

    private final JdbcClient jdbc;

    public CoreLedger(DataSource database) {
        this.jdbc = JdbcClient.create(database);
    }

    /** One leg of a posting: the account (id as the API names it) and the signed amount, negative for a debit. */
    public record Leg(String accountId, long amount) {
    }

    /** A reservation of the core with the posting it ended in, if any. */
    public record Hold(String status, Long postingId, List<Leg> legs) {
    }

    /**
     * Every way in which the books do not balance, described; empty when they do: each posting's legs sum to zero
     * (and there are at least two), all entries together sum to zero (what customers gained, the bank's internal and
     * clearing accounts gave), each customer account's balance is the sum of its entries, its held amount is the sum
     * of its active holds, and no customer account is negative or held beyond its balance.
     */
    public List<String> imbalances() {
        List<String> found = new ArrayList<>();
        jdbc.sql("""
                select p.id, count(e.id), coalesce(sum(e.amount), 0) from corebanking.posting p
                left join corebanking.entry e on e.posting_id = p.id
                group by p.id having count(e.id) < 2 or coalesce(sum(e.amount), 0) <> 0
                """).query((rs, row) -> "posting " + rs.getLong(1) + " has " + rs.getLong(2) + " legs summing to "
                + rs.getLong(3)).list().forEach(found::add);
        long total = jdbc.sql("select coalesce(sum(amount), 0) from corebanking.entry").query(Long.class).single();
        if (total != 0) {
            found.add("all entries sum to " + total);
        }
        jdbc.sql("""
                select a.account_id, a.balance, coalesce(sum(e.amount), 0) from corebanking.account a
                left join corebanking.entry e on e.account_ref = a.id
                where a.kind = 'CUSTOMER' group by a.id having a.balance <> coalesce(sum(e.amount), 0)
                """).query((rs, row) -> "account " + rs.getString(1) + " has balance " + rs.getLong(2)
                + " but entries summing to " + rs.getLong(3)).list().forEach(found::add);
        jdbc.sql("""
                select a.account_id, a.held, coalesce(sum(r.amount), 0) from corebanking.account a
                left join corebanking.reservation r on r.debit_account_ref = a.id and r.status = 'ACTIVE'
                group by a.id having a.held <> coalesce(sum(r.amount), 0)
                """).query((rs, row) -> "account " + rs.getString(1) + " holds " + rs.getLong(2)
                + " but its active holds sum to " + rs.getLong(3)).list().forEach(found::add);
        jdbc.sql("""
                select account_id, balance, held from corebanking.account
                where kind = 'CUSTOMER' and (balance < 0 or held < 0 or balance - held < 0)
                """).query((rs, row) -> "account " + rs.getString(1) + " is overdrawn: balance " + rs.getLong(2)
                + ", held " + rs.getLong(3)).list().forEach(found::add);
        jdbc.sql("""
                select r.id from corebanking.reservation r
                where (r.status = 'POSTED') <> (r.posting_id is not null)
                """).query((rs, row) -> "reservation " + rs.getLong(1) + " is posted without a posting or has one"
                + " without being posted").list().forEach(found::add);
        return found;
    }

    public long balance(String accountId) {
        return jdbc.sql("select balance from corebanking.account where account_id = ?").param(accountId)
                .query(Long.class).single();
    }

    /** The balance less the active holds. */
    public long withdrawable(String accountId) {
        return jdbc.sql("select balance - held from corebanking.account where account_id = ?").param(accountId)
                .query(Long.class).single();
    }

    /** The sum of all customer accounts' balances. */
    public long customersTotal() {
        return jdbc.sql("select coalesce(sum(balance), 0) from corebanking.account where kind = 'CUSTOMER'")
                .query(Long.class).single();
    }

    /** The newest posting's id (0 when there is none), to count what is posted after it. */
    public long lastPostingId() {
        return jdbc.sql("select coalesce(max(id), 0) from corebanking.posting").query(Long.class).single();
    }

    /** The kinds of the postings made after {@code postingId}, one element per posting. */
    public List<String> postingKindsAfter(long postingId) {
        return jdbc.sql("select kind from corebanking.posting where id > ? order by id").param(postingId)
                .query(String.class).list();
    }

    /** How many holds of the core are still active (money held for a transfer not yet posted or voided). */
    public long activeHolds() {
        return jdbc.sql("select count(*) from corebanking.reservation where status = 'ACTIVE'").query(Long.class)
                .single();
    }

    /** The reservations the core made under {@code idempotencyKey} (for any customer), with their postings' legs. */
    public List<Hold> holdsUnder(String idempotencyKey) {
        return jdbc.sql("select status, posting_id from corebanking.reservation where idempotency_key = ? order by id")
                .param(idempotencyKey)
                .query((rs, row) -> new Hold(rs.getString(1), rs.getObject(2, Long.class), List.of())).list()
                .stream().map(hold -> hold.postingId() == null ? hold
                        : new Hold(hold.status(), hold.postingId(), legs(hold.postingId())))
                .toList();
    }

    private List<Leg> legs(long postingId) {
        return jdbc.sql("""
                select a.account_id, e.amount from corebanking.entry e
                join corebanking.account a on a.id = e.account_ref
                where e.posting_id = ? order by e.id
                """).param(postingId).query((rs, row) -> new Leg(rs.getString(1), rs.getLong(2))).list();
    }
}

package jp.kakehashi.corebanking.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.kakehashi.corebanking.simulator.DemoCatalog.DemoBranch;
import jp.kakehashi.corebanking.simulator.DemoCatalog.DemoCustomer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo bank: customers C0001 山田 太郎 (two 普通 accounts and a 貯蓄), C0002 佐藤 花子 (普通) and
 * C0003 株式会社架け橋商事 (当座), each account with six months of history up to the day before the first seeding.
 *
 * <p>Safe to call at every start, also from several nodes at once: it seeds once and keeps the data (and
 * everything posted since) across restarts.
 */
public final class CoreBankingDemoData {

    static final String SEED_NAME = "demo-v1";

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Clock clock;
    private final Map<String, Long> refs = new HashMap<>();

    private CoreBankingDemoData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = new Ledger(jdbc);
        this.clock = clock;
    }

    public static void seed(DataSource dataSource) {
        seed(dataSource, Clock.systemUTC());
    }

    /** @param clock its date (in Japan) anchors the history, which ends the day before */
    public static void seed(DataSource dataSource, Clock clock) {
        CoreBankingDemoData demo = new CoreBankingDemoData(JdbcClient.create(dataSource), clock);
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> demo.seedOnce());
    }

    private void seedOnce() {
        // serialises nodes starting together; the loser then sees the winner's marker
        jdbc.sql("lock table corebanking.demo_seed in exclusive mode").update();
        boolean seeded = jdbc.sql("select count(*) from corebanking.demo_seed where name = ?")
                .param(SEED_NAME).query(Integer.class).single() > 0;
        if (seeded) {
            return;
        }
        LocalDate anchor = Tokyo.today(clock);
        insertCatalog();
        postOpeningBalances(DemoHistory.firstDay(anchor).minusDays(1));
        postHistory(DemoHistory.before(anchor));
        jdbc.sql("insert into corebanking.demo_seed (name, seeded_at) values (?, ?)")
                .params(SEED_NAME, Tokyo.forDatabase(Tokyo.now(clock))).update();
    }

    private void insertCatalog() {
        for (DemoBranch branch : DemoCatalog.BRANCHES) {
            jdbc.sql("insert into corebanking.branch (branch_code, branch_name) values (?, ?) on conflict do nothing")
                    .params(branch.code(), branch.name()).update();
        }
        for (DemoCustomer customer : DemoCatalog.CUSTOMERS) {
            jdbc.sql("""
                            insert into corebanking.customer (customer_id, name, name_kana, customer_type)
                            values (?, ?, ?, ?) on conflict do nothing""")
                    .params(customer.customerId(), customer.name(), customer.nameKana(), customer.type()).update();
        }
        for (DemoAccount account : DemoCatalog.ACCOUNTS) {
            jdbc.sql("""
                            insert into corebanking.account (account_id, kind, customer_id, branch_code,
                                   account_type_code, account_number, name, name_kana, opened_on)
                            values (?, 'CUSTOMER', ?, ?, ?, ?, ?, ?, ?)""")
                    .params(account.accountId(), account.customerId(), account.branchCode(),
                            account.accountTypeCode(), account.accountNumber(), account.name(), account.nameKana(),
                            account.openedOn())
                    .update();
        }
    }

    private void postOpeningBalances(LocalDate date) {
        long carryForward = ref(InternalAccount.CARRY_FORWARD.accountId());
        for (DemoAccount account : DemoCatalog.ACCOUNTS) {
            ledger.post(Ledger.Posting.move("OPENING", date, postedAt(date, 0), carryForward, "繰越",
                    ref(account.accountId()), "繰越", account.openingBalance()));
        }
    }

    private void postHistory(List<DemoMovement> movements) {
        LocalDate day = null;
        int sequence = 0;
        for (DemoMovement movement : movements) {
            sequence = movement.date().equals(day) ? sequence + 1 : 0;
            day = movement.date();
            ledger.post(Ledger.Posting.move("DEMO", movement.date(), postedAt(movement.date(), sequence),
                    ref(movement.fromAccountId()), movement.fromRemarks(),
                    ref(movement.toAccountId()), movement.toRemarks(), movement.amount()));
        }
    }

    /** Demo postings happen during the morning batch, a minute apart, so their order is visible in time too. */
    private static Instant postedAt(LocalDate date, int sequence) {
        return date.atTime(9, 0).plusMinutes(sequence).atZone(Tokyo.ZONE).toInstant();
    }

    private long ref(String accountId) {
        return refs.computeIfAbsent(accountId, id -> jdbc.sql("select id from corebanking.account where account_id = ?")
                .param(id).query(Long.class).single());
    }
}

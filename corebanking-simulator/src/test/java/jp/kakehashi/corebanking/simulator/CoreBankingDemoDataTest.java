package jp.kakehashi.corebanking.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.CustomerType;
import jp.kakehashi.corebanking.spi.Transaction;
import jp.kakehashi.corebanking.spi.TransactionQuery;
import org.junit.jupiter.api.Test;

class CoreBankingDemoDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

    @Test
    void seedWhenCalledAgainThenNothingIsAdded() {
        DataSource dataSource = TestDatabase.seeded();
        LedgerProbe ledger = new LedgerProbe(dataSource);
        long entries = ledger.entries();

        CoreBankingDemoData.seed(dataSource, TestDatabase.CLOCK);
        CoreBankingDemoData.seed(dataSource, Clock.offset(TestDatabase.CLOCK, java.time.Duration.ofDays(40)));

        assertThat(entries).isGreaterThan(200);
        assertThat(ledger.entries()).isEqualTo(entries);
        assertThat(new SimulatedCoreBanking(dataSource).accountsOf(new CustomerId("C0001"))).hasSize(3);
    }

    @Test
    void seedThenLedgerBalancesAndNoCustomerAccountIsNegative() {
        LedgerProbe ledger = new LedgerProbe(seededFromScratch());

        assertThat(ledger.sumOfAllLegs()).isZero();
        assertThat(ledger.accountsOutOfStep()).isZero();
        assertThat(ledger.negativeCustomerBalances()).isZero();
    }

    @Test
    void accountsOfWhenSeededThenEachCustomerHasTheirAccounts() {
        var core = new SimulatedCoreBanking(TestDatabase.seeded(), TestDatabase.CLOCK);

        List<Account> yamada = core.accountsOf(new CustomerId("C0001"));
        assertThat(yamada).extracting(Account::accountId).containsExactly(
                new AccountId("001011234567"), new AccountId("101017654321"), new AccountId("001042345678"));
        assertThat(yamada.getFirst()).isEqualTo(new Account(new AccountId("001011234567"), new CustomerId("C0001"),
                "001", "本店営業部", "01", "普通預金", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ", "山田 太郎", "JPY", LocalDate.of(2012, 4, 2)));
        assertThat(yamada.get(1).branchName()).isEqualTo("渋谷支店");
        assertThat(yamada.get(2).accountTypeName()).isEqualTo("貯蓄預金");
        assertThat(core.accountsOf(new CustomerId("C0002"))).singleElement()
                .satisfies(account -> assertThat(account.accountNameKana()).isEqualTo("ｻﾄｳ ﾊﾅｺ"));
        assertThat(core.accountsOf(new CustomerId("C0003"))).singleElement()
                .satisfies(account -> assertThat(account.accountTypeName()).isEqualTo("当座預金"));
        assertThat(core.customer(new CustomerId("C0003"))).hasValueSatisfying(customer -> {
            assertThat(customer.nameKana()).isEqualTo("ｶ)ｶｹﾊｼｼﾖｳｼﾞ");
            assertThat(customer.type()).isEqualTo(CustomerType.CORPORATE);
        });
        assertThat(core.accountsOf(new CustomerId("C9999"))).isEmpty();
    }

    @Test
    void seedWhenAnchoredAtTheSameDayThenHistoryIsIdenticalAndCoversSixMonths() {
        List<Transaction> first = yamadaHistory(seededFromScratch());
        List<Transaction> second = yamadaHistory(seededFromScratch());

        assertThat(second).isEqualTo(first);
        assertThat(first.getFirst().transactionDate()).isEqualTo(TODAY.minusMonths(6).minusDays(1));
        assertThat(first.getFirst().remarks()).isEqualTo("繰越");
        assertThat(first.getLast().transactionDate()).isBefore(TODAY);
        assertThat(first).extracting(Transaction::remarks)
                .contains("給与 ｶ)ｶｹﾊｼｼﾖｳｼﾞ", "振込 ｶ)ｱｵﾊﾞﾌﾄﾞｳｻﾝ", "ｶ-ﾄﾞ ﾐﾗｲｶ-ﾄﾞ", "ATM ﾋｷﾀﾞｼ", "振替 ﾁﾖﾁｸ");
        assertThat(first).filteredOn(line -> line.remarks().startsWith("給与")).hasSize(6);
    }

    /** Not the shared template copy: this test is about what seeding itself produces. */
    private static DataSource seededFromScratch() {
        DataSource dataSource = TestDatabase.migrated();
        CoreBankingDemoData.seed(dataSource, TestDatabase.CLOCK);
        return dataSource;
    }

    private static List<Transaction> yamadaHistory(DataSource dataSource) {
        var core = new SimulatedCoreBanking(dataSource, TestDatabase.CLOCK);
        return core.transactions(TransactionQuery.firstPage(new AccountId("001011234567"), TODAY.minusYears(1), TODAY,
                TransactionQuery.MAX_LIMIT)).orElseThrow().transactions();
    }
}

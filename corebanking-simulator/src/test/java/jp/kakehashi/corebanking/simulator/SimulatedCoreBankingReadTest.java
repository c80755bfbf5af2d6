package jp.kakehashi.corebanking.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.Balance;
import jp.kakehashi.corebanking.spi.Transaction;
import jp.kakehashi.corebanking.spi.TransactionPage;
import jp.kakehashi.corebanking.spi.TransactionQuery;
import jp.kakehashi.corebanking.spi.TransactionType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedCoreBankingReadTest {

    private static final AccountId YAMADA = new AccountId("001011234567");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

    private static SimulatedCoreBanking core;
    private static LedgerProbe ledger;

    @BeforeAll
    static void seed() {
        var dataSource = TestDatabase.seeded();
        core = new SimulatedCoreBanking(dataSource, TestDatabase.CLOCK);
        ledger = new LedgerProbe(dataSource);
    }

    @Test
    void transactionsWhenPagedThenPagesJoinToTheWholeHistoryWithoutGapsOrRepeats() {
        List<Transaction> whole = all(TODAY.minusYears(1), TODAY, TransactionQuery.MAX_LIMIT);

        List<Transaction> paged = new ArrayList<>();
        TransactionQuery query = TransactionQuery.firstPage(YAMADA, TODAY.minusYears(1), TODAY, 7);
        int pages = 0;
        while (true) {
            TransactionPage page = core.transactions(query).orElseThrow();
            pages++;
            assertThat(page.transactions()).hasSizeLessThanOrEqualTo(7);
            paged.addAll(page.transactions());
            if (!page.hasNext()) {
                break;
            }
            assertThat(page.transactions()).hasSize(7);
            query = query.next(page);
        }

        assertThat(whole).hasSizeGreaterThan(40);
        assertThat(paged).isEqualTo(whole);
        assertThat(pages).isEqualTo((whole.size() + 6) / 7);
        assertThat(whole).extracting(Transaction::itemKey).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void transactionsThenEachLineCarriesTheBalanceAfterIt() {
        List<Transaction> whole = all(TODAY.minusYears(1), TODAY, TransactionQuery.MAX_LIMIT);

        long balance = 0;
        for (Transaction line : whole) {
            balance += line.type() == TransactionType.DEPOSIT ? line.amount() : -line.amount();
            assertThat(line.balanceAfter()).as(line.toString()).isEqualTo(balance);
        }
        assertThat(balance).isEqualTo(ledger.balance(YAMADA));
    }

    @Test
    void transactionsWhenPeriodGivenThenOnlyLinesOfThoseDaysBothEndsIncluded() {
        LocalDate from = LocalDate.of(2026, 1, 5);
        LocalDate to = LocalDate.of(2026, 1, 26);

        List<Transaction> lines = all(from, to, 3);

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line.transactionDate()).isBetween(from, to));
        assertThat(lines).extracting(Transaction::transactionDate).contains(from, to);
        assertThat(all(TODAY.minusYears(1), TODAY, 500)).filteredOn(line -> !line.transactionDate().isBefore(from)
                && !line.transactionDate().isAfter(to)).isEqualTo(lines);
    }

    @Test
    void transactionsWhenAccountUnknownThenEmpty() {
        assertThat(core.transactions(TransactionQuery.firstPage(new AccountId("999019999999"), TODAY, TODAY, 10)))
                .isEmpty();
    }

    @Test
    void transactionsWhenCursorIsNotOursThenCallerError() {
        var query = new TransactionQuery(YAMADA, TODAY.minusMonths(1), TODAY, "202613990000000000000001", 10);

        assertThatThrownBy(() -> core.transactions(query)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void balanceThenCurrentAndPreviousDayAndMonthFollowTheHistory() {
        Balance balance = core.balance(YAMADA).orElseThrow();
        List<Transaction> lines = all(TODAY.minusYears(1), TODAY, 500);

        assertThat(balance.balance()).isEqualTo(lines.getLast().balanceAfter()).isPositive();
        assertThat(balance.withdrawableAmount()).isEqualTo(balance.balance());
        assertThat(balance.previousDayBalance()).isEqualTo(balance.balance());
        assertThat(balance.previousMonthBalance()).isEqualTo(lines.stream()
                .filter(line -> line.transactionDate().isBefore(TODAY.withDayOfMonth(1)))
                .reduce((first, second) -> second).orElseThrow().balanceAfter());
        assertThat(balance.previousMonthBalance()).isNotEqualTo(balance.balance());
        assertThat(balance.currency()).isEqualTo("JPY");
        assertThat(core.balance(new AccountId("999019999999"))).isEmpty();
    }

    private static List<Transaction> all(LocalDate from, LocalDate to, int limit) {
        List<Transaction> lines = new ArrayList<>();
        TransactionQuery query = TransactionQuery.firstPage(YAMADA, from, to, limit);
        TransactionPage page;
        do {
            page = core.transactions(query).orElseThrow();
            lines.addAll(page.transactions());
            if (page.hasNext()) {
                query = query.next(page);
            }
        } while (page.hasNext());
        return lines;
    }
}

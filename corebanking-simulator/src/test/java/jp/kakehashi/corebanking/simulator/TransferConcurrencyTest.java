package jp.kakehashi.corebanking.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.TransferResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Many transfers at once, crossing between the same accounts in both directions, to provoke deadlocks and races;
 * most pay a fee, so the fee leg is raced too.
 */
class TransferConcurrencyTest {

    private static final int THREADS = 8;
    private static final int TRANSFERS_PER_THREAD = 50;
    private static final int ACCOUNTS = 4;
    private static final long INITIAL_BALANCE = 10_000;

    private final List<AccountId> accounts = new ArrayList<>();
    private ExecutorService executor;
    private HikariDataSource pool;
    private SimulatedCoreBanking core;
    private LedgerProbe ledger;

    private record Attempt(int from, int to, long amount, long fee, TransferResult result) {
    }

    @BeforeEach
    void openAccounts() {
        // pooled as in production, so the threads contend on locks rather than on opening connections
        pool = new HikariDataSource();
        pool.setDataSource(TestDatabase.migrated());
        pool.setMaximumPoolSize(THREADS * 2);
        DataSource dataSource = pool;
        core = new SimulatedCoreBanking(dataSource, TestDatabase.CLOCK);
        ledger = new LedgerProbe(dataSource);
        for (int i = 0; i < ACCOUNTS; i++) {
            AccountId account = ledger.openAccount(customer(i).value(), "000000" + i);
            core.deposit(account, INITIAL_BALANCE, "ｹﾞﾝｷﾝ ﾆﾕｳｷﾝ");
            accounts.add(account);
        }
        executor = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        pool.close();
    }

    @RepeatedTest(3)
    void transferWhenManyRunInParallelThenMoneyIsConservedAndNeverOverdrawn() throws Exception {
        List<Attempt> attempts = runInParallel(thread -> {
            Random random = new Random(thread);
            List<Attempt> mine = new ArrayList<>();
            for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                int from = random.nextInt(ACCOUNTS);
                int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                long amount = 1 + random.nextInt(4_000);
                long fee = fee(random);
                var request = new TransferRequest(customer(from), new IdempotencyKey("t" + thread + "-" + i),
                        accounts.get(from), payee(to), amount, fee, null);
                mine.add(new Attempt(from, to, amount, fee, core.transfer(request)));
            }
            return mine;
        });

        assertThat(attempts).hasSize(THREADS * TRANSFERS_PER_THREAD);
        List<Attempt> accepted = attempts.stream().filter(a -> a.result() instanceof TransferResult.Accepted).toList();
        assertThat(accepted).isNotEmpty();
        assertThat(attempts).map(Attempt::result).filteredOn(TransferResult.Rejected.class::isInstance)
                .containsOnly(new TransferResult.Rejected(TransferRejection.INSUFFICIENT_FUNDS));
        assertThat(ledger.postings("TRANSFER")).isEqualTo(accepted.size());

        Map<Integer, Long> expected = new HashMap<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            expected.put(i, INITIAL_BALANCE);
        }
        long fees = 0;
        for (Attempt attempt : accepted) {
            expected.merge(attempt.from(), -(attempt.amount() + attempt.fee()), Long::sum);
            expected.merge(attempt.to(), attempt.amount(), Long::sum);
            fees += attempt.fee();
        }
        long total = 0;
        for (int i = 0; i < ACCOUNTS; i++) {
            long balance = ledger.balance(accounts.get(i));
            assertThat(balance).as("account %d", i).isEqualTo(expected.get(i)).isNotNegative();
            total += balance;
        }
        assertThat(fees).as("the race charged fees").isPositive();
        assertThat(ledger.feeIncome()).isEqualTo(fees);
        assertThat(total + ledger.feeIncome()).isEqualTo(ACCOUNTS * INITIAL_BALANCE);
        assertThat(ledger.sumOfAllLegs()).isZero();
        assertThat(ledger.accountsOutOfStep()).isZero();
        assertThat(ledger.negativeCustomerBalances()).isZero();
    }

    @Test
    void transferWhenTheSameKeyArrivesOnManyThreadsAtOnceThenItIsPostedOnce() throws Exception {
        var request = new TransferRequest(customer(0), new IdempotencyKey("same"), accounts.get(0), payee(1), 700, 110,
                null);

        List<TransferResult> results = runInParallel(thread -> List.of(core.transfer(request)));

        assertThat(results).hasSize(THREADS).allSatisfy(result -> assertThat(result).isEqualTo(results.getFirst()));
        assertThat(results.getFirst()).isInstanceOf(TransferResult.Accepted.class);
        assertThat(ledger.postings("TRANSFER")).isEqualTo(1);
        assertThat(ledger.balance(accounts.get(0))).isEqualTo(INITIAL_BALANCE - 810);
        assertThat(ledger.feeIncome()).isEqualTo(110);
    }

    /** Starts every thread's work at the same moment and gathers the results; a thread's exception fails the test. */
    private <T> List<T> runInParallel(ThreadWork<T> work) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<T>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Callable<List<T>> task = () -> {
                ready.countDown();
                start.await();
                return work.run(thread);
            };
            futures.add(executor.submit(task));
        }
        assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
        start.countDown();
        List<T> all = new ArrayList<>();
        for (Future<List<T>> future : futures) {
            all.addAll(future.get(120, TimeUnit.SECONDS));
        }
        return all;
    }

    @FunctionalInterface
    private interface ThreadWork<T> {
        List<T> run(int thread) throws Exception;
    }

    /** Mostly one of the usual fees, sometimes none: both shapes of posting race each other. */
    private static long fee(Random random) {
        return random.nextInt(4) * 110L;
    }

    private static CustomerId customer(int account) {
        return new CustomerId("T000" + account);
    }

    private static Payee payee(int account) {
        return new Payee(SimulatedCoreBanking.DEFAULT_BANK_CODE, "001", "1", "000000" + account, "ﾃｽﾄ");
    }
}

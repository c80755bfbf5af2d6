package jp.kakehashi.corebanking.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.PostRefusal;
import jp.kakehashi.corebanking.spi.PostResult;
import jp.kakehashi.corebanking.spi.ReservationId;
import jp.kakehashi.corebanking.spi.ReservationResult;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.VoidRefusal;
import jp.kakehashi.corebanking.spi.VoidResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two-phase transfers (payment correctness) under races: holds never overdraw, never post twice, never get lost.
 * Transfers pay fees, so holds are amount + fee and the fee income belongs to the bank's fixed total.
 */
class ReservationConcurrencyTest {

    private static final int ACCOUNTS = 6;
    private static final long INITIAL_BALANCE = 10_000;

    private final List<AccountId> accounts = new ArrayList<>();
    private HikariDataSource pool;
    private SimulatedCoreBanking core;
    private LedgerProbe ledger;

    @BeforeEach
    void openAccounts() {
        pool = new HikariDataSource();
        pool.setDataSource(TestDatabase.migrated());
        pool.setMaximumPoolSize(32);
        core = new SimulatedCoreBanking(pool, TestDatabase.CLOCK);
        ledger = new LedgerProbe(pool);
        for (int i = 0; i < ACCOUNTS; i++) {
            AccountId account = ledger.openAccount(customer(i).value(), "000000" + i);
            core.deposit(account, INITIAL_BALANCE, "ｹﾞﾝｷﾝ");
            accounts.add(account);
        }
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @RepeatedTest(5)
    void reserveAndPostWhen64RaceForMoneyCoveringTenThenExactlyTenSucceed() throws Exception {
        List<Callable<PostResult>> tasks = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String key = "p-" + i;
            // 890 + 110 fee: each takes 1,000 yen, so the 10,000 cover exactly ten only if the fee is held too
            tasks.add(() -> switch (core.reserve(request(0, key, 1, 890, 110))) {
                case ReservationResult.Reserved reserved -> core.post(reserved.reservationId());
                case ReservationResult.Rejected rejected -> {
                    assertThat(rejected.reason()).isEqualTo(TransferRejection.INSUFFICIENT_FUNDS);
                    yield null;
                }
            });
        }

        List<PostResult> results = Race.run(tasks);

        assertThat(results).filteredOn(PostResult.Posted.class::isInstance).hasSize(10);
        assertThat(results).filteredOn(r -> r == null).hasSize(54);
        assertThat(core.balance(accounts.get(0))).hasValueSatisfying(balance -> {
            assertThat(balance.balance()).isZero();
            assertThat(balance.withdrawableAmount()).isZero();
        });
        assertThat(ledger.balance(accounts.get(1))).isEqualTo(INITIAL_BALANCE + 8_900);
        assertThat(ledger.feeIncome()).isEqualTo(1_100);
        assertThat(ledger.postings("TRANSFER")).isEqualTo(10);
        assertLedgerSound();
    }

    @RepeatedTest(5)
    void postAndVoidWhenTheyRaceOnTheSameHoldsThenEachHoldEndsOneWayOnly(RepetitionInfo repetition) throws Exception {
        List<ReservationId> contested = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            contested.add(((ReservationResult.Reserved) core.reserve(request(0, "c-" + i, 1, 450, 50)))
                    .reservationId());
        }
        List<Callable<Tagged>> tasks = new ArrayList<>();
        for (ReservationId id : contested) {
            tasks.add(() -> new Tagged(id, core.post(id)));
            tasks.add(() -> new Tagged(id, core.post(id)));
            tasks.add(() -> new Tagged(id, core.voidReservation(id)));
            tasks.add(() -> new Tagged(id, core.voidReservation(id)));
        }
        for (int i = 0; i < 16; i++) {
            String key = "n-" + i;
            tasks.add(() -> new Tagged(null, core.reserve(request(0, key, 2, 270, 30))));
        }
        Collections.shuffle(tasks, new Random(repetition.getCurrentRepetition()));

        List<Tagged> results = Race.run(tasks);

        int posted = 0;
        for (ReservationId id : contested) {
            List<Object> posts = results.stream().filter(r -> id.equals(r.id()) && r.result() instanceof PostResult)
                    .map(Tagged::result).toList();
            List<Object> voids = results.stream().filter(r -> id.equals(r.id()) && r.result() instanceof VoidResult)
                    .map(Tagged::result).toList();
            assertThat(posts).hasSize(2);
            assertThat(voids).hasSize(2);
            if (posts.getFirst() instanceof PostResult.Posted) {
                posted++;
                assertThat(posts.getLast()).isEqualTo(posts.getFirst());
                assertThat(voids).containsOnly(new VoidResult.Refused(VoidRefusal.RESERVATION_POSTED));
            } else {
                assertThat(voids.getFirst()).isInstanceOf(VoidResult.Voided.class);
                assertThat(voids.getLast()).isEqualTo(voids.getFirst());
                assertThat(posts).containsOnly(new PostResult.Refused(PostRefusal.RESERVATION_VOIDED));
            }
        }
        List<ReservationResult> newReserves = results.stream().filter(r -> r.id() == null)
                .map(r -> (ReservationResult) r.result()).toList();
        long newHolds = newReserves.stream().filter(ReservationResult.Reserved.class::isInstance).count();
        assertThat(newReserves).filteredOn(ReservationResult.Rejected.class::isInstance)
                .allSatisfy(r -> assertThat(r).isEqualTo(
                        new ReservationResult.Rejected(TransferRejection.INSUFFICIENT_FUNDS)));
        // holds are amount + fee: 500 contested, 300 new. 4,000 yen were free before the race; posting never frees
        // room, voiding does: so 13 to 16 new holds fit
        assertThat(newHolds).isBetween(13L, 16L);
        assertThat(ledger.postings("TRANSFER")).isEqualTo(posted);
        assertThat(ledger.balance(accounts.get(0))).isEqualTo(INITIAL_BALANCE - 500L * posted);
        assertThat(ledger.balance(accounts.get(1))).isEqualTo(INITIAL_BALANCE + 450L * posted);
        assertThat(ledger.feeIncome()).isEqualTo(50L * posted);
        assertThat(ledger.held(accounts.get(0))).isEqualTo(300 * newHolds);
        assertThat(ledger.balance(accounts.get(2))).isEqualTo(INITIAL_BALANCE);
        assertLedgerSound();
    }

    @RepeatedTest(5)
    void readersWhenTransfersOfBothKindsRunThenAlwaysSeeTheSameTotal(RepetitionInfo repetition) throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            long seed = repetition.getCurrentRepetition() * 100L + t;
            tasks.add(() -> write(seed, writing));
        }
        for (int t = 0; t < 3; t++) {
            tasks.add(() -> read(writing));
        }

        List<Integer> counts = Race.run(tasks);

        assertThat(counts.subList(6, 9)).allSatisfy(reads -> assertThat(reads).isPositive());
        assertThat(ledger.feeIncome()).as("the writers charged fees").isPositive();
        assertThat(sumOfCustomerBalances() + ledger.feeIncome()).isEqualTo(ACCOUNTS * INITIAL_BALANCE);
        assertLedgerSound();
    }

    /** Random transfers in all directions, one-step and two-phase; the last writer to finish stops the readers. */
    private int write(long seed, AtomicBoolean writing) {
        try {
            writeRandomly(new Random(seed), seed);
        } finally {
            synchronized (this) {
                writers++;
                if (writers == 6) {
                    writing.set(false);
                }
            }
        }
        return 0;
    }

    private void writeRandomly(Random random, long seed) {
        for (int i = 0; i < 40; i++) {
            int from = random.nextInt(ACCOUNTS);
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            var request = request(from, "w" + seed + "-" + i, to, 1 + random.nextInt(3_000), random.nextInt(4) * 110L);
            switch (random.nextInt(4)) {
                case 0 -> core.transfer(request);
                case 1 -> {
                    if (core.reserve(request) instanceof ReservationResult.Reserved reserved) {
                        core.post(reserved.reservationId());
                    }
                }
                case 2 -> {
                    if (core.reserve(request) instanceof ReservationResult.Reserved reserved) {
                        core.voidReservation(reserved.reservationId());
                    }
                }
                default -> core.reserve(request);
            }
        }
    }

    /** Writers finished, guarded by {@code this}. */
    private int writers;

    /**
     * One statement is one snapshot, so every read must see the whole fixed total – customers' balances plus the
     * bank's fee income – never money in flight, nor a fee taken without its transfer or the other way round.
     */
    private int read(AtomicBoolean writing) {
        JdbcClient jdbc = JdbcClient.create(pool);
        int reads = 0;
        do {
            List<Long> sums = jdbc.sql("""
                    select sum(balance) filter (where kind = 'CUSTOMER'),
                           (select coalesce(sum(e.amount), 0) from corebanking.entry e
                              join corebanking.account i on i.id = e.account_ref where i.kind = 'INTERNAL'),
                           min(balance - held) filter (where kind = 'CUSTOMER'),
                           (select coalesce(sum(e.amount), 0) from corebanking.entry e
                              join corebanking.account i on i.id = e.account_ref where i.account_id = ?)
                      from corebanking.account""")
                    .param(InternalAccount.REMITTANCE_FEE_INCOME.accountId())
                    .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
            assertThat(sums.get(0) + sums.get(3)).isEqualTo(ACCOUNTS * INITIAL_BALANCE);
            assertThat(sums.get(0) + sums.get(1)).isZero();
            assertThat(sums.get(2)).isNotNegative();
            reads++;
        } while (writing.get());
        return reads;
    }

    private long sumOfCustomerBalances() {
        return accounts.stream().mapToLong(account -> core.balance(account).orElseThrow().balance()).sum();
    }

    private void assertLedgerSound() {
        assertThat(ledger.sumOfAllLegs()).isZero();
        assertThat(ledger.accountsOutOfStep()).isZero();
        assertThat(ledger.holdsOutOfStep()).isZero();
        assertThat(ledger.negativeCustomerBalances()).isZero();
        for (AccountId account : accounts) {
            assertThat(core.balance(account).orElseThrow().withdrawableAmount()).isNotNegative();
        }
    }

    /** A result with the contested reservation it concerns; refusals do not name it themselves. */
    private record Tagged(ReservationId id, Object result) {
    }

    private static TransferRequest request(int from, String key, int to, long amount, long fee) {
        return new TransferRequest(customer(from), new IdempotencyKey(key), new AccountId("00101000000" + from),
                payee(to), amount, fee, null);
    }

    private static CustomerId customer(int account) {
        return new CustomerId("T000" + account);
    }

    private static Payee payee(int account) {
        return new Payee(SimulatedCoreBanking.DEFAULT_BANK_CODE, "001", "1", "000000" + account, "ﾃｽﾄ");
    }
}

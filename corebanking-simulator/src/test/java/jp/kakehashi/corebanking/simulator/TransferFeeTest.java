package jp.kakehashi.corebanking.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import jp.kakehashi.corebanking.simulator.SimulatedCoreBankingReservationTest.MovableClock;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.PostRefusal;
import jp.kakehashi.corebanking.spi.PostResult;
import jp.kakehashi.corebanking.spi.ReservationId;
import jp.kakehashi.corebanking.spi.ReservationResult;
import jp.kakehashi.corebanking.spi.ReservationStatus;
import jp.kakehashi.corebanking.spi.Transaction;
import jp.kakehashi.corebanking.spi.TransactionQuery;
import jp.kakehashi.corebanking.spi.TransactionType;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.TransferResult;
import jp.kakehashi.corebanking.spi.VoidResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The transfer fee (振込手数料) as a real ledger leg: the debit account pays amount + fee in one posting,
 * holds cover both, and the fee lands in the bank's remittance fee income exactly once.
 */
class TransferFeeTest {

    private static final CustomerId PAYER = new CustomerId("T0000");
    private static final AccountId PAYER_ACCOUNT = new AccountId("001010000000");
    private static final Payee TO_PAYEE = new Payee(SimulatedCoreBanking.DEFAULT_BANK_CODE, "001", "1", "0000001", "ﾃｽﾄ");
    private static final Payee TO_OTHER_BANK = new Payee("0005", "123", "1", "7777777", "ﾀﾅｶ ｲﾁﾛｳ");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final long FUNDS = 10_000;

    private final MovableClock clock = new MovableClock(TestDatabase.CLOCK.instant());
    private SimulatedCoreBanking core;
    private LedgerProbe ledger;
    private AccountId payee;

    @BeforeEach
    void openAccounts() {
        DataSource dataSource = TestDatabase.migrated();
        core = new SimulatedCoreBanking(dataSource, clock, SimulatedCoreBanking.DEFAULT_BANK_CODE, LIFETIME);
        ledger = new LedgerProbe(dataSource);
        assertThat(ledger.openAccount(PAYER.value(), "0000000")).isEqualTo(PAYER_ACCOUNT);
        payee = ledger.openAccount("T0001", "0000001");
        core.deposit(PAYER_ACCOUNT, FUNDS, "ｹﾞﾝｷﾝ");
    }

    @Test
    void transferWhenFeeThenOnePostingDebitsAmountAndFeeAndTheFeeGoesToFeeIncome() {
        long entries = ledger.entries();

        TransferResult result = core.transfer(request("t-1", TO_PAYEE, 3_000, 330));

        assertThat(result).isInstanceOfSatisfying(TransferResult.Accepted.class, accepted -> {
            assertThat(accepted.amount()).isEqualTo(3_000);
            assertThat(accepted.fee()).isEqualTo(330);
            assertThat(accepted.balanceAfter()).isEqualTo(6_670);
        });
        assertThat(ledger.balance(PAYER_ACCOUNT)).isEqualTo(6_670);
        assertThat(ledger.balance(payee)).isEqualTo(3_000);
        assertThat(ledger.feeIncome()).isEqualTo(330);
        assertThat(ledger.postings("TRANSFER")).isEqualTo(1);
        assertThat(ledger.entries()).as("amount and fee legs on both sides").isEqualTo(entries + 4);
        assertLedgerSound();
    }

    @Test
    void transferWhenFeeThenHistoryShowsTheFeeAsItsOwnLineOfTheSameTransaction() {
        var accepted = (TransferResult.Accepted) core.transfer(request("t-1", TO_PAYEE, 3_000, 330));

        List<Transaction> payerLines = today(PAYER_ACCOUNT);
        assertThat(payerLines).hasSize(3);
        Transaction transferLine = payerLines.get(1);
        Transaction feeLine = payerLines.get(2);
        assertThat(transferLine.remarks()).isEqualTo("振込 ﾃｽﾄ");
        assertThat(transferLine.amount()).isEqualTo(3_000);
        assertThat(transferLine.balanceAfter()).isEqualTo(7_000);
        assertThat(feeLine.remarks()).isEqualTo("振込手数料");
        assertThat(feeLine.type()).isEqualTo(TransactionType.WITHDRAWAL);
        assertThat(feeLine.amount()).isEqualTo(330);
        assertThat(feeLine.balanceAfter()).isEqualTo(6_670);
        assertThat(List.of(transferLine.transactionId(), feeLine.transactionId()))
                .containsOnly(accepted.transactionId());
        assertThat(today(payee)).singleElement().satisfies(line -> {
            assertThat(line.amount()).as("the payee receives the amount, not the fee").isEqualTo(3_000);
            assertThat(line.type()).isEqualTo(TransactionType.DEPOSIT);
        });
    }

    @Test
    void transferWhenFeeIsZeroThenNoFeeLegs() {
        long entries = ledger.entries();

        TransferResult result = core.transfer(request("t-1", TO_PAYEE, 3_000, 0));

        assertThat(result).isInstanceOfSatisfying(TransferResult.Accepted.class, accepted -> {
            assertThat(accepted.fee()).isZero();
            assertThat(accepted.balanceAfter()).isEqualTo(7_000);
        });
        assertThat(ledger.entries()).isEqualTo(entries + 2);
        assertThat(ledger.feeIncome()).isZero();
        assertThat(today(PAYER_ACCOUNT)).extracting(Transaction::remarks).doesNotContain("振込手数料");
        assertLedgerSound();
    }

    @Test
    void transferWhenPayeeAtAnotherBankThenClearingGetsTheAmountAndFeeIncomeTheFee() {
        assertThat(core.transfer(request("t-1", TO_OTHER_BANK, 4_000, 330))).isInstanceOf(TransferResult.Accepted.class);

        assertThat(ledger.balance(InternalAccount.ZENGIN_CLEARING)).isEqualTo(4_000);
        assertThat(ledger.feeIncome()).isEqualTo(330);
        assertThat(ledger.balance(PAYER_ACCOUNT)).isEqualTo(FUNDS - 4_330);
        assertLedgerSound();
    }

    @Test
    void transferWhenRetriedWithTheSameKeyThenTheFeeIsDebitedOnce() {
        TransferResult first = core.transfer(request("t-1", TO_PAYEE, 3_000, 330));

        TransferResult retry = core.transfer(request("t-1", TO_PAYEE, 3_000, 330));

        assertThat(retry).isEqualTo(first).isInstanceOf(TransferResult.Accepted.class);
        assertThat(core.transferResult(PAYER, new IdempotencyKey("t-1"))).contains(first);
        assertThat(ledger.balance(PAYER_ACCOUNT)).isEqualTo(6_670);
        assertThat(ledger.feeIncome()).isEqualTo(330);
        assertThat(ledger.postings("TRANSFER")).isEqualTo(1);
    }

    @Test
    void transferWhenRetriedWithAnotherFeeThenDuplicateRequestMismatchAndNothingMoves() {
        TransferResult first = core.transfer(request("t-1", TO_PAYEE, 3_000, 110));

        TransferResult changed = core.transfer(request("t-1", TO_PAYEE, 3_000, 330));
        TransferResult free = core.transfer(request("t-1", TO_PAYEE, 3_000, 0));

        assertThat(changed).isEqualTo(new TransferResult.Rejected(TransferRejection.DUPLICATE_REQUEST_MISMATCH));
        assertThat(free).isEqualTo(changed);
        assertThat(core.transferResult(PAYER, new IdempotencyKey("t-1"))).contains(first);
        assertThat(ledger.balance(PAYER_ACCOUNT)).isEqualTo(FUNDS - 3_110);
        assertThat(ledger.feeIncome()).isEqualTo(110);
    }

    @Test
    void transferWhenBalanceCoversTheAmountButNotTheFeeThenInsufficientFunds() {
        long entries = ledger.entries();

        TransferResult refused = core.transfer(request("t-1", TO_PAYEE, FUNDS, 110));
        TransferResult exact = core.transfer(request("t-2", TO_PAYEE, FUNDS - 110, 110));

        assertThat(refused).isEqualTo(new TransferResult.Rejected(TransferRejection.INSUFFICIENT_FUNDS));
        assertThat(exact).isInstanceOfSatisfying(TransferResult.Accepted.class,
                accepted -> assertThat(accepted.balanceAfter()).isZero());
        assertThat(ledger.entries()).as("only the exact transfer posted").isEqualTo(entries + 4);
        assertThat(ledger.feeIncome()).isEqualTo(110);
        assertLedgerSound();
    }

    @Test
    void reserveWhenFeeThenTheHoldIsAmountPlusFeeAndTheBalanceStays() {
        ReservationResult result = core.reserve(request("r-1", TO_PAYEE, 3_000, 330));

        assertThat(result).isInstanceOfSatisfying(ReservationResult.Reserved.class, reserved -> {
            assertThat(reserved.amount()).isEqualTo(3_000);
            assertThat(reserved.fee()).isEqualTo(330);
            assertThat(reserved.withdrawableAfter()).isEqualTo(6_670);
        });
        assertThat(core.balance(PAYER_ACCOUNT)).hasValueSatisfying(balance -> {
            assertThat(balance.balance()).isEqualTo(FUNDS);
            assertThat(balance.withdrawableAmount()).isEqualTo(6_670);
        });
        assertThat(ledger.held(PAYER_ACCOUNT)).isEqualTo(3_330);
        assertThat(core.reservation(reservationId(result))).hasValueSatisfying(
                reservation -> assertThat(reservation.request().fee()).isEqualTo(330));
        assertThat(core.reservationResult(PAYER, new IdempotencyKey("r-1"))).contains(result);
        assertThat(ledger.holdsOutOfStep()).isZero();
    }

    @Test
    void reserveWhenBalanceCoversTheAmountButNotTheFeeThenInsufficientFundsAndNothingIsHeld() {
        ReservationResult refused = core.reserve(request("r-1", TO_PAYEE, FUNDS, 110));

        assertThat(refused).isEqualTo(new ReservationResult.Rejected(TransferRejection.INSUFFICIENT_FUNDS));
        assertThat(ledger.held(PAYER_ACCOUNT)).isZero();
        assertThat(core.reserve(request("r-2", TO_PAYEE, FUNDS - 110, 110)))
                .isInstanceOf(ReservationResult.Reserved.class);
        assertThat(core.balance(PAYER_ACCOUNT).orElseThrow().withdrawableAmount()).isZero();
    }

    @Test
    void transferWhenAHoldTookTheRoomForTheFeeThenInsufficientFunds() {
        core.reserve(request("r-1", TO_PAYEE, 5_000, 330));

        TransferResult refused = core.transfer(request("t-1", TO_PAYEE, 4_670, 1));
        TransferResult fits = core.transfer(request("t-2", TO_PAYEE, 4_560, 110));

        assertThat(refused).isEqualTo(new TransferResult.Rejected(TransferRejection.INSUFFICIENT_FUNDS));
        assertThat(fits).isInstanceOf(TransferResult.Accepted.class);
        assertThat(core.balance(PAYER_ACCOUNT).orElseThrow().withdrawableAmount()).isZero();
    }

    @Test
    void reserveWhenRetriedWithAnotherFeeThenDuplicateRequestMismatchAndTheHoldStays() {
        ReservationResult first = core.reserve(request("r-1", TO_PAYEE, 3_000, 110));

        ReservationResult retry = core.reserve(request("r-1", TO_PAYEE, 3_000, 110));
        ReservationResult changed = core.reserve(request("r-1", TO_PAYEE, 3_000, 330));

        assertThat(retry).isEqualTo(first);
        assertThat(changed).isEqualTo(new ReservationResult.Rejected(TransferRejection.DUPLICATE_REQUEST_MISMATCH));
        assertThat(ledger.held(PAYER_ACCOUNT)).isEqualTo(3_110);
    }

    @Test
    void postWhenFeeThenTheFeeIsDebitedOnceAndPostingAgainChangesNothing() {
        ReservationId id = reservationId(core.reserve(request("r-1", TO_PAYEE, 3_000, 330)));

        PostResult first = core.post(id);
        PostResult second = core.post(id);

        assertThat(first).isInstanceOfSatisfying(PostResult.Posted.class, posted -> {
            assertThat(posted.amount()).isEqualTo(3_000);
            assertThat(posted.fee()).isEqualTo(330);
            assertThat(posted.balanceAfter()).isEqualTo(6_670);
        });
        assertThat(second).isEqualTo(first);
        assertThat(ledger.balance(PAYER_ACCOUNT)).isEqualTo(6_670);
        assertThat(ledger.balance(payee)).isEqualTo(3_000);
        assertThat(ledger.feeIncome()).isEqualTo(330);
        assertThat(ledger.held(PAYER_ACCOUNT)).isZero();
        assertThat(core.balance(PAYER_ACCOUNT).orElseThrow().withdrawableAmount()).isEqualTo(6_670);
        assertThat(ledger.postings("TRANSFER")).isEqualTo(1);
        assertThat(today(PAYER_ACCOUNT)).extracting(Transaction::remarks).containsExactly("ｹﾞﾝｷﾝ", "振込 ﾃｽﾄ", "振込手数料");
        assertLedgerSound();
    }

    @Test
    void postWhenHoldTakesTheWholeBalanceWithTheFeeThenPostedDownToZero() {
        ReservationId id = reservationId(core.reserve(request("r-1", TO_OTHER_BANK, FUNDS - 330, 330)));

        assertThat(core.post(id)).isInstanceOfSatisfying(PostResult.Posted.class,
                posted -> assertThat(posted.balanceAfter()).isZero());
        assertThat(ledger.feeIncome()).isEqualTo(330);
        assertLedgerSound();
    }

    @Test
    void voidWhenFeeThenAmountAndFeeAreReleased() {
        ReservationId id = reservationId(core.reserve(request("r-1", TO_PAYEE, 3_000, 330)));

        VoidResult voided = core.voidReservation(id);

        assertThat(voided).isInstanceOfSatisfying(VoidResult.Voided.class, v -> {
            assertThat(v.amount()).isEqualTo(3_000);
            assertThat(v.fee()).isEqualTo(330);
        });
        assertThat(ledger.held(PAYER_ACCOUNT)).isZero();
        assertThat(core.balance(PAYER_ACCOUNT).orElseThrow().withdrawableAmount()).isEqualTo(FUNDS);
        assertThat(ledger.feeIncome()).isZero();
        assertThat(ledger.postings("TRANSFER")).isZero();
        assertLedgerSound();
    }

    @Test
    void expireWhenFeeThenAmountAndFeeAreReleased() {
        ReservationId swept = reservationId(core.reserve(request("r-1", TO_PAYEE, 3_000, 330)));
        ReservationId postedLate = reservationId(core.reserve(request("r-2", TO_PAYEE, 2_000, 110)));
        assertThat(ledger.held(PAYER_ACCOUNT)).isEqualTo(5_440);
        clock.advance(LIFETIME);

        PostResult late = core.post(postedLate);
        assertThat(ledger.held(PAYER_ACCOUNT)).as("refusing the late post released its hold").isEqualTo(3_330);
        int expired = core.expireReservations();

        assertThat(late).isEqualTo(new PostResult.Refused(PostRefusal.RESERVATION_EXPIRED));
        assertThat(expired).isEqualTo(1);
        assertThat(core.reservation(swept).map(r -> r.status()))
                .contains(ReservationStatus.EXPIRED);
        assertThat(ledger.held(PAYER_ACCOUNT)).isZero();
        assertThat(core.balance(PAYER_ACCOUNT).orElseThrow().withdrawableAmount()).isEqualTo(FUNDS);
        assertThat(ledger.feeIncome()).isZero();
        assertLedgerSound();
    }

    @Test
    void feeIncomeAccountWhenItEarnedFeesThenNoCustomerSeesIt() {
        DataSource seeded = TestDatabase.seeded();
        var demo = new SimulatedCoreBanking(seeded, TestDatabase.CLOCK);
        var yamada = new CustomerId("C0001");
        assertThat(demo.transfer(new TransferRequest(yamada, new IdempotencyKey("t-1"), new AccountId("001011234567"),
                TO_OTHER_BANK, 1_000, 330, null))).isInstanceOf(TransferResult.Accepted.class);
        AccountId feeIncome = new AccountId(InternalAccount.REMITTANCE_FEE_INCOME.accountId());

        for (String customer : List.of("C0001", "C0002", "C0003")) {
            assertThat(demo.accountsOf(new CustomerId(customer))).extracting(Account::accountId)
                    .isNotEmpty().doesNotContain(feeIncome);
        }
        assertThat(new LedgerProbe(seeded).feeIncome()).isEqualTo(330);
        assertThat(demo.account(feeIncome)).isEmpty();
        assertThat(demo.balance(feeIncome)).isEmpty();
        assertThat(demo.transactions(TransactionQuery.firstPage(feeIncome, TODAY, TODAY, 10))).isEmpty();
        assertThat(demo.transfer(new TransferRequest(yamada, new IdempotencyKey("t-2"), feeIncome, TO_OTHER_BANK,
                1, null))).isEqualTo(new TransferResult.Rejected(TransferRejection.ACCOUNT_NOT_FOUND));
    }

    private static TransferRequest request(String key, Payee to, long amount, long fee) {
        return new TransferRequest(PAYER, new IdempotencyKey(key), PAYER_ACCOUNT, to, amount, fee, null);
    }

    private static ReservationId reservationId(ReservationResult result) {
        assertThat(result).isInstanceOf(ReservationResult.Reserved.class);
        return ((ReservationResult.Reserved) result).reservationId();
    }

    private List<Transaction> today(AccountId accountId) {
        return core.transactions(TransactionQuery.firstPage(accountId, TODAY, TODAY, 100)).orElseThrow()
                .transactions();
    }

    /**
     * Money is conserved: the legs balance, and what was paid in is still with customers, gone to other banks or
     * earned as fees.
     */
    private void assertLedgerSound() {
        assertThat(ledger.sumOfAllLegs()).isZero();
        assertThat(ledger.accountsOutOfStep()).isZero();
        assertThat(ledger.holdsOutOfStep()).isZero();
        assertThat(ledger.negativeCustomerBalances()).isZero();
        assertThat(ledger.sumOfCustomerBalances() + ledger.balance(InternalAccount.ZENGIN_CLEARING)
                + ledger.feeIncome()).isEqualTo(FUNDS);
    }
}

package jp.kakehashi.corebanking.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.Transaction;
import jp.kakehashi.corebanking.spi.TransactionQuery;
import jp.kakehashi.corebanking.spi.TransactionType;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.TransferResult;
import jp.kakehashi.corebanking.spi.TransferResult.Accepted;
import jp.kakehashi.corebanking.spi.TransferResult.Rejected;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedCoreBankingTransferTest {

    private static final CustomerId YAMADA = new CustomerId("C0001");
    private static final CustomerId SATO = new CustomerId("C0002");
    private static final AccountId YAMADA_MAIN = new AccountId("001011234567");
    private static final AccountId YAMADA_SHIBUYA = new AccountId("101017654321");
    private static final AccountId SATO_ACCOUNT = new AccountId("102013456789");
    private static final Payee TO_SATO = new Payee(SimulatedCoreBanking.DEFAULT_BANK_CODE, "102", "1", "3456789", "ｻﾄｳ ﾊﾅｺ");
    private static final Payee TO_OTHER_BANK = new Payee("0005", "123", "1", "7777777", "ﾀﾅｶ ｲﾁﾛｳ");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);

    private SimulatedCoreBanking core;
    private LedgerProbe ledger;

    @BeforeEach
    void seed() {
        DataSource dataSource = TestDatabase.seeded();
        core = new SimulatedCoreBanking(dataSource, TestDatabase.CLOCK);
        ledger = new LedgerProbe(dataSource);
    }

    @Test
    void transferWhenWithinTheBankThenMoneyMovesAndTheLedgerStaysBalanced() {
        long yamadaBefore = ledger.balance(YAMADA_MAIN);
        long satoBefore = ledger.balance(SATO_ACCOUNT);

        TransferResult result = core.transfer(request("k-1", YAMADA_MAIN, TO_SATO, 12_345));

        assertThat(result).isInstanceOfSatisfying(Accepted.class, accepted -> {
            assertThat(accepted.amount()).isEqualTo(12_345);
            assertThat(accepted.balanceAfter()).isEqualTo(yamadaBefore - 12_345);
            assertThat(accepted.acceptedAt()).isEqualTo(TestDatabase.CLOCK.instant());
            assertThat(accepted.transactionId().value()).matches("\\d{16}");
        });
        assertThat(ledger.balance(YAMADA_MAIN)).isEqualTo(yamadaBefore - 12_345);
        assertThat(ledger.balance(SATO_ACCOUNT)).isEqualTo(satoBefore + 12_345);
        assertThat(ledger.sumOfAllLegs()).isZero();
        assertThat(ledger.accountsOutOfStep()).isZero();
        Transaction satoLine = lastLineOf(SATO_ACCOUNT);
        assertThat(satoLine.type()).isEqualTo(TransactionType.DEPOSIT);
        assertThat(satoLine.remarks()).isEqualTo("振込 ﾔﾏﾀﾞ ﾀﾛｳ");
        assertThat(satoLine.transactionDate()).isEqualTo(TODAY);
        assertThat(satoLine.transactionId()).isEqualTo(((Accepted) result).transactionId());
        assertThat(lastLineOf(YAMADA_MAIN).remarks()).isEqualTo("振込 ｻﾄｳ ﾊﾅｺ");
    }

    @Test
    void transferWhenPayeeAtAnotherBankThenMoneyGoesToZenginClearing() {
        long clearingBefore = ledger.balance(InternalAccount.ZENGIN_CLEARING);
        long yamadaBefore = ledger.balance(YAMADA_MAIN);

        TransferResult result = core.transfer(request("k-1", YAMADA_MAIN, TO_OTHER_BANK, 50_000));

        assertThat(result).isInstanceOf(Accepted.class);
        assertThat(ledger.balance(YAMADA_MAIN)).isEqualTo(yamadaBefore - 50_000);
        assertThat(ledger.balance(InternalAccount.ZENGIN_CLEARING)).isEqualTo(clearingBefore + 50_000);
        assertThat(ledger.sumOfAllLegs()).isZero();
    }

    @Test
    void transferWhenFundsInsufficientThenRejectedAndNothingMoves() {
        long balance = ledger.balance(YAMADA_SHIBUYA);
        long entries = ledger.entries();

        TransferResult result = core.transfer(request("k-1", YAMADA_SHIBUYA, TO_SATO, balance + 1));

        assertThat(result).isEqualTo(new Rejected(TransferRejection.INSUFFICIENT_FUNDS));
        assertThat(ledger.balance(YAMADA_SHIBUYA)).isEqualTo(balance);
        assertThat(ledger.entries()).isEqualTo(entries);
    }

    @Test
    void transferWhenWholeBalanceThenAcceptedDownToZero() {
        long balance = ledger.balance(YAMADA_SHIBUYA);

        assertThat(core.transfer(request("k-1", YAMADA_SHIBUYA, TO_SATO, balance))).isInstanceOf(Accepted.class);
        assertThat(ledger.balance(YAMADA_SHIBUYA)).isZero();
    }

    @Test
    void transferWhenRetriedWithTheSameKeyThenTheOriginalResultAndNoSecondPosting() {
        TransferResult first = core.transfer(request("k-1", YAMADA_MAIN, TO_SATO, 1_000));
        long balance = ledger.balance(YAMADA_MAIN);

        TransferResult retry = core.transfer(request("k-1", YAMADA_MAIN, TO_SATO, 1_000));

        assertThat(retry).isEqualTo(first).isInstanceOf(Accepted.class);
        assertThat(ledger.balance(YAMADA_MAIN)).isEqualTo(balance);
        assertThat(ledger.postings("TRANSFER")).isEqualTo(1);
        assertThat(core.transferResult(YAMADA, new IdempotencyKey("k-1"))).contains(first);
    }

    @Test
    void transferWhenSameKeyButDifferentRequestThenDuplicateRequestMismatchAndNothingMoves() {
        core.transfer(request("k-1", YAMADA_MAIN, TO_SATO, 1_000));
        long balance = ledger.balance(YAMADA_MAIN);

        TransferResult result = core.transfer(request("k-1", YAMADA_MAIN, TO_SATO, 2_000));

        assertThat(result).isEqualTo(new Rejected(TransferRejection.DUPLICATE_REQUEST_MISMATCH));
        assertThat(ledger.balance(YAMADA_MAIN)).isEqualTo(balance);
        assertThat(core.transferResult(YAMADA, new IdempotencyKey("k-1"))).get().isInstanceOf(Accepted.class);
    }

    @Test
    void transferWhenRejectedThenRetryReturnsTheSameRejectionEvenIfFundsArrivedMeanwhile() {
        long balance = ledger.balance(YAMADA_SHIBUYA);
        TransferRequest tooMuch = request("k-1", YAMADA_SHIBUYA, TO_SATO, balance + 10);
        core.transfer(tooMuch);
        core.deposit(YAMADA_SHIBUYA, 100, "ｹﾞﾝｷﾝ ﾆﾕｳｷﾝ");

        assertThat(core.transfer(tooMuch)).isEqualTo(new Rejected(TransferRejection.INSUFFICIENT_FUNDS));
        assertThat(core.transfer(request("k-2", YAMADA_SHIBUYA, TO_SATO, balance + 10))).isInstanceOf(Accepted.class);
    }

    @Test
    void transferWhenAnotherCustomerUsesTheSameKeyThenBothAreExecuted() {
        Payee toYamada = new Payee(SimulatedCoreBanking.DEFAULT_BANK_CODE, "001", "1", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ");

        assertThat(core.transfer(request("k-1", YAMADA_MAIN, TO_SATO, 1_000))).isInstanceOf(Accepted.class);
        assertThat(core.transfer(new TransferRequest(SATO, new IdempotencyKey("k-1"), SATO_ACCOUNT, toYamada, 500,
                null))).isInstanceOf(Accepted.class);
        assertThat(ledger.postings("TRANSFER")).isEqualTo(2);
    }

    @Test
    void transferWhenDebitAccountIsSomeoneElsesThenAccountNotFound() {
        TransferResult result = core.transfer(new TransferRequest(SATO, new IdempotencyKey("k-1"), YAMADA_MAIN,
                TO_OTHER_BANK, 1_000, null));

        assertThat(result).isEqualTo(new Rejected(TransferRejection.ACCOUNT_NOT_FOUND));
        assertThat(core.transfer(request("k-2", new AccountId("001019999999"), TO_SATO, 1_000)))
                .isEqualTo(new Rejected(TransferRejection.ACCOUNT_NOT_FOUND));
    }

    @Test
    void transferWhenAmountOutOfRangeThenInvalidAmount() {
        assertThat(core.transfer(request("k-1", YAMADA_MAIN, TO_SATO, 0)))
                .isEqualTo(new Rejected(TransferRejection.INVALID_AMOUNT));
        assertThat(core.transfer(request("k-2", YAMADA_MAIN, TO_SATO, -5)))
                .isEqualTo(new Rejected(TransferRejection.INVALID_AMOUNT));
        assertThat(core.transfer(request("k-3", YAMADA_MAIN, TO_SATO, TransferRequest.MAX_AMOUNT + 1)))
                .isEqualTo(new Rejected(TransferRejection.INVALID_AMOUNT));
        assertThat(ledger.postings("TRANSFER")).isZero();
    }

    @Test
    void transferWhenAccountsFrozenThenRejectedUntilUnfrozen() {
        assertThat(core.freeze(YAMADA_MAIN)).isTrue();
        assertThat(core.transfer(request("k-1", YAMADA_MAIN, TO_SATO, 1_000)))
                .isEqualTo(new Rejected(TransferRejection.ACCOUNT_FROZEN));
        core.unfreeze(YAMADA_MAIN);
        core.freeze(SATO_ACCOUNT);
        assertThat(core.transfer(request("k-2", YAMADA_MAIN, TO_SATO, 1_000)))
                .isEqualTo(new Rejected(TransferRejection.PAYEE_ACCOUNT_FROZEN));
        core.unfreeze(SATO_ACCOUNT);
        assertThat(core.transfer(request("k-3", YAMADA_MAIN, TO_SATO, 1_000))).isInstanceOf(Accepted.class);
        assertThat(core.account(YAMADA_MAIN)).isPresent();
    }

    @Test
    void transferWhenPayeeUnknownOrSelfThenRejected() {
        Payee nobody = new Payee(SimulatedCoreBanking.DEFAULT_BANK_CODE, "102", "1", "0000001", "ﾀﾞﾚｶ");
        Payee wrongType = new Payee(SimulatedCoreBanking.DEFAULT_BANK_CODE, "102", "2", "3456789", "ｻﾄｳ ﾊﾅｺ");
        Payee self = new Payee(SimulatedCoreBanking.DEFAULT_BANK_CODE, "001", "1", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ");

        assertThat(core.transfer(request("k-1", YAMADA_MAIN, nobody, 1_000)))
                .isEqualTo(new Rejected(TransferRejection.PAYEE_ACCOUNT_NOT_FOUND));
        assertThat(core.transfer(request("k-2", YAMADA_MAIN, wrongType, 1_000)))
                .isEqualTo(new Rejected(TransferRejection.PAYEE_ACCOUNT_NOT_FOUND));
        assertThat(core.transfer(request("k-3", YAMADA_MAIN, self, 1_000)))
                .isEqualTo(new Rejected(TransferRejection.SAME_ACCOUNT));
    }

    @Test
    void transferWhenOwnAccountAtAnotherBranchThenAccepted() {
        Payee shibuya = new Payee(SimulatedCoreBanking.DEFAULT_BANK_CODE, "101", "1", "7654321", "ﾔﾏﾀﾞ ﾀﾛｳ");

        assertThat(core.transfer(request("k-1", YAMADA_MAIN, shibuya, 1_000))).isInstanceOf(Accepted.class);
    }

    @Test
    void transferResultWhenKeyNeverUsedThenEmpty() {
        assertThat(core.transferResult(YAMADA, new IdempotencyKey("never"))).isEmpty();
    }

    @Test
    void balanceWhenTransferredTodayThenPreviousDayBalanceIsUnchanged() {
        long before = core.balance(YAMADA_MAIN).orElseThrow().balance();

        core.transfer(request("k-1", YAMADA_MAIN, TO_SATO, 1_000));

        var balance = core.balance(YAMADA_MAIN).orElseThrow();
        assertThat(balance.balance()).isEqualTo(before - 1_000);
        assertThat(balance.previousDayBalance()).isEqualTo(before);
    }

    private static TransferRequest request(String key, AccountId from, Payee to, long amount) {
        return new TransferRequest(YAMADA, new IdempotencyKey(key), from, to, amount, null);
    }

    private Transaction lastLineOf(AccountId accountId) {
        List<Transaction> lines = core.transactions(TransactionQuery.firstPage(accountId, TODAY, TODAY, 500))
                .orElseThrow().transactions();
        return lines.getLast();
    }
}

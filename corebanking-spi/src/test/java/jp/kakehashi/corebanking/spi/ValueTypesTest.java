package jp.kakehashi.corebanking.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    private static final AccountId ACCOUNT = new AccountId("001011234567");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 16);
    private static final Payee PAYEE = new Payee("0005", "001", "1", "0012345", "ﾔﾏﾀﾞ ﾀﾛｳ");

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void idsWhenBlankThenRejected(String value) {
        assertThatThrownBy(() -> new CustomerId(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountId(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionId(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdempotencyKey(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idempotencyKeyWhenLongerThanTheLimitThenRejected() {
        assertThat(new IdempotencyKey("k".repeat(IdempotencyKey.MAX_LENGTH)).value()).hasSize(IdempotencyKey.MAX_LENGTH);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(IdempotencyKey.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void payeeWhenZenginFormatThenAccepted() {
        Payee payee = new Payee("0005", "001", "1", "0012345", "ｶ)ｶｹﾊｼｼﾖｳｼﾞ");

        assertThat(payee.accountNumber()).isEqualTo("0012345");
        assertThat(new Payee("0005", "001", "4", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ").accountTypeCode()).isEqualTo("4");
    }

    @Test
    void payeeWhenAnyFieldOutOfZenginFormatThenRejected() {
        List<Runnable> invalid = List.of(
                () -> new Payee("005", "001", "1", "1234567", "ﾔﾏﾀﾞ"),
                () -> new Payee("0005", "01", "1", "1234567", "ﾔﾏﾀﾞ"),
                () -> new Payee("0005", "001", "3", "1234567", "ﾔﾏﾀﾞ"),
                () -> new Payee("0005", "001", "1", "123456", "ﾔﾏﾀﾞ"),
                () -> new Payee("0005", "001", "1", "1234567", "山田"),
                () -> new Payee("0005", "001", "1", "1234567", "yamada"),
                () -> new Payee("0005", "001", "1", "1234567", "ﾔ".repeat(Payee.MAX_NAME_LENGTH + 1)),
                () -> new Payee("0005", "001", "1", "1234567", "   "));

        assertThat(invalid).allSatisfy(creation ->
                assertThatThrownBy(creation::run).isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void transactionQueryWhenPeriodReversedOrLimitOutOfRangeThenRejected() {
        assertThatThrownBy(() -> TransactionQuery.firstPage(ACCOUNT, DAY, DAY.minusDays(1), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionQuery.firstPage(ACCOUNT, DAY, DAY, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionQuery.firstPage(ACCOUNT, DAY, DAY, TransactionQuery.MAX_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionQuery(ACCOUNT, DAY, DAY, "abc", 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransactionQuery(ACCOUNT, DAY, DAY, "1".repeat(25), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TransactionQuery.firstPage(ACCOUNT, DAY, DAY, TransactionQuery.MAX_LIMIT).afterItemKey()).isNull();
    }

    @Test
    void transactionQueryNextWhenPageHasNextThenContinuesAfterItsKey() {
        TransactionQuery first = TransactionQuery.firstPage(ACCOUNT, DAY.minusDays(30), DAY, 2);

        TransactionQuery next = first.next(new TransactionPage(List.of(), "000042"));

        assertThat(next).isEqualTo(new TransactionQuery(ACCOUNT, DAY.minusDays(30), DAY, "000042", 2));
        assertThatThrownBy(() -> first.next(new TransactionPage(List.of(), null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void transactionWhenAmountNotPositiveThenRejectedBecauseTheTypeCarriesTheDirection() {
        assertThatThrownBy(() -> new Transaction("1", new TransactionId("1"), ACCOUNT, DAY, DAY,
                TransactionType.WITHDRAWAL, -100, 0, "ATM")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TransactionType.DEPOSIT.code()).isEqualTo("1");
        assertThat(TransactionType.WITHDRAWAL.code()).isEqualTo("2");
    }

    @Test
    void transferRequestWhenNoFeeGivenThenFreeAndTheTotalIsTheAmount() {
        TransferRequest free = new TransferRequest(new CustomerId("C0001"), new IdempotencyKey("k"), ACCOUNT,
                PAYEE, 5_000, null);

        assertThat(free.fee()).isZero();
        assertThat(free.totalDebitAmount()).isEqualTo(5_000);
        assertThat(free).isEqualTo(new TransferRequest(new CustomerId("C0001"), new IdempotencyKey("k"), ACCOUNT,
                PAYEE, 5_000, 0, null));
    }

    @Test
    void transferRequestWhenFeeGivenThenItIsPartOfTheRequestAndOfTheTotal() {
        TransferRequest withFee = new TransferRequest(new CustomerId("C0001"), new IdempotencyKey("k"), ACCOUNT,
                PAYEE, 5_000, 330, null);

        assertThat(withFee.fee()).isEqualTo(330);
        assertThat(withFee.totalDebitAmount()).isEqualTo(5_330);
        assertThat(withFee).isNotEqualTo(new TransferRequest(new CustomerId("C0001"), new IdempotencyKey("k"),
                ACCOUNT, PAYEE, 5_000, 110, null));
    }

    @Test
    void transferRequestWhenFeeOutOfRangeThenRejectedAsAProgrammingError() {
        assertThatThrownBy(() -> new TransferRequest(new CustomerId("C0001"), new IdempotencyKey("k"), ACCOUNT,
                PAYEE, 5_000, -1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransferRequest(new CustomerId("C0001"), new IdempotencyKey("k"), ACCOUNT,
                PAYEE, 5_000, TransferRequest.MAX_FEE + 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TransferRequest(new CustomerId("C0001"), new IdempotencyKey("k"), ACCOUNT, PAYEE,
                TransferRequest.MAX_AMOUNT, TransferRequest.MAX_FEE, null).totalDebitAmount())
                .isEqualTo(TransferRequest.MAX_AMOUNT + TransferRequest.MAX_FEE);
    }

    @Test
    void transferRequestWhenAmountFarOutOfRangeThenTheTotalFailsInsteadOfWrapping() {
        TransferRequest absurd = new TransferRequest(new CustomerId("C0001"), new IdempotencyKey("k"), ACCOUNT,
                PAYEE, Long.MAX_VALUE, 1, null);

        assertThatThrownBy(absurd::totalDebitAmount).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void transferResultWhenSwitchedThenEveryCaseIsCovered() {
        TransferResult result = new TransferResult.Rejected(TransferRejection.INSUFFICIENT_FUNDS);

        String outcome = switch (result) {
            case TransferResult.Accepted accepted -> "accepted " + accepted.transactionId();
            case TransferResult.Rejected rejected -> "rejected " + rejected.reason();
        };

        assertThat(outcome).isEqualTo("rejected INSUFFICIENT_FUNDS");
    }
}

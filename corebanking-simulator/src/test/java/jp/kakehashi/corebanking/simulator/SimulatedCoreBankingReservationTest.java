package jp.kakehashi.corebanking.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.PostRefusal;
import jp.kakehashi.corebanking.spi.PostResult;
import jp.kakehashi.corebanking.spi.ReservationId;
import jp.kakehashi.corebanking.spi.ReservationResult;
import jp.kakehashi.corebanking.spi.ReservationStatus;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.corebanking.spi.TransferResult;
import jp.kakehashi.corebanking.spi.VoidRefusal;
import jp.kakehashi.corebanking.spi.VoidResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two-phase transfers (reserve, then post or void) one call at a time: what each phase does to balance, hold and
 * ledger.
 */
class SimulatedCoreBankingReservationTest {

    private static final CustomerId PAYER = new CustomerId("T0000");
    private static final Payee TO_PAYEE = new Payee(SimulatedCoreBanking.DEFAULT_BANK_CODE, "001", "1", "0000001", "ﾃｽﾄ");
    private static final Payee TO_OTHER_BANK = new Payee("0005", "123", "1", "7777777", "ﾀﾅｶ ｲﾁﾛｳ");
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final MovableClock clock = new MovableClock(TestDatabase.CLOCK.instant());
    private SimulatedCoreBanking core;
    private LedgerProbe ledger;
    private AccountId payer;
    private AccountId payee;

    @BeforeEach
    void openAccounts() {
        DataSource dataSource = TestDatabase.migrated();
        core = new SimulatedCoreBanking(dataSource, clock, SimulatedCoreBanking.DEFAULT_BANK_CODE, LIFETIME);
        ledger = new LedgerProbe(dataSource);
        payer = ledger.openAccount(PAYER.value(), "0000000");
        payee = ledger.openAccount("T0001", "0000001");
        core.deposit(payer, 10_000, "ｹﾞﾝｷﾝ");
    }

    @Test
    void reserveWhenFundsSufficeThenWithdrawableDropsAndBalanceDoesNot() {
        ReservationResult result = core.reserve(request("r-1", TO_PAYEE, 3_000));

        assertThat(result).isInstanceOfSatisfying(ReservationResult.Reserved.class, reserved -> {
            assertThat(reserved.amount()).isEqualTo(3_000);
            assertThat(reserved.withdrawableAfter()).isEqualTo(7_000);
            assertThat(reserved.reservedAt()).isEqualTo(clock.instant());
            assertThat(reserved.expiresAt()).isEqualTo(clock.instant().plus(LIFETIME));
        });
        assertThat(core.balance(payer)).hasValueSatisfying(balance -> {
            assertThat(balance.balance()).isEqualTo(10_000);
            assertThat(balance.withdrawableAmount()).isEqualTo(7_000);
        });
        assertThat(core.reservation(reservationId(result)).map(r -> r.status())).contains(ReservationStatus.ACTIVE);
        assertThat(ledger.postings("TRANSFER")).isZero();
    }

    @Test
    void postWhenActiveThenMoneyMovesOnceAndPostingAgainReturnsTheSameResult() {
        ReservationId id = reservationId(core.reserve(request("r-1", TO_PAYEE, 3_000)));
        clock.advance(Duration.ofMinutes(5));

        PostResult first = core.post(id);
        clock.advance(Duration.ofMinutes(5));
        PostResult second = core.post(id);

        assertThat(first).isInstanceOfSatisfying(PostResult.Posted.class, posted -> {
            assertThat(posted.balanceAfter()).isEqualTo(7_000);
            assertThat(posted.postedAt()).isEqualTo(TestDatabase.CLOCK.instant().plus(Duration.ofMinutes(5)));
            assertThat(core.reservation(id).flatMap(r -> r.transactionId())).contains(posted.transactionId());
        });
        assertThat(second).isEqualTo(first);
        assertThat(ledger.balance(payer)).isEqualTo(7_000);
        assertThat(ledger.balance(payee)).isEqualTo(3_000);
        assertThat(ledger.held(payer)).isZero();
        assertThat(ledger.postings("TRANSFER")).isEqualTo(1);
        assertThat(ledger.sumOfAllLegs()).isZero();
        assertThat(ledger.accountsOutOfStep()).isZero();
    }

    @Test
    void postWhenPayeeAtAnotherBankThenMoneyGoesToZenginClearing() {
        ReservationId id = reservationId(core.reserve(request("r-1", TO_OTHER_BANK, 4_000)));

        assertThat(core.post(id)).isInstanceOf(PostResult.Posted.class);

        assertThat(ledger.balance(InternalAccount.ZENGIN_CLEARING)).isEqualTo(4_000);
        assertThat(ledger.balance(payer)).isEqualTo(6_000);
        assertThat(ledger.sumOfAllLegs()).isZero();
    }

    @Test
    void voidWhenActiveThenHoldIsReleasedAndPostIsRefused() {
        ReservationId id = reservationId(core.reserve(request("r-1", TO_PAYEE, 3_000)));

        VoidResult first = core.voidReservation(id);
        VoidResult second = core.voidReservation(id);

        assertThat(first).isInstanceOfSatisfying(VoidResult.Voided.class, voided -> {
            assertThat(voided.amount()).isEqualTo(3_000);
            assertThat(voided.reservationId()).isEqualTo(id);
        });
        assertThat(second).isEqualTo(first);
        assertThat(core.post(id)).isEqualTo(new PostResult.Refused(PostRefusal.RESERVATION_VOIDED));
        assertThat(core.balance(payer).orElseThrow().withdrawableAmount()).isEqualTo(10_000);
        assertThat(ledger.postings("TRANSFER")).isZero();
    }

    @Test
    void voidWhenPostedThenRefusedAndMoneyStaysMoved() {
        ReservationId id = reservationId(core.reserve(request("r-1", TO_PAYEE, 3_000)));
        core.post(id);

        assertThat(core.voidReservation(id)).isEqualTo(new VoidResult.Refused(VoidRefusal.RESERVATION_POSTED));
        assertThat(ledger.balance(payer)).isEqualTo(7_000);
        assertThat(core.reservation(id).map(r -> r.status())).contains(ReservationStatus.POSTED);
    }

    @Test
    void reserveWhenRetriedWithTheSameKeyThenTheSameReservationAndADifferentRequestIsAMismatch() {
        ReservationResult first = core.reserve(request("r-1", TO_PAYEE, 3_000));
        clock.advance(Duration.ofMinutes(1));

        ReservationResult retry = core.reserve(request("r-1", TO_PAYEE, 3_000));
        ReservationResult changed = core.reserve(request("r-1", TO_PAYEE, 3_001));

        assertThat(retry).isEqualTo(first);
        assertThat(changed).isEqualTo(new ReservationResult.Rejected(TransferRejection.DUPLICATE_REQUEST_MISMATCH));
        assertThat(core.reservationResult(PAYER, new IdempotencyKey("r-1"))).contains(first);
        assertThat(ledger.held(payer)).isEqualTo(3_000);
    }

    @Test
    void reserveWhenRetriedAfterARejectionThenTheSameRejection() {
        ReservationResult first = core.reserve(request("r-1", TO_PAYEE, 10_001));
        core.deposit(payer, 5_000, "ｹﾞﾝｷﾝ");

        assertThat(first).isEqualTo(new ReservationResult.Rejected(TransferRejection.INSUFFICIENT_FUNDS));
        assertThat(core.reserve(request("r-1", TO_PAYEE, 10_001))).isEqualTo(first);
        assertThat(ledger.held(payer)).isZero();
    }

    @Test
    void transferWhenHoldsTakeTheWithdrawableAmountThenInsufficientFunds() {
        core.reserve(request("r-1", TO_PAYEE, 8_000));

        TransferResult transfer = core.transfer(request("t-1", TO_PAYEE, 2_001));
        ReservationResult reserve = core.reserve(request("r-2", TO_PAYEE, 2_001));

        assertThat(transfer).isEqualTo(new TransferResult.Rejected(TransferRejection.INSUFFICIENT_FUNDS));
        assertThat(reserve).isEqualTo(new ReservationResult.Rejected(TransferRejection.INSUFFICIENT_FUNDS));
        assertThat(core.transfer(request("t-2", TO_PAYEE, 2_000))).isInstanceOf(TransferResult.Accepted.class);
        assertThat(core.balance(payer).orElseThrow().withdrawableAmount()).isZero();
    }

    @Test
    void expireReservationsWhenLifetimeRanOutThenHoldsAreReleasedAndCannotBePosted() {
        ReservationId old = reservationId(core.reserve(request("r-1", TO_PAYEE, 3_000)));
        clock.advance(Duration.ofMinutes(30));
        ReservationId young = reservationId(core.reserve(request("r-2", TO_PAYEE, 2_000)));
        clock.advance(Duration.ofMinutes(30));

        int expired = core.expireReservations();

        assertThat(expired).isEqualTo(1);
        assertThat(core.reservation(old).map(r -> r.status())).contains(ReservationStatus.EXPIRED);
        assertThat(core.reservation(young).map(r -> r.status())).contains(ReservationStatus.ACTIVE);
        assertThat(ledger.held(payer)).isEqualTo(2_000);
        assertThat(core.post(old)).isEqualTo(new PostResult.Refused(PostRefusal.RESERVATION_EXPIRED));
        assertThat(core.voidReservation(old)).isEqualTo(new VoidResult.Refused(VoidRefusal.RESERVATION_EXPIRED));
        assertThat(core.expireReservations()).isZero();
    }

    @Test
    void postWhenLifetimeRanOutBeforeTheSweepThenRefusedAsExpired() {
        ReservationId id = reservationId(core.reserve(request("r-1", TO_PAYEE, 3_000)));
        clock.advance(LIFETIME);

        assertThat(core.post(id)).isEqualTo(new PostResult.Refused(PostRefusal.RESERVATION_EXPIRED));
        assertThat(ledger.held(payer)).isZero();
        assertThat(ledger.balance(payer)).isEqualTo(10_000);
    }

    @Test
    void postWhenPayeeFrozenSinceTheHoldThenRefusedAndTheHoldStays() {
        ReservationId id = reservationId(core.reserve(request("r-1", TO_PAYEE, 3_000)));
        core.freeze(payee);

        assertThat(core.post(id)).isEqualTo(new PostResult.Refused(PostRefusal.PAYEE_ACCOUNT_FROZEN));
        assertThat(ledger.held(payer)).isEqualTo(3_000);
        core.unfreeze(payee);
        assertThat(core.post(id)).isInstanceOf(PostResult.Posted.class);
    }

    @Test
    void postWhenIdUnknownThenNotFound() {
        assertThat(core.post(new ReservationId("0000000000009999")))
                .isEqualTo(new PostResult.Refused(PostRefusal.RESERVATION_NOT_FOUND));
        assertThat(core.post(new ReservationId("not-ours")))
                .isEqualTo(new PostResult.Refused(PostRefusal.RESERVATION_NOT_FOUND));
        assertThat(core.voidReservation(new ReservationId("0000000000009999")))
                .isEqualTo(new VoidResult.Refused(VoidRefusal.RESERVATION_NOT_FOUND));
        assertThat(core.reservation(new ReservationId("0000000000009999"))).isEqualTo(Optional.empty());
    }

    private static TransferRequest request(String key, Payee to, long amount) {
        return new TransferRequest(PAYER, new IdempotencyKey(key), new AccountId("001010000000"), to, amount, null);
    }

    private static ReservationId reservationId(ReservationResult result) {
        assertThat(result).isInstanceOf(ReservationResult.Reserved.class);
        return ((ReservationResult.Reserved) result).reservationId();
    }

    /** A clock the test moves forward, to let holds age without waiting. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("fixed to UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

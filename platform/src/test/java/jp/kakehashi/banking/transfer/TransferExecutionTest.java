package jp.kakehashi.banking.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.banking.TransferStatusReason;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.PostRefusal;
import jp.kakehashi.corebanking.spi.PostResult;
import jp.kakehashi.corebanking.spi.Reservation;
import jp.kakehashi.corebanking.spi.ReservationId;
import jp.kakehashi.corebanking.spi.ReservationResult;
import jp.kakehashi.corebanking.spi.ReservationStatus;
import jp.kakehashi.corebanking.spi.TransactionId;
import jp.kakehashi.corebanking.spi.VoidRefusal;
import jp.kakehashi.corebanking.spi.VoidResult;
import jp.kakehashi.shared.Yen;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How an accepted transfer ends when the core refuses its post (payment correctness): failed only when no money moved.
 * Two drivers of one transfer (a retry and the scheduler) may see different answers from the core; the one whose post
 * was refused must not call FAILED a transfer the other one posted.
 */
class TransferExecutionTest {

    private static final ReservationId HOLD = new ReservationId("R-1");
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

    private final Transfers transfers = mock(Transfers.class);
    private final CoreBanking core = mock(CoreBanking.class);
    private final TransferLifecycle lifecycle = mock(TransferLifecycle.class);
    private final TransferExecution execution = new TransferExecution(transfers, core, lifecycle);
    private final Transfer transfer = new Transfer("1234567890123456", "client", "grant", "C0001", "key", "fp",
            "001011234567", new Payee("0999", "001", "1", "7654321", "ｻﾄｳ ﾊﾅｺ"), null, "", new Yen(1_000),
            new Yen(110), LocalDate.of(2026, 11, 26), TransferStatus.ACCEPTED, null, null, NOW, null);

    @BeforeEach
    void reservedThenPostRefused() {
        when(core.reserve(any())).thenReturn(new ReservationResult.Reserved(HOLD, new AccountId("001011234567"),
                1_000, 110, 10_000, NOW, NOW.plusSeconds(86_400)));
        when(core.post(HOLD)).thenReturn(new PostResult.Refused(PostRefusal.ACCOUNT_FROZEN));
        when(transfers.byApplyNo(transfer.applyNo())).thenReturn(Optional.of(transfer));
    }

    private void holdIs(ReservationStatus status) {
        when(core.reservation(HOLD)).thenReturn(Optional.of(new Reservation(HOLD, transfer.coreRequest(), status, NOW,
                NOW.plusSeconds(86_400), status == ReservationStatus.POSTED ? Optional.of(new TransactionId("T-1"))
                        : Optional.empty())));
    }

    @Test
    void driveWhenThePostIsRefusedAndTheHoldVoidedThenFailedWithTheCoresReason() {
        when(core.voidReservation(HOLD)).thenReturn(new VoidResult.Voided(HOLD, new AccountId("001011234567"),
                1_000, 110, NOW));

        execution.drive(transfer);

        verify(lifecycle).move(transfer.applyNo(), Set.of(TransferStatus.ACCEPTED), TransferStatus.FAILED,
                TransferStatusReason.ACCOUNT_FROZEN);
    }

    @Test
    void driveWhenTheHoldWasPostedByAnotherDriverMeanwhileThenCompletedNeverFailed() {
        when(core.voidReservation(HOLD)).thenReturn(new VoidResult.Refused(VoidRefusal.RESERVATION_POSTED));
        holdIs(ReservationStatus.POSTED);

        execution.drive(transfer);

        verify(lifecycle).move(transfer.applyNo(), Set.of(TransferStatus.ACCEPTED), TransferStatus.COMPLETED, null);
        verify(lifecycle, never()).move(eq(transfer.applyNo()), any(), eq(TransferStatus.FAILED), any());
    }

    @Test
    void driveWhenTheHoldCannotBeVoidedAndIsStillActiveThenTheTransferStaysAccepted() {
        when(core.voidReservation(HOLD)).thenReturn(new VoidResult.Refused(VoidRefusal.RESERVATION_NOT_FOUND));
        holdIs(ReservationStatus.ACTIVE);

        Transfer after = execution.drive(transfer);

        verify(lifecycle, never()).move(any(), any(), any(), any());
        assertThat(after.status()).isEqualTo(TransferStatus.ACCEPTED);
    }
}

package jp.kakehashi.banking.transfer;

import java.util.Set;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.banking.TransferStatusReason;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.PostRefusal;
import jp.kakehashi.corebanking.spi.PostResult;
import jp.kakehashi.corebanking.spi.Reservation;
import jp.kakehashi.corebanking.spi.ReservationId;
import jp.kakehashi.corebanking.spi.ReservationResult;
import jp.kakehashi.corebanking.spi.ReservationStatus;
import jp.kakehashi.corebanking.spi.VoidResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Executes an accepted transfer (payment correctness) through the core system in two phases, reserve then post, and
 * stores its end. No platform transaction is open while the core is called: the core is a remote system. Whoever finds
 * a transfer {@link TransferStatus#ACCEPTED} (the request, a retry of it on any node, the scheduler after a crash) may
 * drive it: the core's reserve and post are idempotent under the key derived from the apply number, so they all get the
 * same answers, and the first to store the end wins.
 */
@Component
class TransferExecution {

    private static final Logger log = LoggerFactory.getLogger(TransferExecution.class);

    private final Transfers transfers;
    private final CoreBanking coreBanking;
    private final TransferLifecycle lifecycle;

    TransferExecution(Transfers transfers, CoreBanking coreBanking, TransferLifecycle lifecycle) {
        this.transfers = transfers;
        this.coreBanking = coreBanking;
        this.lifecycle = lifecycle;
    }

    /**
     * Takes an accepted transfer to its end and returns it as stored; any other transfer is returned as it is. When
     * the core cannot be reached the transfer stays accepted, to be finished by a retry or the scheduler.
     */
    Transfer drive(Transfer transfer) {
        if (transfer.status() != TransferStatus.ACCEPTED) {
            return transfer;
        }
        try {
            execute(transfer);
        } catch (RuntimeException coreUnavailable) {
            log.warn("transfer {} stays accepted: the core system did not answer ({})", transfer.applyNo(),
                    coreUnavailable.toString());
        }
        return transfers.byApplyNo(transfer.applyNo()).orElseThrow();
    }

    private void execute(Transfer transfer) {
        switch (coreBanking.reserve(transfer.coreRequest())) {
            case ReservationResult.Rejected rejected -> end(transfer, TransferStatus.FAILED, TransferStatusReason.of(rejected.reason()));
            case ReservationResult.Reserved reserved -> {
                transfers.holdReserved(transfer.applyNo(), reserved.reservationId().value());
                switch (coreBanking.post(reserved.reservationId())) {
                    case PostResult.Posted posted -> end(transfer, TransferStatus.COMPLETED, null);
                    case PostResult.Refused refused -> {
                        if (!holdRemains(refused.reason())
                                || coreBanking.voidReservation(reserved.reservationId()) instanceof VoidResult.Voided) {
                            end(transfer, TransferStatus.FAILED, TransferStatusReason.of(refused.reason()));
                        } else {
                            // another driver's post of the same hold may have gone through meanwhile: the core says
                            afterRefusedVoid(transfer, reserved.reservationId());
                        }
                    }
                }
            }
        }
    }

    /**
     * The hold could not be voided after a refused post: it was posted by someone else in between (then the transfer
     * is complete), or ended otherwise (then it failed); while it is still active the transfer stays accepted, for a
     * retry or the scheduler. Never FAILED for money that moved.
     */
    private void afterRefusedVoid(Transfer transfer, ReservationId reservationId) {
        var status = coreBanking.reservation(reservationId).map(Reservation::status).orElse(null);
        if (status == ReservationStatus.POSTED) {
            end(transfer, TransferStatus.COMPLETED, null);
        } else if (status == ReservationStatus.VOIDED || status == ReservationStatus.EXPIRED) {
            end(transfer, TransferStatus.FAILED, status == ReservationStatus.VOIDED
                    ? TransferStatusReason.RESERVATION_VOIDED : TransferStatusReason.RESERVATION_EXPIRED);
        }
    }

    /** After these refusals the core keeps the hold; the platform gives up the transfer, so it releases it. */
    private static boolean holdRemains(PostRefusal reason) {
        return switch (reason) {
            case ACCOUNT_NOT_FOUND, ACCOUNT_FROZEN, PAYEE_ACCOUNT_NOT_FOUND, PAYEE_ACCOUNT_FROZEN -> true;
            case RESERVATION_NOT_FOUND, RESERVATION_VOIDED, RESERVATION_EXPIRED -> false;
        };
    }

    private void end(Transfer transfer, TransferStatus status, TransferStatusReason reason) {
        lifecycle.move(transfer.applyNo(), Set.of(TransferStatus.ACCEPTED), status, reason);
    }
}

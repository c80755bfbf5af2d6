package jp.kakehashi.corebanking.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A reservation as it stands now (two-phase transfers), e.g. for the platform to reconcile its own
 * transfer record after a timeout or crash.
 *
 * @param request       the instruction as first received, under its idempotency key, fee included
 * @param expiresAt     when an {@link ReservationStatus#ACTIVE} hold lapses; kept for the other states too
 * @param transactionId the posting (受付番号), present only when {@link ReservationStatus#POSTED}
 */
public record Reservation(
        ReservationId reservationId,
        TransferRequest request,
        ReservationStatus status,
        Instant reservedAt,
        Instant expiresAt,
        Optional<TransactionId> transactionId) {

    public Reservation {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reservedAt, "reservedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(transactionId, "transactionId");
        if (transactionId.isPresent() != (status == ReservationStatus.POSTED)) {
            throw new IllegalArgumentException("a transaction id goes with POSTED and only with it: " + status);
        }
    }
}

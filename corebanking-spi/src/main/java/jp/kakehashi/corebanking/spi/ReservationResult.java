package jp.kakehashi.corebanking.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of {@link CoreBanking#reserve}, the first phase of a two-phase transfer: a hold on the
 * debit account, or a rejection with the same closed reasons as a one-step transfer.
 */
public sealed interface ReservationResult {

    /**
     * Amount and fee are held on the debit account: its withdrawable amount (支払可能残高) dropped by
     * {@code amount + fee}, its balance (残高) did not.
     *
     * @param amount            what the payee will receive
     * @param fee               the transfer fee (振込手数料) held on top, 0 if none
     * @param withdrawableAfter the debit account's withdrawable amount right after the hold was placed
     * @param reservedAt        when the hold was placed; a replay returns the original moment
     * @param expiresAt         when the hold lapses unless posted or voided before
     */
    record Reserved(ReservationId reservationId, AccountId debitAccountId, long amount, long fee,
                    long withdrawableAfter, Instant reservedAt, Instant expiresAt) implements ReservationResult {

        public Reserved {
            Objects.requireNonNull(reservationId, "reservationId");
            Objects.requireNonNull(debitAccountId, "debitAccountId");
            Objects.requireNonNull(reservedAt, "reservedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Nothing was held. */
    record Rejected(TransferRejection reason) implements ReservationResult {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

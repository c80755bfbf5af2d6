package jp.kakehashi.corebanking.spi;

import java.time.Instant;
import java.util.Objects;

/** The outcome of {@link CoreBanking#voidReservation} (two-phase transfers). */
public sealed interface VoidResult {

    /**
     * The whole hold – amount and fee – is released and no money moved; voiding again returns this same result.
     *
     * @param fee      the transfer fee that was held with the amount, 0 if none
     * @param voidedAt when the hold was released; a replay returns the original moment
     */
    record Voided(ReservationId reservationId, AccountId debitAccountId, long amount, long fee, Instant voidedAt)
            implements VoidResult {

        public Voided {
            Objects.requireNonNull(reservationId, "reservationId");
            Objects.requireNonNull(debitAccountId, "debitAccountId");
            Objects.requireNonNull(voidedAt, "voidedAt");
        }
    }

    /** Nothing changed. */
    record Refused(VoidRefusal reason) implements VoidResult {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

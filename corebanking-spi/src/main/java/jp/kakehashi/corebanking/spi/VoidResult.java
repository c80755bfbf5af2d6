package jp.kakehashi.corebanking.spi;

import java.time.Instant;
import java.util.Objects;

/** The outcome of {@link CoreBanking#voidReservation} (issue 4, two-phase transfers). */
public sealed interface VoidResult {

    /**
     * The hold is released and no money moved; voiding again returns this same result.
     *
     * @param voidedAt when the hold was released; a replay returns the original moment
     */
    record Voided(ReservationId reservationId, AccountId debitAccountId, long amount, Instant voidedAt)
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

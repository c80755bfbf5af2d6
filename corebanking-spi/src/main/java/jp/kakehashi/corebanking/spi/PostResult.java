package jp.kakehashi.corebanking.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of {@link CoreBanking#post}, the second phase of a two-phase transfer: the money – amount
 * and fee – moved as one balanced posting, or nothing moved, with a closed reason.
 */
public sealed interface PostResult {

    /**
     * The transfer is posted (振込受付済): the debit account paid amount and fee; posting again returns this same
     * result.
     *
     * @param transactionId the core system's transaction number (受付番号)
     * @param amount        what the payee receives
     * @param fee           the transfer fee (振込手数料) the debit account paid on top, 0 if none
     * @param balanceAfter  the debit account's balance right after the posting, fee included
     * @param postedAt      when it was posted; a replay returns the original moment
     */
    record Posted(ReservationId reservationId, TransactionId transactionId, AccountId debitAccountId, long amount,
                  long fee, long balanceAfter, Instant postedAt) implements PostResult {

        public Posted {
            Objects.requireNonNull(reservationId, "reservationId");
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(debitAccountId, "debitAccountId");
            Objects.requireNonNull(postedAt, "postedAt");
        }
    }

    /** Nothing was posted. */
    record Refused(PostRefusal reason) implements PostResult {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

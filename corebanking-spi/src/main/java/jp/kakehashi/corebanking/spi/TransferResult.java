package jp.kakehashi.corebanking.spi;

import java.time.Instant;
import java.util.Objects;

/** The outcome of a transfer: accepted and posted, or rejected with a closed reason. */
public sealed interface TransferResult {

    /**
     * The transfer is posted (振込受付済): the debit account paid amount and fee.
     *
     * @param transactionId the core system's transaction number (受付番号)
     * @param amount        what the payee receives
     * @param fee           the transfer fee (振込手数料) the debit account paid on top, 0 if none
     * @param balanceAfter  the debit account's balance right after this transfer, fee included
     * @param acceptedAt    when it was posted; a replay returns the original moment
     */
    record Accepted(TransactionId transactionId, AccountId debitAccountId, long amount, long fee, long balanceAfter,
                    Instant acceptedAt) implements TransferResult {

        public Accepted {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(debitAccountId, "debitAccountId");
            Objects.requireNonNull(acceptedAt, "acceptedAt");
        }
    }

    /** Nothing was posted. */
    record Rejected(TransferRejection reason) implements TransferResult {

        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

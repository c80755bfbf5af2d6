package jp.kakehashi.banking.transfer;

/** The outcome of a transfer request (B10) at the platform, before the HTTP mapping. */
public sealed interface Submission {

    /** The request is the transfer's (new, or a retry of the same request): its state as stored. */
    record Accepted(Transfer transfer) implements Submission {
    }

    /** The idempotency key was used by this client for another request. */
    record KeyReused() implements Submission {
    }

    /** The transfer would break the bank's limits (B10). */
    record LimitExceeded(TransferLimitPolicy.Limit limit) implements Submission {
    }

    /** The bank's policy for this TPP or customer allows only the customer's own accounts as payees (B10). */
    record PayeeNotAllowed() implements Submission {
    }

    /** The bank's fraud rules declined it (C3); the reason is for the audit log, never for the TPP. */
    record Declined(String reasonCode) implements Submission {
    }

    /** The grant does not allow this transfer (not the approved one, or the approved one was made already). */
    record NotAuthorised(String why) implements Submission {
    }
}

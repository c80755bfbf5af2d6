package jp.kakehashi.banking.transfer;

/** The outcome of a TPP's cancel of a transfer (取消, B2, D1), before the HTTP mapping. */
public sealed interface Cancellation {

    /** The transfer is cancelled (now, or by an earlier cancel). */
    record Cancelled(Transfer transfer) implements Cancellation {
    }

    /** The transfer ran or is running, or ended otherwise: it can no longer be cancelled. */
    record NotCancellable(Transfer transfer) implements Cancellation {
    }

    /** The caller's grant does not carry the payment right ({@code transfers}, B3, B5): nothing was looked up. */
    record NotPermitted() implements Cancellation {
    }

    /** No transfer of this client and customer has the apply number. */
    record NotFound() implements Cancellation {
    }
}

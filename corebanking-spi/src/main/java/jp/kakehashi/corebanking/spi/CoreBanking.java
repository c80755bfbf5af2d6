package jp.kakehashi.corebanking.spi;

import java.util.List;
import java.util.Optional;

/**
 * The port to a bank's core system (勘定系): what Kakehashi's read API (参照系) and payment API (更新系)
 * need from it. A bank implements it to connect its core; the simulator module is the reference.
 *
 * <p>The port does not authorise: the platform checks consent (B2, B5) before calling, and may read any
 * account. Only {@link #transfer} and {@link #reserve} check ownership, because the money moves on the core's side.
 * Implementations must be thread-safe; amounts are whole yen.
 *
 * <p>Fees: the platform prices a transfer's fee (振込手数料) and passes it in
 * {@link TransferRequest#fee()}; the core moves it, in the same posting as the amount, from the debit account to
 * the bank's fee income. Every check and hold on the debit account is on {@link TransferRequest#totalDebitAmount()
 * amount + fee}, so a balance that covers the amount but not the fee is {@link TransferRejection#INSUFFICIENT_FUNDS}.
 */
public interface CoreBanking {

    /** This bank's 4-digit Zengin bank code (金融機関コード); payees with it are transferred internally. */
    String bankCode();

    Optional<Customer> customer(CustomerId customerId);

    /** The customer's open accounts (口座一覧), in a stable order; empty for an unknown customer. */
    List<Account> accountsOf(CustomerId customerId);

    /** An open account, whoever owns it; the caller compares {@link Account#customerId()}. */
    Optional<Account> account(AccountId accountId);

    /** The current balance (残高照会); empty for an unknown account. */
    Optional<Balance> balance(AccountId accountId);

    /** A page of transaction history (入出金明細照会), ascending; empty for an unknown account. */
    Optional<TransactionPage> transactions(TransactionQuery query);

    /**
     * Executes a transfer (振込) once per idempotency key and customer, as one balanced posting: the debit account
     * pays amount + fee, the payee (or the clearing account for another bank) receives the amount, the bank's fee
     * income the fee; a fee of 0 moves nothing but the amount. A retry with the same key and the same request
     * returns the original result, also when that was a rejection; a retry with a different request – another fee
     * included – is rejected with {@link TransferRejection#DUPLICATE_REQUEST_MISMATCH} and changes nothing.
     */
    TransferResult transfer(TransferRequest request);

    /**
     * The stored outcome of an earlier {@link #transfer} call, e.g. after the call timed out on the caller's
     * side; empty if no request with this key reached the core.
     */
    Optional<TransferResult> transferResult(CustomerId customerId, IdempotencyKey idempotencyKey);

    /**
     * First phase of a two-phase transfer (reserve, then post or void; no overdraft): checks the
     * instruction like {@link #transfer} and places a hold of {@code amount + fee} on the debit account, so its
     * withdrawable amount drops and its balance does not; holds and one-step transfers together never take
     * the withdrawable amount below zero. Idempotent like {@link #transfer}, with keys of their own: the same key
     * and request (fee included) return the original result, a different request under the key is rejected with
     * {@link TransferRejection#DUPLICATE_REQUEST_MISMATCH}. A hold that is neither posted nor voided lapses
     * after a lifetime the core sets (see {@link #expireReservations}).
     */
    ReservationResult reserve(TransferRequest request);

    /** The stored outcome of an earlier {@link #reserve} call; empty if no request with this key reached the core. */
    Optional<ReservationResult> reservationResult(CustomerId customerId, IdempotencyKey idempotencyKey);

    /**
     * Second phase: turns an active hold into one balanced posting exactly once, like {@link #transfer}'s: the
     * debit account pays amount + fee, the payee or clearing receives the amount, the bank's fee income the fee.
     * Posting a posted reservation returns the original {@link PostResult.Posted}; a voided or expired one
     * is refused. The payee's account is checked again, as it may have changed since the hold was placed.
     */
    PostResult post(ReservationId reservationId);

    /**
     * Releases an active hold, amount and fee, without moving money. Voiding a voided reservation returns the
     * original {@link VoidResult.Voided}; a posted or expired one is refused.
     */
    VoidResult voidReservation(ReservationId reservationId);

    /** A reservation as it stands now; empty for an unknown id or a rejected reserve call. */
    Optional<Reservation> reservation(ReservationId reservationId);

    /**
     * Releases every active hold (amount and fee) whose lifetime has run out, marking it
     * {@link ReservationStatus#EXPIRED}; the platform calls it periodically (a core that expires holds on its own
     * returns 0). Safe to call from several nodes at once.
     *
     * @return how many holds this call released
     */
    int expireReservations();
}

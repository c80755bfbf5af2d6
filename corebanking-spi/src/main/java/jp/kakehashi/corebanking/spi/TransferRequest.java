package jp.kakehashi.corebanking.spi;

import java.util.Objects;

/**
 * A transfer instruction (振込依頼) of the payment API, executed at once by the core system.
 *
 * <p>The amount is not checked here: an amount out of range is a business rejection
 * ({@link TransferRejection#INVALID_AMOUNT}), so that it is stored with the idempotency key like any outcome.
 *
 * @param customerId      who instructs; must own {@code debitAccountId}
 * @param idempotencyKey  unique per customer; see {@link IdempotencyKey}
 * @param amount          whole yen, 1 to {@link #MAX_AMOUNT}
 * @param remitterName    振込依頼人名 in half-width kana, or {@code null} for the account holder's kana name
 */
public record TransferRequest(
        CustomerId customerId,
        IdempotencyKey idempotencyKey,
        AccountId debitAccountId,
        Payee payee,
        long amount,
        String remitterName) {

    /** Zengin's amount field is N(10). */
    public static final long MAX_AMOUNT = 9_999_999_999L;

    public TransferRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(debitAccountId, "debitAccountId");
        Objects.requireNonNull(payee, "payee");
    }
}

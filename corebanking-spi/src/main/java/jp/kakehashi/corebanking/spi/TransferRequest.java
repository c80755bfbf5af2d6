package jp.kakehashi.corebanking.spi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transfer instruction (振込依頼) of the payment API (更新系), executed by the core system at once
 * ({@link CoreBanking#transfer}) or in two phases ({@link CoreBanking#reserve}).
 *
 * <p>The amount is not checked here: an amount out of range is a business rejection
 * ({@link TransferRejection#INVALID_AMOUNT}), so that it is stored with the idempotency key like any outcome. The
 * fee is checked here: the platform prices it (振込手数料) from the bank's fee table before calling, so a fee out of
 * range is a programming error, not a customer's.
 *
 * <p>The debit account pays {@link #totalDebitAmount() amount + fee}: the payee receives the amount, the bank's
 * fee income the fee. The fee is part of the request an idempotency key is bound to: a retry under the same key
 * with another fee is a different request.
 *
 * @param customerId      who instructs; must own {@code debitAccountId}
 * @param idempotencyKey  unique per customer; see {@link IdempotencyKey}
 * @param amount          whole yen, 1 to {@link #MAX_AMOUNT}; what the payee receives
 * @param fee             the transfer fee (振込手数料) the customer pays on top, whole yen, 0 to {@link #MAX_FEE};
 *                        0 for a free transfer
 * @param remitterName    振込依頼人名 in half-width kana, or {@code null} for the account holder's kana name
 */
public record TransferRequest(
        CustomerId customerId,
        IdempotencyKey idempotencyKey,
        AccountId debitAccountId,
        Payee payee,
        long amount,
        long fee,
        @Nullable String remitterName) {

    /** Zengin's amount field is N(10). */
    public static final long MAX_AMOUNT = 9_999_999_999L;

    /** No fee is larger than the largest amount; the bound keeps {@code amount + fee} far from overflowing. */
    public static final long MAX_FEE = MAX_AMOUNT;

    public TransferRequest {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(debitAccountId, "debitAccountId");
        Objects.requireNonNull(payee, "payee");
        if (fee < 0 || fee > MAX_FEE) {
            throw new IllegalArgumentException("fee must be 0 to " + MAX_FEE + " yen: " + fee);
        }
    }

    /** A free transfer (fee 0), for callers that charge no fee. */
    public TransferRequest(CustomerId customerId, IdempotencyKey idempotencyKey, AccountId debitAccountId,
            Payee payee, long amount, @Nullable String remitterName) {
        this(customerId, idempotencyKey, debitAccountId, payee, amount, 0, remitterName);
    }

    /**
     * What the debit account pays (the API's {@code totalDebitAmount}): amount plus fee. Only meaningful for an
     * amount in range, which the core checks first; an amount so far out of range that the sum overflows throws
     * {@link ArithmeticException} rather than answering a wrapped, negative total.
     */
    public long totalDebitAmount() {
        return Math.addExact(amount, fee);
    }
}

package jp.kakehashi.banking.transfer;

import java.time.Instant;
import java.time.LocalDate;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.banking.TransferStatusReason;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.corebanking.spi.Payee;
import jp.kakehashi.corebanking.spi.TransferRequest;
import jp.kakehashi.shared.Yen;

/**
 * A transfer (振込, B10) as the platform stores it with the idempotency key of its request.
 *
 * @param applyNo       受付番号 for the TPP: 16 random digits
 * @param statusReason  the reason code of a {@link TransferStatus#FAILED} or {@link TransferStatus#CANCELLED}
 *                      transfer, else null
 * @param reservationId the core's hold, kept inside the platform only
 * @param confirmBy     until when the customer may confirm it at the bank, when the policy asked for that
 */
public record Transfer(String applyNo, String clientId, String grantId, String customerId, String idempotencyKey,
        String fingerprint, String accountId, Payee payee, String remitterName, String ediInfo, Yen amount, Yen fee,
        LocalDate executionDate, TransferStatus status, TransferStatusReason statusReason, String reservationId,
        Instant acceptedAt, Instant confirmBy) {

    /** The status reason's name as stored and audited, or null. */
    public String statusReasonCode() {
        return statusReason == null ? null : statusReason.name();
    }

    public Yen totalDebitAmount() {
        return amount.plus(fee);
    }

    /**
     * The instruction to the core: its idempotency key is derived from the apply number, so every retry that drives
     * this transfer asks the core for the same thing and gets the same answer.
     */
    TransferRequest coreRequest() {
        return new TransferRequest(new CustomerId(customerId), new IdempotencyKey("kakehashi-" + applyNo),
                new AccountId(accountId), payee, amount.amount(), fee.amount(), remitterName);
    }
}

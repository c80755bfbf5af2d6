package jp.kakehashi.banking;

import java.time.Instant;
import java.time.LocalDate;
import jp.kakehashi.shared.ClientId;
import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;
import jp.kakehashi.shared.Yen;

/**
 * A stored transfer (振込, B10) took a status: published once per status, in the database transaction that stored
 * it, so the audit log (C3 "every transfer is an audited event") and the customer's notice (B10) never miss one.
 *
 * @param status        AWAITING_CONFIRMATION, SCHEDULED, COMPLETED, FAILED or CANCELLED (serialized by name, as
 *                      stored publications have it)
 * @param reasonCode    why a transfer waits, FAILED or was CANCELLED (e.g. INSUFFICIENT_FUNDS, CONFIRMATION_EXPIRED),
 *                      else null
 * @param serviceName   the TPP's service name the customer knows (Japanese), for the notice
 * @param payee         the payee as the customer sees it: bank and branch code, masked account number, name in kana
 * @param confirmBy     until when the customer may confirm it at the bank, for AWAITING_CONFIRMATION
 */
public record TransferStatusChanged(String applyNo, CustomerId customerId, ClientId clientId, GrantId grantId,
        TransferStatus status, TransferStatusReason reasonCode, Yen amount, Yen fee, LocalDate executionDate,
        String payee, String serviceName, Instant confirmBy, Instant occurredAt) {
}

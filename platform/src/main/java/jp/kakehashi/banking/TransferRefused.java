package jp.kakehashi.banking;

import java.time.Instant;

/**
 * A transfer request the platform refused before storing any transfer (C3 "every rejection is an audited
 * event with its reason code"): an invalid field, a limit, a payee the policy excludes, a grant that does not allow
 * it, a reused idempotency key. Published in a transaction of its own, since the refusal stores nothing else.
 *
 * @param refusalId  unique per refusal, so a repeated delivery of the event is recognised
 * @param reasonCode the API's error code (e.g. TRANSFER_LIMIT_EXCEEDED)
 * @param detail     the code's detail where it has one (e.g. DAILY_LIMIT, the wrong field's id), else null
 * @param amount     the requested amount in yen when it was readable, else null
 */
public record TransferRefused(String refusalId, String customerId, String clientId, String grantId, String reasonCode, String detail,
        Long amount, Instant occurredAt) {
}

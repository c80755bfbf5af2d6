package jp.kakehashi.banking;

import java.time.Instant;
import jp.kakehashi.shared.ClientId;
import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;

/**
 * A transfer request the platform refused before storing any transfer (C3 "every rejection is an audited
 * event with its reason code"): an invalid field, a limit, a payee the policy excludes, a grant that does not allow
 * it, a reused idempotency key. Published in a transaction of its own, since the refusal stores nothing else.
 *
 * @param refusalId  unique per refusal, so a repeated delivery of the event is recognised
 * @param customerId the customer as far as known, else null; ids are written in JSON as bare strings
 * @param reasonCode why, named as the API's error code (e.g. TRANSFER_LIMIT_EXCEEDED); serialized by name, as stored
 *                   publications have it
 * @param detail     the code's detail where it has one (e.g. DAILY_LIMIT, the wrong field's id), else null
 * @param amount     the requested amount in yen when it was readable, else null
 */
public record TransferRefused(String refusalId, CustomerId customerId, ClientId clientId, GrantId grantId,
        Reason reasonCode, String detail, Long amount, Instant occurredAt) {

    /**
     * Why a transfer request was refused before anything was stored: a closed list, each the {@code /v1} error code
     * the TPP is answered with (B10, C3).
     */
    public enum Reason {
        /** A field of the request, its {@code Idempotency-Key} or its debit account id is malformed. */
        INVALID_PARAMETER,
        /** The debit account is missing, another customer's or not one the grant covers (not told apart). */
        ACCOUNT_NOT_FOUND,
        /** More than one item: bulk transfers (一括振込) are not offered yet. */
        MULTIPLE_TRANSFERS_NOT_SUPPORTED,
        /** The client used the idempotency key for another request. */
        IDEMPOTENCY_KEY_REUSED,
        /** The grant does not allow this transfer (RFC 9396: not the approved one, or made already). */
        TRANSFER_NOT_AUTHORISED,
        /** The transfer would break the bank's limits (B10). */
        TRANSFER_LIMIT_EXCEEDED,
        /** The bank's policy allows only the customer's own accounts as payees (B10). */
        PAYEE_NOT_ALLOWED,
        /** The bank's fraud rules declined it (C3); the rule is in the event's detail, never told to the TPP. */
        TRANSFER_DECLINED
    }
}

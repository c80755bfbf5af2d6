package jp.kakehashi.banking.transfer;

import java.util.List;
import jp.kakehashi.banking.TransferRefused;
import jp.kakehashi.banking.transfer.rules.Violation;
import jp.kakehashi.risk.RiskReason;

/**
 * What became of a transfer request (振込依頼, B10) at the {@link TransferDesk}, before any HTTP mapping: the transfer
 * as stored (new, or the same request retried), or a refusal with its closed reason, already published as
 * {@link TransferRefused} (C3).
 */
public sealed interface TransferOutcome {

    /** The request is the transfer's (new, or a retry of the same request): its state as stored. */
    record Accepted(Transfer transfer) implements TransferOutcome {
    }

    /** Refused before anything was stored. */
    sealed interface Refused extends TransferOutcome {

        /** The closed reason, the API's error code. */
        TransferRefused.Reason reason();

        /**
         * What the audit log keeps beside the reason (C3): e.g. {@code DAILY_LIMIT}, {@code INVALID_VALUE accountId},
         * or the fraud rule the TPP is not told; null where the reason says it all.
         */
        default String detail() {
            return null;
        }
    }

    /** One parameter (e.g. {@code Idempotency-Key}, {@code accountId}, or the body as a whole when null) is wrong. */
    record InvalidParameter(String itemId, String message) implements Refused {

        @Override
        public TransferRefused.Reason reason() {
            return TransferRefused.Reason.INVALID_PARAMETER;
        }

        @Override
        public String detail() {
            return itemId == null ? "INVALID_VALUE" : "INVALID_VALUE " + itemId;
        }
    }

    /** Fields of the request break the Zengin rules or the request's own totals: every wrong field at once. */
    record InvalidTransfer(List<Violation> violations) implements Refused {

        public InvalidTransfer {
            violations = List.copyOf(violations);
        }

        @Override
        public TransferRefused.Reason reason() {
            return TransferRefused.Reason.INVALID_PARAMETER;
        }

        @Override
        public String detail() {
            return violations.isEmpty() ? null
                    : violations.getFirst().code().name() + " " + violations.getFirst().field();
        }
    }

    /** The debit account is missing, another customer's or not covered by the grant: one answer for all (no BOLA). */
    record AccountNotFound() implements Refused {

        @Override
        public TransferRefused.Reason reason() {
            return TransferRefused.Reason.ACCOUNT_NOT_FOUND;
        }
    }

    /** More than one item. */
    record MultipleTransfersNotSupported() implements Refused {

        @Override
        public TransferRefused.Reason reason() {
            return TransferRefused.Reason.MULTIPLE_TRANSFERS_NOT_SUPPORTED;
        }
    }

    /** The idempotency key was used by this client for another request. */
    record KeyReused() implements Refused {

        @Override
        public TransferRefused.Reason reason() {
            return TransferRefused.Reason.IDEMPOTENCY_KEY_REUSED;
        }
    }

    /** The grant does not allow this transfer (not the approved one, or the approved one was made already). */
    record NotAuthorised(String why) implements Refused {

        @Override
        public TransferRefused.Reason reason() {
            return TransferRefused.Reason.TRANSFER_NOT_AUTHORISED;
        }
    }

    /** The transfer would break the bank's limits (B10). */
    record LimitExceeded(TransferLimitPolicy.Limit limit) implements Refused {

        @Override
        public TransferRefused.Reason reason() {
            return TransferRefused.Reason.TRANSFER_LIMIT_EXCEEDED;
        }

        @Override
        public String detail() {
            return limit.name() + "_LIMIT";
        }
    }

    /** The bank's policy for this TPP or customer allows only the customer's own accounts as payees (B10). */
    record PayeeNotAllowed() implements Refused {

        @Override
        public TransferRefused.Reason reason() {
            return TransferRefused.Reason.PAYEE_NOT_ALLOWED;
        }
    }

    /** The bank's fraud rules declined it (C3); the rule is for the audit log, never for the TPP. */
    record Declined(RiskReason rule) implements Refused {

        @Override
        public TransferRefused.Reason reason() {
            return TransferRefused.Reason.TRANSFER_DECLINED;
        }

        @Override
        public String detail() {
            return rule.name();
        }
    }
}

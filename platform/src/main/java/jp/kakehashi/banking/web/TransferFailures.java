package jp.kakehashi.banking.web;

import jp.kakehashi.banking.TransferStatusReason;
import jp.kakehashi.shared.ApiErrorCode;

/**
 * The HTTP answer to a transfer the core system refused (payment correctness), by its stored reason: the same answer to
 * every retry. A refusal the client can fix in the request is 400, one of the accounts' state is 409 (each code's
 * status, {@link ApiErrorCode}).
 */
final class TransferFailures {

    private TransferFailures() {
    }

    static ApiException of(TransferStatusReason reason) {
        return switch (reason) {
            case INSUFFICIENT_FUNDS -> ApiException.refused(ApiErrorCode.INSUFFICIENT_FUNDS);
            case ACCOUNT_FROZEN -> ApiException.refused(ApiErrorCode.ACCOUNT_FROZEN);
            case ACCOUNT_NOT_FOUND -> ApiException.accountNotFound();
            case PAYEE_ACCOUNT_NOT_FOUND -> ApiException.refused(ApiErrorCode.PAYEE_ACCOUNT_NOT_FOUND);
            case PAYEE_ACCOUNT_FROZEN -> ApiException.refused(ApiErrorCode.PAYEE_ACCOUNT_FROZEN);
            case SAME_ACCOUNT -> ApiException.refused(ApiErrorCode.SAME_ACCOUNT);
            case CONFIRMATION_EXPIRED -> ApiException.refused(ApiErrorCode.CONFIRMATION_EXPIRED);
            case INVALID_AMOUNT -> ApiException.refused(ApiErrorCode.INVALID_AMOUNT);
            case null, default -> ApiException.refused(ApiErrorCode.TRANSFER_FAILED);
        };
    }
}

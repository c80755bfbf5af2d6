package jp.kakehashi.banking.web;

import jp.kakehashi.banking.transfer.TransferOutcome;
import jp.kakehashi.banking.transfer.rules.Violation;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;

/**
 * The HTTP answer to a transfer request the {@link jp.kakehashi.banking.transfer.TransferDesk} refused (B10, C3), by
 * its closed reason: the error code is the reason's name, the status and message the API's for it.
 */
final class TransferRefusalAnswers {

    private TransferRefusalAnswers() {
    }

    static ApiException of(TransferOutcome.Refused refusal) {
        return switch (refusal) {
            case TransferOutcome.InvalidParameter invalid -> ApiException.invalidParameter(invalid.itemId(),
                    invalid.message());
            case TransferOutcome.InvalidTransfer invalid -> ApiException.invalidTransfer(invalid.violations().stream()
                    .map(TransferRefusalAnswers::detail).toList());
            case TransferOutcome.AccountNotFound missing -> ApiException.accountNotFound();
            case TransferOutcome.MultipleTransfersNotSupported bulk -> ApiException.multipleTransfersNotSupported();
            case TransferOutcome.KeyReused reused -> ApiException.refused(ApiErrorCode.IDEMPOTENCY_KEY_REUSED);
            case TransferOutcome.NotAuthorised refused -> ApiException.refused(ApiErrorCode.TRANSFER_NOT_AUTHORISED);
            case TransferOutcome.LimitExceeded exceeded -> ApiException.limitExceeded(exceeded.limit().name());
            // C3: the TPP learns only that it was declined, never which rule to avoid
            case TransferOutcome.Declined declined -> ApiException.transferDeclined();
            case TransferOutcome.PayeeNotAllowed payee -> ApiException.refused(ApiErrorCode.PAYEE_NOT_ALLOWED);
        };
    }

    private static ApiError.Detail detail(Violation v) {
        return new ApiError.Detail(v.code().name(), v.messageJa(), v.itemId(), v.field());
    }
}

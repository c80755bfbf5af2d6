package jp.kakehashi.banking.web;

import java.util.List;
import jp.kakehashi.shared.ApiError;
import jp.kakehashi.shared.ApiErrorCode;

/**
 * A request the API refuses, with its stable error code; {@link ApiErrors} writes it as the error body. Thrown only
 * for the client's mistakes and consent refusals, never for the platform's own faults.
 */
final class ApiException extends RuntimeException {

    private final ApiError error;

    private ApiException(ApiError error) {
        super(error.code().code(), null, false, false);
        this.error = error;
    }

    /**
     * C3: the bank's fraud rules declined the transfer. The TPP learns only that (a fraudster must not learn which
     * rule to avoid); the rule goes to the audit log with the desk's refusal.
     */
    static ApiException transferDeclined() {
        return refused(ApiErrorCode.TRANSFER_DECLINED);
    }

    /** A missing, another customer's or a not-consented account: the same answer for all three (no BOLA). */
    static ApiException accountNotFound() {
        return refused(ApiErrorCode.ACCOUNT_NOT_FOUND);
    }

    static ApiException notFound() {
        return refused(ApiErrorCode.NOT_FOUND);
    }

    static ApiException invalidParameter(String itemId, String message) {
        return new ApiException(ApiError.of(ApiErrorCode.INVALID_PARAMETER).withDetail("INVALID_VALUE", message,
                itemId));
    }

    /** B10: the period is valid but more than the bank lets a TPP read. */
    static ApiException dateRangeNotAllowed(String itemId, String message) {
        return new ApiException(ApiError.of(ApiErrorCode.DATE_RANGE_NOT_ALLOWED).withDetail("DATE_RANGE_NOT_ALLOWED",
                message, itemId));
    }

    /** A transfer request that breaks the Zengin rules or its own totals: every wrong field at once. */
    static ApiException invalidTransfer(List<ApiError.Detail> details) {
        return new ApiException(ApiError.of(ApiErrorCode.INVALID_PARAMETER).withDetails(details));
    }

    /** Bulk transfers (一括振込) are not offered yet: one item per request. */
    static ApiException multipleTransfersNotSupported() {
        return refused(ApiErrorCode.MULTIPLE_TRANSFERS_NOT_SUPPORTED);
    }

    /** A refusal of the payment API with its own stable code and no details. */
    static ApiException refused(ApiErrorCode code, Object... messageArguments) {
        return new ApiException(ApiError.of(code, messageArguments));
    }

    /** B10: the transfer would break the bank's limit {@code limit} (PER_TRANSFER, DAILY, MONTHLY). */
    static ApiException limitExceeded(String limit) {
        return new ApiException(ApiError.of(ApiErrorCode.TRANSFER_LIMIT_EXCEEDED).withDetail(limit + "_LIMIT",
                "limit " + limit + " exceeded", null));
    }

    String errorCode() {
        return error.code().code();
    }

    ApiError error() {
        return error;
    }
}

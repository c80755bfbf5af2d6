package jp.kakehashi.banking.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with its stable error code; {@link ApiErrors} turns it into the error body. Thrown only
 * for the client's mistakes and consent refusals, never for the platform's own faults.
 */
final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;
    private final List<ErrorBody.Detail> details;

    private ApiException(HttpStatus status, String errorCode, String message, List<ErrorBody.Detail> details) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.details = List.copyOf(details);
    }

    /** A missing, another customer's or a not-consented account: the same answer for all three (no BOLA). */
    static ApiException accountNotFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "ACCOUNT_NOT_FOUND", "口座が見つかりません。", List.of());
    }

    static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "リソースが見つかりません。", List.of());
    }

    static ApiException invalidParameter(String itemId, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "リクエストの値が正しくありません。",
                List.of(new ErrorBody.Detail("INVALID_VALUE", message, itemId)));
    }

    /** B10: the period is valid but more than the bank lets a TPP read. */
    static ApiException dateRangeNotAllowed(String itemId, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "DATE_RANGE_NOT_ALLOWED", "照会できない期間です。",
                List.of(new ErrorBody.Detail("DATE_RANGE_NOT_ALLOWED", message, itemId)));
    }

    HttpStatus status() {
        return status;
    }

    ErrorBody body() {
        return new ErrorBody(errorCode, getMessage(), details);
    }
}

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

    /**
     * C3: the bank's fraud rules declined the transfer. The TPP learns only that (a fraudster must not learn which
     * rule to avoid); the rule goes to the audit log with the desk's refusal.
     */
    static ApiException transferDeclined() {
        return new ApiException(HttpStatus.FORBIDDEN, "TRANSFER_DECLINED",
                "この振込はお受けできません。お客さまから銀行へお問い合わせください。", List.of());
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

    /** A transfer request that breaks the Zengin rules or its own totals: every wrong field at once. */
    static ApiException invalidTransfer(List<ErrorBody.Detail> details) {
        return new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "リクエストの値が正しくありません。",
                details);
    }

    /** Bulk transfers (一括振込) are not offered yet: one item per request. */
    static ApiException multipleTransfersNotSupported() {
        return new ApiException(HttpStatus.BAD_REQUEST, "MULTIPLE_TRANSFERS_NOT_SUPPORTED",
                "1回の依頼で指定できる振込明細は1件です。", List.of());
    }

    /** A refusal of the payment API with its own stable code and no details. */
    static ApiException refused(HttpStatus status, String errorCode, String message) {
        return new ApiException(status, errorCode, message, List.of());
    }

    /** B10: the transfer would break the bank's limit {@code limit} (PER_TRANSFER, DAILY, MONTHLY). */
    static ApiException limitExceeded(String limit) {
        return new ApiException(HttpStatus.FORBIDDEN, "TRANSFER_LIMIT_EXCEEDED", "振込限度額を超えています。",
                List.of(new ErrorBody.Detail(limit + "_LIMIT", "limit " + limit + " exceeded", null)));
    }

    String errorCode() {
        return errorCode;
    }

    HttpStatus status() {
        return status;
    }

    ErrorBody body() {
        return new ErrorBody(errorCode, getMessage(), details);
    }
}

package jp.kakehashi.shared;

import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * The closed set of the {@code /v1} API's error codes (OpenAPI {@code components/schemas/ErrorCode}; a test holds the
 * two equal), each with the HTTP status it is answered with and its message in Japanese and English. Which message a
 * caller reads is the writer's choice by the request's {@code Accept-Language} ({@link ApiErrorResponses}).
 */
public enum ApiErrorCode {

    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "リクエストの値が正しくありません。", "A value of the request is not valid."),
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED, "有効なアクセストークンが必要です。", "A valid access token is required."),
    INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN, "このアクセストークンでは利用できない API です。",
            "This access token does not allow this API."),
    ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND, "口座が見つかりません。", "The account was not found."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "リソースが見つかりません。", "The resource was not found."),
    DATE_RANGE_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "照会できない期間です。", "The period cannot be queried."),
    MULTIPLE_TRANSFERS_NOT_SUPPORTED(HttpStatus.BAD_REQUEST, "1回の依頼で指定できる振込明細は1件です。",
            "One request may carry only one transfer item."),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "この Idempotency-Key は別の依頼に使われています。",
            "This Idempotency-Key was used for another request."),
    TRANSFER_NOT_AUTHORISED(HttpStatus.FORBIDDEN, "この振込は認可されていません。", "This transfer is not authorised."),
    TRANSFER_LIMIT_EXCEEDED(HttpStatus.FORBIDDEN, "振込限度額を超えています。", "The transfer exceeds a transfer limit."),
    PAYEE_NOT_ALLOWED(HttpStatus.FORBIDDEN, "この振込先には振り込めません(ご本人名義の口座のみ)。",
            "Transfers to this payee are not allowed (only to the customer's own accounts)."),
    TRANSFER_DECLINED(HttpStatus.FORBIDDEN, "この振込はお受けできません。お客さまから銀行へお問い合わせください。",
            "The bank cannot accept this transfer. The customer may contact the bank."),
    INSUFFICIENT_FUNDS(HttpStatus.CONFLICT, "残高が不足しています。", "The balance is insufficient."),
    ACCOUNT_FROZEN(HttpStatus.CONFLICT, "出金口座はお取引が制限されています。",
            "Transactions on the debit account are restricted."),
    PAYEE_ACCOUNT_NOT_FOUND(HttpStatus.BAD_REQUEST, "振込先口座が見つかりません。", "The payee account was not found."),
    PAYEE_ACCOUNT_FROZEN(HttpStatus.CONFLICT, "振込先口座はお取引が制限されています。",
            "Transactions on the payee account are restricted."),
    SAME_ACCOUNT(HttpStatus.BAD_REQUEST, "出金口座と振込先口座が同じです。",
            "The debit account and the payee account are the same."),
    INVALID_AMOUNT(HttpStatus.BAD_REQUEST, "振込金額が正しくありません。", "The transfer amount is not valid."),
    TRANSFER_FAILED(HttpStatus.CONFLICT, "振込を実行できませんでした。", "The transfer could not be executed."),
    CONFIRMATION_EXPIRED(HttpStatus.CONFLICT, "お客さまによる確認が期限までになかったため、振込は実行されませんでした。",
            "The customer did not confirm the transfer in time; it was not executed."),
    /** The message names the transfer's status: one argument. */
    TRANSFER_NOT_CANCELLABLE(HttpStatus.CONFLICT, "この振込は取り消せません(状態: %s)。",
            "This transfer cannot be cancelled (status: %s)."),
    CHAINED_PARTY_NOT_ALLOWED(HttpStatus.FORBIDDEN, "この連鎖接続先からの利用は認められていません。",
            "Calls for this chained party are not allowed."),
    INVALID_CHAINED_PARTY_ID(HttpStatus.BAD_REQUEST, "X-Chained-Party-Id の形式が正しくありません。",
            "X-Chained-Party-Id is malformed."),
    RATE_LIMIT_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "リクエストが多すぎます。しばらくしてから再度お試しください。",
            "Too many requests. Please retry later."),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE,
            "ただいまサービスを利用できません。しばらくしてから再度お試しください。",
            "The service is temporarily unavailable. Please retry later."),
    SERVICE_STOPPED(HttpStatus.SERVICE_UNAVAILABLE, "サービス停止中です。", "The service is stopped."),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "システムエラーが発生しました。", "A system error occurred.");

    /**
     * The request attribute in which the writer of an error answer leaves its code as a {@code String} (an
     * {@code ApiErrorCode}'s name, or the OAuth {@code error} of the grant management endpoint's refusals), so the
     * execution log (C1) records the code as a value instead of reading it back out of the body.
     */
    public static final String REQUEST_ATTRIBUTE = ApiErrorCode.class.getName() + ".ANSWERED";

    private final HttpStatus status;
    private final String japanese;
    private final String english;

    ApiErrorCode(HttpStatus status, String japanese, String english) {
        this.status = status;
        this.japanese = japanese;
        this.english = english;
    }

    /** The code as the body carries it. */
    public String code() {
        return name();
    }

    /** The status the code is answered with, unless the container chose another one ({@link ApiError#withStatus}). */
    public HttpStatus status() {
        return status;
    }

    /** The message in Japanese for {@link Locale#JAPANESE}, else in English, with {@code arguments} filled in. */
    public String message(Locale locale, Object... arguments) {
        String template = Locale.JAPANESE.getLanguage().equals(locale.getLanguage()) ? japanese : english;
        return arguments.length == 0 ? template : template.formatted(arguments);
    }
}

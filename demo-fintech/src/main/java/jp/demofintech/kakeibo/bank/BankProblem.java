package jp.demofintech.kakeibo.bank;

import com.nimbusds.oauth2.sdk.ErrorObject;

/**
 * Something the bank said no to, or could not be asked: shown to the customer plainly, with the bank's own code and
 * message, never a stack trace.
 *
 * @see Kind
 */
public final class BankProblem extends RuntimeException {

    /** What kind of problem, which decides what the app tells the customer and offers next. */
    public enum Kind {
        /** the bank could not be reached or answered nonsense */
        UNAVAILABLE,
        /** the bank's authorization server refused (an OAuth error, e.g. {@code access_denied}) */
        AUTHORIZATION_REFUSED,
        /** the connection no longer works (grant revoked or expired at the bank): connect again */
        CONNECTION_ENDED,
        /** the read API answered with an error ({@code errorCode}, {@code errorMessage}) */
        API_ERROR
    }

    private final Kind kind;
    private final int httpStatus;
    private final String errorCode;
    private final String errorMessage;
    private final String interactionId;

    private BankProblem(Kind kind, int httpStatus, String errorCode, String errorMessage, String interactionId,
            Throwable cause) {
        super(kind + " " + httpStatus + " " + errorCode + ": " + errorMessage, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.interactionId = interactionId;
    }

    static BankProblem unavailable(String detail, Throwable cause) {
        return new BankProblem(Kind.UNAVAILABLE, 0, null, detail, null, cause);
    }

    static BankProblem refused(ErrorObject error) {
        return new BankProblem(Kind.AUTHORIZATION_REFUSED, error.getHTTPStatusCode(), error.getCode(),
                error.getDescription(), null, null);
    }

    static BankProblem refused(String code, String description) {
        return new BankProblem(Kind.AUTHORIZATION_REFUSED, 0, code, description, null, null);
    }

    static BankProblem connectionEnded(String code, String description) {
        return new BankProblem(Kind.CONNECTION_ENDED, 0, code, description, null, null);
    }

    static BankProblem api(int httpStatus, String errorCode, String errorMessage, String interactionId) {
        return new BankProblem(Kind.API_ERROR, httpStatus, errorCode, errorMessage, interactionId, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The bank's HTTP status, or 0 when there was no answer to take it from. */
    public int httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }

    /** The {@code x-fapi-interaction-id} of the failed API call, which the bank's support can look up. */
    public String interactionId() {
        return interactionId;
    }
}

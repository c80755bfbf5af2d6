package jp.kakehashi.authorization.rar;

/**
 * An {@code authorization_details} parameter the bank refuses (RFC 9396 §5): the TPP hears
 * {@value #ERROR_CODE} with the description, before any customer sees a screen.
 */
public final class InvalidAuthorizationDetails extends RuntimeException {

    /** The error code of RFC 9396 §5. */
    public static final String ERROR_CODE = "invalid_authorization_details";

    InvalidAuthorizationDetails(String description) {
        super(description);
    }
}

package jp.kakehashi.authorization.rar;

/**
 * An {@code authorization_details} parameter the bank refuses (RFC 9396 §5): the TPP hears
 * {@code invalid_authorization_details} with the description, before any customer sees a screen.
 */
public final class InvalidAuthorizationDetails extends RuntimeException {

    InvalidAuthorizationDetails(String description) {
        super(description);
    }
}

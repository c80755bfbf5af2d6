package jp.kakehashi.tpp.registration;

/** A registration refused after the token was looked at; thrown so the transaction (and redemption) rolls back. */
final class RefusedRegistration extends RuntimeException {

    private final RegistrationErrorCode code;

    RefusedRegistration(RegistrationErrorCode code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    RegistrationErrorCode code() {
        return code;
    }
}

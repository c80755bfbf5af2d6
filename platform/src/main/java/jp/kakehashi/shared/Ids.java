package jp.kakehashi.shared;

/** The checks every typed id of the platform shares. */
final class Ids {

    /** Longer than any id the platform issues or the core system uses; a bound against abuse, not a format. */
    static final int MAX_LENGTH = 255;

    private Ids() {
    }

    static void check(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
    }
}

package jp.kakehashi.shared;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The checks every typed id of the platform shares. */
final class Ids {

    /** Longer than any id the platform issues or the core system uses; a bound against abuse, not a format. */
    static final int MAX_LENGTH = 255;

    private Ids() {
    }

    /**
     * The id of a stored or received value; null for an absent one (null or blank, as events stored before ids were
     * values may have it), so optional ids stay optional.
     */
    static <T extends TypedId> @Nullable T of(@Nullable String value, Function<String, T> id) {
        return value == null || value.isBlank() ? null : id.apply(value);
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

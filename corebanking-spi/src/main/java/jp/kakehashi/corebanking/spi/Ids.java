package jp.kakehashi.corebanking.spi;

import org.jspecify.annotations.Nullable;

final class Ids {

    private Ids() {
    }

    static void requireNonBlank(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}

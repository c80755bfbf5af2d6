package jp.kakehashi.corebanking.spi;

final class Ids {

    private Ids() {
    }

    static void requireNonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}

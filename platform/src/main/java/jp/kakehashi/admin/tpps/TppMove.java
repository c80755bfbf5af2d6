package jp.kakehashi.admin.tpps;

import java.util.Arrays;
import java.util.Optional;

/** The TPP lifecycle moves staff request and a second person approves (A6 制限・停止・再開・解除). */
enum TppMove {
    RESTRICT, SUSPEND, RESUME, REVOKE;

    /** The request kind, e.g. {@code tpp.suspend}. */
    String kind() {
        return "tpp." + path();
    }

    /** The path segment of its form, e.g. {@code suspend}. */
    String path() {
        return name().toLowerCase();
    }

    static Optional<TppMove> ofPath(String path) {
        return Arrays.stream(values()).filter(move -> move.path().equals(path)).findFirst();
    }
}

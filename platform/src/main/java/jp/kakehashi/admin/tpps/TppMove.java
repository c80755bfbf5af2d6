package jp.kakehashi.admin.tpps;

import java.util.Arrays;
import java.util.List;
import jp.kakehashi.tpp.TppStatus;
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

    /** The moves worth offering for a TPP in this status (the lifecycle has the last word). */
    static List<TppMove> allowedFrom(TppStatus status) {
        return switch (status) {
            case ACTIVE -> List.of(RESTRICT, SUSPEND, REVOKE);
            case RESTRICTED -> List.of(RESTRICT, SUSPEND, RESUME, REVOKE);
            case SUSPENDED -> List.of(RESUME, REVOKE);
            case APPROVED -> List.of(REVOKE);
            case APPLIED, SCREENING, REJECTED, REVOKED -> List.of();
        };
    }

    static Optional<TppMove> ofPath(String path) {
        return Arrays.stream(values()).filter(move -> move.path().equals(path)).findFirst();
    }
}

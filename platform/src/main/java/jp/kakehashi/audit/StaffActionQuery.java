package jp.kakehashi.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which staff actions to list (C4 periodic review): a period {@code [from, to)}, and optionally one staff member and
 * one target (null for any).
 */
public record StaffActionQuery(Instant from, Instant to, @Nullable String staffId, @Nullable String target) {

    public static StaffActionQuery period(Instant from, Instant to) {
        return new StaffActionQuery(from, to, null, null);
    }
}

package jp.kakehashi.tpp.monitoring;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;

/**
 * Whether a TPP's compensation capacity (E5) stands on a day: checked before connection and periodically. Only
 * capacity valid on the day counts; it is expiring when all of it ends within {@link #EXPIRING_DAYS} days, and due for
 * a fresh check when the latest check of what is valid is older than {@link #RECHECK_MONTHS} months.
 */
public final class CapacityCheck {

    public static final int EXPIRING_DAYS = 60;
    public static final int RECHECK_MONTHS = 12;

    public enum State {
        /** Nothing recorded, or everything recorded has ended. */
        MISSING,
        /** Valid now, but ends soon. */
        EXPIRING,
        /** Valid, but nobody has checked it for a year. */
        RECHECK_DUE,
        VALID
    }

    private CapacityCheck() {
    }

    public static State stateOn(Collection<CompensationCapacity> capacities, LocalDate today) {
        var valid = capacities.stream().filter(capacity -> !capacity.validUntil().isBefore(today)).toList();
        if (valid.isEmpty()) {
            return State.MISSING;
        }
        LocalDate lastDay = valid.stream().map(CompensationCapacity::validUntil).max(Comparator.naturalOrder())
                .orElseThrow();
        if (lastDay.isBefore(today.plusDays(EXPIRING_DAYS))) {
            return State.EXPIRING;
        }
        LocalDate lastCheck = valid.stream().map(CompensationCapacity::checkedOn).max(Comparator.naturalOrder())
                .orElseThrow();
        return lastCheck.isBefore(today.minusMonths(RECHECK_MONTHS)) ? State.RECHECK_DUE : State.VALID;
    }

    /** The total covered by what is valid on the day, in yen. */
    public static long coveredYen(Collection<CompensationCapacity> capacities, LocalDate today) {
        return capacities.stream().filter(capacity -> !capacity.validUntil().isBefore(today))
                .mapToLong(CompensationCapacity::amountYen).sum();
    }
}

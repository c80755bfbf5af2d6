package jp.kakehashi.tpp.monitoring;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When a TPP's next review falls due (A5): one agreed period after the last review, or after the agreement's start
 * when there was none yet. Due soon within {@link #DUE_SOON_DAYS} days, overdue the day after the due date.
 */
public final class MonitoringSchedule {

    public static final int DUE_SOON_DAYS = 30;

    /** Where a TPP's review stands on a day. */
    public enum State {
        NOT_DUE, DUE_SOON, OVERDUE
    }

    private MonitoringSchedule() {
    }

    public static LocalDate nextReviewDue(MonitoringAgreement agreement, Optional<LocalDate> lastReview) {
        LocalDate from = lastReview.filter(last -> !last.isBefore(agreement.startsOn())).orElse(agreement.startsOn());
        return from.plusMonths(agreement.frequencyMonths());
    }

    public static State stateOn(LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return State.OVERDUE;
        }
        return today.plusDays(DUE_SOON_DAYS).isBefore(due) ? State.NOT_DUE : State.DUE_SOON;
    }
}

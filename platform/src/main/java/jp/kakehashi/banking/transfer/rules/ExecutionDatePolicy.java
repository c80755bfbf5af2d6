package jp.kakehashi.banking.transfer.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import jp.kakehashi.shared.BusinessClock;
import org.jspecify.annotations.Nullable;

/**
 * Decides the day a transfer is executed (振込実行日) from the requested date (振込指定日), the holiday
 * handling and the time of the request in Japan:
 * <ul>
 * <li>a date in the past, or more than {@code maxDaysAhead} days ahead, is refused;</li>
 * <li>a non-business date moves to the next or previous business day, or is refused, by the holiday code; the
 * previous business day must not already be closed for transfers;</li>
 * <li>a same-day transfer from the cut-off time on moves to the next business day (refused with code 3, which
 * asks that the date never move).</li>
 * </ul>
 */
public final class ExecutionDatePolicy {

    private static final String DATE_FIELD = "transferDesignatedDate";
    private static final String CODE_FIELD = "transferDateHolidayCode";

    private final BankCalendar calendar;
    private final ExecutionDateSettings settings;
    private final Clock clock;

    public ExecutionDatePolicy(BankCalendar calendar, ExecutionDateSettings settings, Clock clock) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The decision on a transfer date. */
    public sealed interface Decision permits Scheduled, Refused {
    }

    /** The transfer runs on {@code executionDate}; {@code requested} is the date asked for (today when none). */
    public record Scheduled(LocalDate requested, LocalDate executionDate) implements Decision {
        public boolean moved() {
            return !requested.equals(executionDate);
        }
    }

    public record Refused(Violation violation) implements Decision {
    }

    /** Decides for a requested date (null: today) and a holiday code (null: 1, next business day). */
    public Decision decide(@Nullable LocalDate requestedDate, @Nullable String holidayCode) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(BusinessClock.TOKYO));
        LocalDate today = now.toLocalDate();
        LocalDate requested = requestedDate == null ? today : requestedDate;
        var handling = HolidayHandling.ofCode(holidayCode);
        if (handling.isEmpty()) {
            return refuse(ViolationCode.TRANSFER_DATE_HOLIDAY_CODE_INVALID.on(null, CODE_FIELD));
        }
        if (requested.isBefore(today)) {
            return refuse(ViolationCode.TRANSFER_DATE_IN_PAST.on(null, DATE_FIELD));
        }
        if (requested.isAfter(today.plusDays(settings.maxDaysAhead()))) {
            return refuse(ViolationCode.TRANSFER_DATE_TOO_FAR.on(null, DATE_FIELD, settings.maxDaysAhead()));
        }
        boolean beforeCutOff = now.toLocalTime().isBefore(settings.cutOff());
        LocalDate earliest = beforeCutOff && calendar.isBusinessDay(today) ? today : calendar.nextBusinessDay(today);
        if (calendar.isBusinessDay(requested)) {
            return sameOrEarliest(requested, earliest, handling.get());
        }
        return switch (handling.get()) {
            case REFUSE -> refuse(ViolationCode.TRANSFER_DATE_NOT_BUSINESS_DAY.on(null, DATE_FIELD));
            case NEXT_BUSINESS_DAY -> new Scheduled(requested, calendar.onOrAfter(requested));
            case PREVIOUS_BUSINESS_DAY -> previous(requested, earliest);
        };
    }

    private Decision sameOrEarliest(LocalDate requested, LocalDate earliest, HolidayHandling handling) {
        if (!requested.isBefore(earliest)) {
            return new Scheduled(requested, requested);
        }
        // only today can be before the earliest business day: the cut-off has passed
        if (handling == HolidayHandling.REFUSE) {
            return refuse(ViolationCode.TRANSFER_DATE_CUT_OFF_PASSED.on(null, DATE_FIELD, settings.cutOff()));
        }
        return new Scheduled(requested, earliest);
    }

    private Decision previous(LocalDate requested, LocalDate earliest) {
        LocalDate previous = calendar.onOrBefore(requested);
        if (previous.isBefore(earliest)) {
            return refuse(ViolationCode.TRANSFER_DATE_PREVIOUS_BUSINESS_DAY_PASSED.on(null, DATE_FIELD));
        }
        return new Scheduled(requested, previous);
    }

    private static Decision refuse(Violation violation) {
        return new Refused(violation);
    }
}

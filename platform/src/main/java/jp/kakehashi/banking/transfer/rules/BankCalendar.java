package jp.kakehashi.banking.transfer.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Bank business days (銀行営業日): 銀行法15条 and 施行令5条 close banks on Saturdays, Sundays, national
 * holidays (incl. 振替休日 and 国民の休日) and 12/31–1/3. Extra closures cover what no rule predicts: a one-off
 * holiday enacted by law, or a corrected equinox day.
 */
public final class BankCalendar {

    private static final Set<MonthDay> YEAR_END_CLOSURES = Set.of(MonthDay.of(12, 31), MonthDay.of(1, 1),
            MonthDay.of(1, 2), MonthDay.of(1, 3));

    private final Set<LocalDate> extraClosures;
    private final boolean openEveryDay;

    public BankCalendar(Set<LocalDate> extraClosures) {
        this(extraClosures, false);
    }

    private BankCalendar(Set<LocalDate> extraClosures, boolean openEveryDay) {
        this.extraClosures = Set.copyOf(extraClosures);
        this.openEveryDay = openEveryDay;
    }

    /**
     * A sandbox's calendar, in which every day is a business day: a demo or a test shows a transfer run at once
     * whatever the day. Never a bank's production calendar.
     */
    public static BankCalendar openEveryDay() {
        return new BankCalendar(Set.of(), true);
    }

    /** The calendar by rule alone. */
    public static BankCalendar standard() {
        return new BankCalendar(Set.of());
    }

    /**
     * Whether banks are open on the date; for years outside 2022–2099 the holiday rules are unknown and this
     * throws {@link IllegalArgumentException}.
     */
    public boolean isBusinessDay(LocalDate date) {
        if (openEveryDay) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !YEAR_END_CLOSURES.contains(MonthDay.from(date))
                && !extraClosures.contains(date)
                && !JapaneseHolidays.isHoliday(date);
    }

    /** The first business day strictly after the date. */
    public LocalDate nextBusinessDay(LocalDate date) {
        return onOrAfter(date.plusDays(1));
    }

    /** The last business day strictly before the date. */
    public LocalDate previousBusinessDay(LocalDate date) {
        return onOrBefore(date.minusDays(1));
    }

    /** The date itself when it is a business day, else the next one. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The date itself when it is a business day, else the previous one. */
    public LocalDate onOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }
}

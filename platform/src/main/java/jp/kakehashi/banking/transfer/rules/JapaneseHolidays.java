package jp.kakehashi.banking.transfer.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The holidays of Japan (国民の祝日 and the days the 祝日法 makes 休日) computed by rule, for the bank calendar
 * (祝日法): fixed days, the Happy Monday days, the equinoxes by the standard approximation, 振替休日 (a holiday on a
 * Sunday moves to the next day that is not a holiday) and 国民の休日 (a day between two holidays).
 * <p>
 * The rules are those in force since 2022; earlier years had other rules (the 2019 enthronement, the 2020/2021
 * Olympic moves) and the equinox formula holds only until 2099, so other years are refused rather than guessed.
 * The Cabinet Office publishes each year's equinox days in February of the year before; a deviation or a new
 * one-off holiday goes into {@link BankCalendar}'s extra closures.
 */
final class JapaneseHolidays {

    static final int FIRST_YEAR = 2022;
    static final int LAST_YEAR = 2099;

    private static final Map<Integer, NavigableMap<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

    private JapaneseHolidays() {
    }

    /** The holidays of a year with their Japanese names, in date order. */
    static NavigableMap<LocalDate, String> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("Japanese holidays are computed for " + FIRST_YEAR + "–" + LAST_YEAR
                    + " only, not " + year);
        }
        return BY_YEAR.computeIfAbsent(year, JapaneseHolidays::compute);
    }

    static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }

    private static NavigableMap<LocalDate, String> compute(int year) {
        NavigableMap<LocalDate, String> national = nationalHolidays(year);
        NavigableMap<LocalDate, String> all = new TreeMap<>(national);
        for (LocalDate day = LocalDate.of(year, 1, 2); day.getYear() == year; day = day.plusDays(1)) {
            if (!national.containsKey(day) && national.containsKey(day.minusDays(1))
                    && national.containsKey(day.plusDays(1))) {
                all.put(day, "国民の休日");
            }
        }
        for (LocalDate holiday : national.keySet()) {
            if (holiday.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate substitute = holiday.plusDays(1);
                while (national.containsKey(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                // a Sunday holiday on 12/31 would move into the next year; none exists, but stay in the year
                if (substitute.getYear() == year) {
                    all.put(substitute, "振替休日");
                }
            }
        }
        return Collections.unmodifiableNavigableMap(all);
    }

    private static NavigableMap<LocalDate, String> nationalHolidays(int year) {
        NavigableMap<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "元日");
        days.put(monday(year, Month.JANUARY, 2), "成人の日");
        days.put(LocalDate.of(year, 2, 11), "建国記念の日");
        days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
        days.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
        days.put(LocalDate.of(year, 4, 29), "昭和の日");
        days.put(LocalDate.of(year, 5, 3), "憲法記念日");
        days.put(LocalDate.of(year, 5, 4), "みどりの日");
        days.put(LocalDate.of(year, 5, 5), "こどもの日");
        days.put(monday(year, Month.JULY, 3), "海の日");
        days.put(LocalDate.of(year, 8, 11), "山の日");
        days.put(monday(year, Month.SEPTEMBER, 3), "敬老の日");
        days.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
        days.put(monday(year, Month.OCTOBER, 2), "スポーツの日");
        days.put(LocalDate.of(year, 11, 3), "文化の日");
        days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");
        return days;
    }

    private static LocalDate monday(int year, Month month, int ordinal) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, DayOfWeek.MONDAY));
    }

    /**
     * The standard approximation for 1980–2099: floor(20.8431 + 0.242194 (y − 1980) − floor((y − 1980) / 4)), here
     * in millionths so that no floating-point rounding can move a day.
     */
    static int vernalEquinoxDay(int year) {
        return equinoxDay(20_843_100L, year);
    }

    /** As {@link #vernalEquinoxDay(int)} with 23.2488 for September. */
    static int autumnalEquinoxDay(int year) {
        return equinoxDay(23_248_800L, year);
    }

    private static int equinoxDay(long baseMillionths, int year) {
        int sinceEpoch = year - 1980;
        return (int) ((baseMillionths + 242_194L * sinceEpoch) / 1_000_000L) - sinceEpoch / 4;
    }
}

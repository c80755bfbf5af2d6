package jp.kakehashi.banking.transfer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Japanese holidays by rule and bank business days (銀行法15条, 施行令5条), without Spring. */
class BankCalendarTest {

    private final BankCalendar calendar = BankCalendar.standard();

    /** The Cabinet Office's published lists (内閣府「国民の祝日について」), substitute and citizens' holidays included. */
    static Stream<Arguments> publishedHolidays() {
        return Stream.of(
                Arguments.of(2025, List.of("01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03",
                        "05-04", "05-05", "05-06", "07-21", "08-11", "09-15", "09-23", "10-13", "11-03", "11-23",
                        "11-24")),
                Arguments.of(2026, List.of("01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04",
                        "05-05", "05-06", "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03", "11-23")),
                Arguments.of(2027, List.of("01-01", "01-11", "02-11", "02-23", "03-21", "03-22", "04-29", "05-03",
                        "05-04", "05-05", "07-19", "08-11", "09-20", "09-23", "10-11", "11-03", "11-23")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedHolidays")
    void ofWhenPublishedYearThenExactlyThePublishedHolidays(int year, List<String> monthDays) {
        List<LocalDate> expected = monthDays.stream().map(md -> LocalDate.parse(year + "-" + md)).toList();
        assertThat(JapaneseHolidays.of(year).keySet()).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            2025-02-24, 振替休日
            2025-05-06, 振替休日
            2026-05-06, 振替休日
            2026-09-22, 国民の休日
            2027-03-21, 春分の日
            2027-03-22, 振替休日
            2026-09-23, 秋分の日
            2026-10-12, スポーツの日
            """)
    void ofWhenDerivedHolidayThenNamedByItsRule(LocalDate date, String name) {
        assertThat(JapaneseHolidays.of(date.getYear())).containsEntry(date, name);
    }

    @ParameterizedTest(name = "{0}: March {1}, September {2}")
    @CsvSource(textBlock = """
            2023, 21, 23
            2024, 20, 22
            2025, 20, 23
            2026, 20, 23
            2027, 21, 23
            2028, 20, 22
            """)
    void equinoxDayWhenYearThenTheStandardFormulaDay(int year, int vernal, int autumnal) {
        assertThat(JapaneseHolidays.vernalEquinoxDay(year)).isEqualTo(vernal);
        assertThat(JapaneseHolidays.autumnalEquinoxDay(year)).isEqualTo(autumnal);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(textBlock = """
            2026-04-15, true
            2026-04-18, false
            2026-04-19, false
            2026-04-29, false
            2026-05-06, false
            2026-05-07, true
            2026-09-22, false
            2026-12-30, true
            2026-12-31, false
            2027-01-01, false
            2027-01-02, false
            2027-01-03, false
            2027-01-04, true
            2027-03-22, false
            """)
    void isBusinessDayWhenDateThenWeekendsHolidaysAndYearEndAreClosed(LocalDate date, boolean open) {
        assertThat(calendar.isBusinessDay(date)).isEqualTo(open);
    }

    @ParameterizedTest(name = "{0} → next {1}, previous {2}")
    @CsvSource(textBlock = """
            2026-04-15, 2026-04-16, 2026-04-14
            2026-04-17, 2026-04-20, 2026-04-16
            2026-05-01, 2026-05-07, 2026-04-30
            2026-05-02, 2026-05-07, 2026-05-01
            2026-09-18, 2026-09-24, 2026-09-17
            2026-12-30, 2027-01-04, 2026-12-29
            2027-01-04, 2027-01-05, 2026-12-30
            """)
    void nextAndPreviousBusinessDayWhenDateThenSkipClosedDays(LocalDate date, LocalDate next, LocalDate previous) {
        assertThat(calendar.nextBusinessDay(date)).isEqualTo(next);
        assertThat(calendar.previousBusinessDay(date)).isEqualTo(previous);
    }

    @Test
    void onOrAfterAndOnOrBeforeWhenBusinessDayThenTheDayItself() {
        LocalDate wednesday = LocalDate.of(2026, 4, 15);
        assertThat(calendar.onOrAfter(wednesday)).isEqualTo(wednesday);
        assertThat(calendar.onOrBefore(wednesday)).isEqualTo(wednesday);
    }

    @Test
    void isBusinessDayWhenExtraClosureThenClosed() {
        var closed = LocalDate.of(2026, 4, 15);
        var withClosure = new BankCalendar(Set.of(closed));
        assertThat(withClosure.isBusinessDay(closed)).isFalse();
        assertThat(withClosure.nextBusinessDay(closed.minusDays(1))).isEqualTo(LocalDate.of(2026, 4, 16));
    }

    @Test
    void ofWhenYearOutsideTheKnownRulesThenRefused() {
        assertThatThrownBy(() -> JapaneseHolidays.of(2021)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JapaneseHolidays.of(2100)).isInstanceOf(IllegalArgumentException.class);
        assertThat(JapaneseHolidays.of(2022)).isNotEmpty();
        assertThat(JapaneseHolidays.of(2099)).isNotEmpty();
    }
}

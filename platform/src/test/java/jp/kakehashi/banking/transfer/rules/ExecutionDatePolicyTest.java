package jp.kakehashi.banking.transfer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import jp.kakehashi.shared.BusinessClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Transfer dates, cut-off and holiday codes (bank business days, GMO Aozora's transferDateHolidayCode), with a fixed
 * clock and without Spring.
 */
class ExecutionDatePolicyTest {

    private static ExecutionDatePolicy policyAt(String tokyoDateTime) {
        Instant instant = LocalDateTime.parse(tokyoDateTime).atZone(BusinessClock.TOKYO).toInstant();
        // the clock runs in UTC, as the platform's does: the policy itself must work in Japan time
        return new ExecutionDatePolicy(BankCalendar.standard(), ExecutionDateSettings.defaults(),
                Clock.fixed(instant, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "at {0} asking {1} with code {2} → {3}")
    @CsvSource(nullValues = "NULL", textBlock = """
            # 2026-04-15 is a Wednesday, 04-17 a Friday, 05-03..05-06 holidays
            2026-04-15T14:59:59, NULL,       NULL, 2026-04-15
            2026-04-15T15:00,    NULL,       NULL, 2026-04-16
            2026-04-15T15:00,    2026-04-15, 1,    2026-04-16
            2026-04-15T15:00,    2026-04-15, 2,    2026-04-16
            2026-04-15T15:00,    2026-04-15, 3,    TRANSFER_DATE_CUT_OFF_PASSED
            2026-04-15T15:00,    2026-04-16, 3,    2026-04-16
            2026-04-17T16:00,    2026-04-17, 1,    2026-04-20
            2026-04-18T10:00,    NULL,       1,    2026-04-20
            2026-04-18T10:00,    NULL,       2,    TRANSFER_DATE_PREVIOUS_BUSINESS_DAY_PASSED
            2026-04-18T10:00,    NULL,       3,    TRANSFER_DATE_NOT_BUSINESS_DAY
            2026-04-17T10:00,    2026-04-18, 2,    2026-04-17
            2026-04-17T16:00,    2026-04-18, 2,    TRANSFER_DATE_PREVIOUS_BUSINESS_DAY_PASSED
            2026-04-15T10:00,    2026-05-03, 1,    2026-05-07
            2026-04-15T10:00,    2026-05-03, 2,    2026-05-01
            2026-04-15T10:00,    2026-05-03, 3,    TRANSFER_DATE_NOT_BUSINESS_DAY
            2026-04-15T10:00,    2026-05-03, '',   2026-05-07
            2026-04-15T10:00,    2026-04-14, 1,    TRANSFER_DATE_IN_PAST
            2026-04-15T10:00,    2026-05-15, 1,    2026-05-15
            2026-04-15T10:00,    2026-05-16, 1,    TRANSFER_DATE_TOO_FAR
            2026-04-15T10:00,    2026-04-20, 4,    TRANSFER_DATE_HOLIDAY_CODE_INVALID
            2026-04-15T10:00,    2026-04-20, 01,   TRANSFER_DATE_HOLIDAY_CODE_INVALID
            2026-12-30T15:30,    NULL,       NULL, 2027-01-04
            2026-12-31T09:00,    2026-12-31, 2,    TRANSFER_DATE_PREVIOUS_BUSINESS_DAY_PASSED
            """)
    void decideWhenRequestedThenScheduledOrRefused(String now, LocalDate requested, String code, String expected) {
        var decision = policyAt(now).decide(requested, code);

        if (expected.matches("\\d{4}-\\d{2}-\\d{2}")) {
            LocalDate today = LocalDateTime.parse(now).toLocalDate();
            assertThat(decision).isEqualTo(new ExecutionDatePolicy.Scheduled(requested == null ? today : requested,
                    LocalDate.parse(expected)));
        } else {
            assertThat(decision).isInstanceOfSatisfying(ExecutionDatePolicy.Refused.class,
                    refused -> assertThat(refused.violation().code()).isEqualTo(ViolationCode.valueOf(expected)));
        }
    }

    @Test
    void decideWhenUtcIsStillYesterdayThenTodayIsTheTokyoDate() {
        // 2026-04-15T23:30Z is 2026-04-16 08:30 in Tokyo
        var policy = policyAt("2026-04-16T08:30");
        assertThat(policy.decide(null, null))
                .isEqualTo(new ExecutionDatePolicy.Scheduled(LocalDate.of(2026, 4, 16), LocalDate.of(2026, 4, 16)));
        assertThat(policy.decide(LocalDate.of(2026, 4, 15), null)).isInstanceOf(ExecutionDatePolicy.Refused.class);
    }

    @Test
    void decideWhenMovedThenMovedIsTrueAndTheViolationNamesTheField() {
        var policy = policyAt("2026-04-15T15:00");
        assertThat(((ExecutionDatePolicy.Scheduled) policy.decide(null, null)).moved()).isTrue();
        var refused = (ExecutionDatePolicy.Refused) policy.decide(LocalDate.of(2026, 4, 15), "3");
        assertThat(refused.violation().field()).isEqualTo("transferDesignatedDate");
        assertThat(refused.violation().messageJa()).isEqualTo("本日の受付時限(15:00)を過ぎています");
    }

    @Test
    void decideWhenCutOffAndHorizonAreConfiguredThenTheyApply() {
        Instant instant = LocalDateTime.parse("2026-04-15T16:00").atZone(BusinessClock.TOKYO).toInstant();
        var policy = new ExecutionDatePolicy(BankCalendar.standard(),
                new ExecutionDateSettings(LocalTime.of(17, 0), 5), Clock.fixed(instant, ZoneOffset.UTC));
        assertThat(policy.decide(null, null))
                .isEqualTo(new ExecutionDatePolicy.Scheduled(LocalDate.of(2026, 4, 15), LocalDate.of(2026, 4, 15)));
        assertThat(policy.decide(LocalDate.of(2026, 4, 21), null)).isInstanceOfSatisfying(
                ExecutionDatePolicy.Refused.class, refused -> assertThat(refused.violation().messageEn())
                        .isEqualTo("The transfer date may be at most 5 days ahead"));
    }
}

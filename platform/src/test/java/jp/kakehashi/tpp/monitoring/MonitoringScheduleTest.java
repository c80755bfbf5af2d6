package jp.kakehashi.tpp.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.tpp.monitoring.CapacityCheck.State;
import org.junit.jupiter.api.Test;

/** A5, A6, E5 without a database: when reviews fall due, when requests are overdue, when capacity is missing. */
class MonitoringScheduleTest {

    private static final LocalDate START = LocalDate.of(2026, 4, 1);

    @Test
    void nextReviewDueWhenNoReviewYetThenOnePeriodAfterTheStart() {
        assertThat(MonitoringSchedule.nextReviewDue(agreement(6), Optional.empty())).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void nextReviewDueWhenReviewedThenOnePeriodAfterTheLastReview() {
        assertThat(MonitoringSchedule.nextReviewDue(agreement(3), Optional.of(LocalDate.of(2026, 9, 15))))
                .isEqualTo(LocalDate.of(2026, 12, 15));
    }

    @Test
    void nextReviewDueWhenLastReviewBeforeANewAgreementThenCountedFromTheAgreement() {
        assertThat(MonitoringSchedule.nextReviewDue(agreement(12), Optional.of(LocalDate.of(2025, 1, 10))))
                .isEqualTo(LocalDate.of(2027, 4, 1));
    }

    @Test
    void stateOnWhenFarAheadSoonOnTheDayAndAfterThenNotDueDueSoonOverdue() {
        LocalDate due = LocalDate.of(2026, 10, 1);
        assertThat(MonitoringSchedule.stateOn(due, due.minusDays(31))).isEqualTo(MonitoringSchedule.State.NOT_DUE);
        assertThat(MonitoringSchedule.stateOn(due, due.minusDays(30))).isEqualTo(MonitoringSchedule.State.DUE_SOON);
        assertThat(MonitoringSchedule.stateOn(due, due)).isEqualTo(MonitoringSchedule.State.DUE_SOON);
        assertThat(MonitoringSchedule.stateOn(due, due.plusDays(1))).isEqualTo(MonitoringSchedule.State.OVERDUE);
    }

    @Test
    void overdueOnWhenOpenPastDeadlineThenOverdueButNotWhenAnsweredOrOnTheDay() {
        LocalDate due = LocalDate.of(2026, 11, 30);
        assertThat(request(due, ImprovementRequest.Status.OPEN).overdueOn(due)).isFalse();
        assertThat(request(due, ImprovementRequest.Status.OPEN).overdueOn(due.plusDays(1))).isTrue();
        assertThat(request(due, ImprovementRequest.Status.ANSWERED).overdueOn(due.plusDays(1))).isFalse();
        assertThat(request(due, ImprovementRequest.Status.CLOSED).overdueOn(due.plusDays(1))).isFalse();
    }

    @Test
    void capacityStateWhenNothingOrOnlyEndedThenMissing() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertThat(CapacityCheck.stateOn(List.of(), today)).isEqualTo(State.MISSING);
        assertThat(CapacityCheck.stateOn(List.of(capacity(today.minusDays(1), today.minusMonths(2))), today))
                .isEqualTo(State.MISSING);
    }

    @Test
    void capacityStateWhenEndingWithinSixtyDaysThenExpiringElseValidOrRecheckDue() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertThat(CapacityCheck.stateOn(List.of(capacity(today.plusDays(59), today)), today)).isEqualTo(State.EXPIRING);
        assertThat(CapacityCheck.stateOn(List.of(capacity(today.plusDays(59), today), capacity(today.plusYears(1),
                today)), today)).isEqualTo(State.VALID);
        assertThat(CapacityCheck.stateOn(List.of(capacity(today.plusYears(1), today.minusMonths(13))), today))
                .isEqualTo(State.RECHECK_DUE);
        assertThat(CapacityCheck.coveredYen(List.of(capacity(today.plusYears(1), today),
                capacity(today.minusDays(1), today)), today)).isEqualTo(50_000_000L);
    }

    private static MonitoringAgreement agreement(int months) {
        return new MonitoringAgreement("tpp-1", "書面とヒアリング", MonitoringAgreement.Depth.STANDARD, months, null,
                "1か月前までに届出", "セキュリティ自己点検表", START, "staff", Instant.EPOCH);
    }

    private static ImprovementRequest request(LocalDate due, ImprovementRequest.Status status) {
        return new ImprovementRequest(1, "tpp-1", null, "ログ保存期間が不足", due, status, "staff", Instant.EPOCH, null,
                null, null, null);
    }

    private static CompensationCapacity capacity(LocalDate validUntil, LocalDate checkedOn) {
        return new CompensationCapacity(1, "tpp-1", CompensationCapacity.Kind.INSURANCE, "架空損保", "P-1",
                50_000_000L, validUntil, "staff", checkedOn, null);
    }
}

package jp.kakehashi.tpp.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A5, A6, E5 on PostgreSQL: an agreement's reviews fall due and are surfaced when due or overdue, a review moves the
 * next due date, improvement requests go open → answered → closed and are surfaced when overdue, and capacity
 * records are kept per TPP.
 */
class TppMonitoringTest {

    // 2026-11-26 09:00 in Tokyo
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;
    private static TppMonitoring monitoring;
    private static final java.util.List<Object> PUBLISHED = java.util.Collections.synchronizedList(
            new java.util.ArrayList<>());

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        var dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        monitoring = new TppMonitoring(jdbc, CLOCK, PUBLISHED::add);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void dueReviewsWhenAgreedPeriodPassedThenOverdueAndAReviewMovesTheNextDueDate() {
        String overdue = tpp();
        String dueSoon = tpp();
        String notDue = tpp();
        monitoring.agree(agreement(overdue, 6, LocalDate.of(2026, 5, 1)));   // due 2026-11-01
        monitoring.agree(agreement(dueSoon, 6, LocalDate.of(2026, 6, 10)));  // due 2026-12-10
        monitoring.agree(agreement(notDue, 12, LocalDate.of(2026, 6, 10)));  // due 2027-06-10

        assertThat(monitoring.dueReviews(TODAY)).filteredOn(due -> java.util.Set.of(overdue, dueSoon, notDue)
                .contains(due.tppId())).containsExactly(
                new TppMonitoring.DueReview(overdue, LocalDate.of(2026, 11, 1), MonitoringSchedule.State.OVERDUE),
                new TppMonitoring.DueReview(dueSoon, LocalDate.of(2026, 12, 10), MonitoringSchedule.State.DUE_SOON));

        var review = monitoring.recordReview(overdue, TODAY, "reviewer-1", "アクセスログの保存期間が社内規程に不足",
                MonitoringReview.Outcome.IMPROVEMENT_REQUESTED);

        assertThat(review.reviewer()).isEqualTo("reviewer-1");
        assertThat(monitoring.nextReviewDue(overdue)).contains(LocalDate.of(2027, 5, 26));
        assertThat(monitoring.dueReviews(TODAY)).extracting(TppMonitoring.DueReview::tppId).doesNotContain(overdue);
    }

    @Test
    void overdueRequestsWhenOpenPastDeadlineThenSurfacedUntilAnsweredAndClosedOnlyAfterAnAnswer() {
        String tpp = tpp();
        var review = monitoring.recordReview(tpp, TODAY.minusDays(40), "reviewer-1", "脆弱性診断が未実施",
                MonitoringReview.Outcome.IMPROVEMENT_REQUESTED);
        var late = monitoring.requestImprovement(tpp, review.id(), "脆弱性診断を実施し結果を提出", TODAY.minusDays(1),
                "reviewer-1");
        var onTime = monitoring.requestImprovement(tpp, review.id(), "手順書の改訂", TODAY.plusDays(10), "reviewer-1");
        assertThat(PUBLISHED).contains(new ImprovementRequested(late), new ImprovementRequested(onTime));

        assertThat(monitoring.overdueRequests(TODAY)).extracting(ImprovementRequest::id).contains(late.id())
                .doesNotContain(onTime.id());
        assertThat(monitoring.close(late.id(), "approver-1")).isFalse();

        assertThat(monitoring.answer(late.id(), "2026年11月に診断を実施、報告書を提出済み")).isTrue();
        assertThat(monitoring.overdueRequests(TODAY)).extracting(ImprovementRequest::id).doesNotContain(late.id());
        assertThat(monitoring.answer(late.id(), "二度目の回答")).isFalse();
        assertThat(monitoring.close(late.id(), "approver-1")).isTrue();
        assertThat(monitoring.request(late.id()).orElseThrow()).satisfies(closed -> {
            assertThat(closed.status()).isEqualTo(ImprovementRequest.Status.CLOSED);
            assertThat(closed.closedBy()).isEqualTo("approver-1");
            assertThat(closed.answer()).isEqualTo("2026年11月に診断を実施、報告書を提出済み");
        });
        assertThat(monitoring.requests(tpp)).extracting(ImprovementRequest::id).containsExactly(onTime.id(), late.id());
    }

    @Test
    void recordWhenInsuranceCheckedThenKeptAndTheTppsCapacityJudgedFromIt() {
        String tpp = tpp();
        var capacities = new CompensationCapacities(jdbc);
        assertThat(CapacityCheck.stateOn(capacities.of(tpp), TODAY)).isEqualTo(CapacityCheck.State.MISSING);

        capacities.record(tpp, CompensationCapacity.Kind.INSURANCE, "架空損害保険株式会社", "CY-2026-001", 100_000_000L,
                TODAY.plusDays(30), "operator-1", TODAY, "サイバー保険");

        assertThat(capacities.of(tpp)).singleElement().satisfies(capacity -> {
            assertThat(capacity.insurer()).isEqualTo("架空損害保険株式会社");
            assertThat(capacity.amountYen()).isEqualTo(100_000_000L);
        });
        assertThat(CapacityCheck.stateOn(capacities.of(tpp), TODAY)).isEqualTo(CapacityCheck.State.EXPIRING);
    }

    private static MonitoringAgreement agreement(String tppId, int months, LocalDate startsOn) {
        return new MonitoringAgreement(tppId, "書面・ヒアリング", MonitoringAgreement.Depth.STANDARD, months, "年1回",
                "重要な変更の1か月前までに届出", "セキュリティ自己点検表、インシデント一覧", startsOn, "operator-1", null);
    }

    private static String tpp() {
        String id = "tpp-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into tpp (id, legal_name, legal_name_en, service_name, service_name_en, representative, address,
                    contact_phone, contact_email, status, approved_scopes)
                values (?, '株式会社テスト', 'Test', 'テスト', 'Test', '代表', '東京都', '03', 'a@example.jp', 'ACTIVE', '{}')
                """).param(id).update();
        return id;
    }
}

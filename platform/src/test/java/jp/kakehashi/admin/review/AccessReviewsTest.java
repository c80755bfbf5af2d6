package jp.kakehashi.admin.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import jp.kakehashi.admin.StaffMember;
import jp.kakehashi.admin.StaffRole;
import jp.kakehashi.audit.StaffActions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The periodic access-log review (C4): counts, sign-off with rows and SHA-256, overdue months. */
class AccessReviewsTest {

    private static final StaffMember AUDITOR = new StaffMember("staff-au", "au", "監査", EnumSet.of(StaffRole.AUDITOR));
    private static final StaffMember OPERATOR = new StaffMember("staff-op", "op", "運用",
            EnumSet.of(StaffRole.OPERATOR));
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
        for (StaffMember staff : new StaffMember[] {AUDITOR, OPERATOR}) {
            jdbc.sql("insert into staff_account (id, login, display_name, password_hash, totp_secret, roles)"
                    + " values (?, ?, ?, 'x', 'x', ?)").params(staff.id(), staff.login(), staff.displayName(),
                    staff.roles().stream().map(Enum::name).toArray(String[]::new)).update();
        }
        // three entries in October (Japan time), one on 1 November 00:30 JST that belongs to November
        var october = new StaffActions(jdbc, at("2026-10-15T03:00:00Z"));
        october.record("staff-op", "tpp.suspend.requested", "tpp-a", "pending", Map.of());
        october.record("staff-op", "console.post", "/console/tpps/tpp-a/suspend", "302", Map.of());
        october.record("staff-au", "console.sign-in.password", null, "success", Map.of());
        new StaffActions(jdbc, at("2026-10-31T15:30:00Z")).record("staff-op", "console.post", "/x", "302", Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void reviewAndSignOffWhenTheMonthEndedThenCountsAndFingerprintKeptOnceAndNotOverdueAnyMore() {
        var reviews = reviews("2026-11-05T00:00:00Z");
        assertThat(reviews.previousMonth()).isEqualTo(OCTOBER);
        assertThat(reviews.overdue()).containsExactly(OCTOBER);
        MonthReview review = reviews.review(OCTOBER);
        assertThat(review.entries()).hasSize(3);
        assertThat(review.perStaff()).containsExactly(Map.entry("staff-op", 2L), Map.entry("staff-au", 1L));
        assertThat(review.perAction()).containsKeys("tpp.suspend.requested", "console.post");
        assertThat(review.brokenAt()).isEmpty();

        assertThat(reviews.signOff(OPERATOR, OCTOBER, "ok", review.fingerprint()))
                .isEqualTo(new SignOff.Refused(SignOff.Refusal.NOT_AN_AUDITOR));
        assertThat(reviews.signOff(AUDITOR, OCTOBER, " ", review.fingerprint()))
                .isEqualTo(new SignOff.Refused(SignOff.Refusal.COMMENT_MISSING));
        assertThat(reviews.signOff(AUDITOR, OCTOBER, "ok", "0".repeat(64)))
                .isEqualTo(new SignOff.Refused(SignOff.Refusal.LOG_CHANGED));
        var signed = reviews.signOff(AUDITOR, OCTOBER, "異常なし", review.fingerprint());

        assertThat(signed).isInstanceOf(SignOff.Signed.class);
        SignOff signOff = ((SignOff.Signed) signed).signOff();
        assertThat(signOff.rowsReviewed()).isEqualTo(3);
        assertThat(signOff.rowsSha256()).isEqualTo(review.fingerprint()).hasSize(64);
        assertThat(reviews.signOff(AUDITOR, OCTOBER, "again", review.fingerprint()))
                .isEqualTo(new SignOff.Refused(SignOff.Refusal.ALREADY_SIGNED));
        assertThat(reviews.overdue()).isEmpty();
        assertThatThrownBy(() -> jdbc.sql("update access_log_signoff set comment = 'changed'").update())
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void signOffWhenTheMonthHasNotEndedThenRefused() {
        var reviews = reviews("2026-11-20T00:00:00Z");
        YearMonth november = YearMonth.of(2026, 11);
        MonthReview review = reviews.review(november);

        assertThat(review.ended()).isFalse();
        // the entry of 1 November 00:30 JST is November's (the other test may have added its sign-off record)
        assertThat(review.entries()).extracting(jp.kakehashi.audit.StaffAction::target).contains("/x")
                .doesNotContain("tpp-a");
        assertThat(reviews.signOff(AUDITOR, november, "早すぎる", review.fingerprint()))
                .isEqualTo(new SignOff.Refused(SignOff.Refusal.PERIOD_NOT_ENDED));
    }

    private static AccessReviews reviews(String now) {
        Clock clock = at(now);
        return new AccessReviews(new StaffActions(jdbc, clock), jdbc, clock);
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}

package jp.kakehashi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The staff action log (C4) on embedded PostgreSQL: append-only, hash-chained, tampering found. */
class StaffActionsTest {

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;
    private StaffActions actions;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        tamper("delete from staff_action_log");
        actions = new StaffActions(jdbc, Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void recordWhenSeveralThenChainedFromGenesisAndIntact() {
        var first = actions.record("staff-operator", "tpp.suspend.requested", "tpp-x", "pending", Map.of("b", 1, "a", 2));
        var second = actions.record("staff-approver", "tpp.suspend.approved", "tpp-x", "success", Map.of());

        assertThat(first.sequenceNumber()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo("0".repeat(64));
        assertThat(first.details()).isEqualTo("{\"a\":2,\"b\":1}");
        assertThat(second.previousHash()).isEqualTo(first.recordHash());
        assertThat(actions.firstBrokenEntry()).isEmpty();
    }

    @Test
    void updateOrDeleteWhenTriggersOnThenPostgresRefuses() {
        actions.record("staff-operator", "console.post", "/console/x", "302", Map.of());

        assertThatThrownBy(() -> jdbc.sql("update staff_action_log set outcome = 'success'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from staff_action_log").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate staff_action_log").update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from staff_action_log").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void firstBrokenEntryWhenChangedWithTriggersOffThenNamesIt() {
        for (int i = 0; i < 4; i++) {
            actions.record("staff-auditor", "review.viewed", "2026-10", "success", Map.of("i", i));
        }

        tamper("update staff_action_log set staff_id = 'staff-someone-else' where sequence_number = 3");

        assertThat(actions.firstBrokenEntry()).contains(3L);
    }

    @Test
    void firstBrokenEntryWhenOneRemovedThenNamesTheGap() {
        for (int i = 0; i < 4; i++) {
            actions.record("staff-operator", "export.downloaded", "exp-" + i, "success", Map.of());
        }

        tamper("delete from staff_action_log where sequence_number = 2");

        // the place named is the first missing entry
        assertThat(actions.firstBrokenEntry()).contains(2L);
    }

    @Test
    void queryWhenFilteredByStaffAndPeriodThenOnlyThose() {
        actions.record("staff-a", "x", "t1", "success", Map.of());
        actions.record("staff-b", "x", "t2", "success", Map.of());

        var all = actions.query(StaffActionQuery.period(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z")));
        var ofA = actions.query(new StaffActionQuery(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), "staff-a", null));
        var before = actions.query(StaffActionQuery.period(Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z")));

        assertThat(all).hasSize(2);
        assertThat(ofA).extracting(StaffAction::target).containsExactly("t1");
        assertThat(before).isEmpty();
        assertThat(StaffActions.fingerprint(all)).hasSize(64).isNotEqualTo(StaffActions.fingerprint(ofA));
    }

    private static void tamper(String sql) {
        jdbc.sql("alter table staff_action_log disable trigger user").update();
        try {
            jdbc.sql(sql).update();
        }
        finally {
            jdbc.sql("alter table staff_action_log enable trigger user").update();
        }
    }
}

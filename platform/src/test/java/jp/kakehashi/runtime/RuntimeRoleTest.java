package jp.kakehashi.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import jp.kakehashi.PlatformTest;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import jp.kakehashi.audit.EvidenceProtection;
import jp.kakehashi.audit.ExecutionLogChain;
import jp.kakehashi.audit.ExecutionLogRecord;
import jp.kakehashi.audit.ExecutionLogRecords;
import jp.kakehashi.risk.RiskSignals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C1, C4: the platform connects as a runtime role that cannot rewrite its evidence. The append-only tables refuse it
 * UPDATE, DELETE and TRUNCATE by privilege (before any trigger), it cannot lift their triggers (it owns nothing), it
 * cannot create tables, and it still does everything the platform needs; Flyway ran as the owner.
 */
@PlatformTest
class RuntimeRoleTest {

    @Autowired
    JdbcClient runtime;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    EvidenceProtection protection;
    @Autowired
    ExecutionLogRecords records;
    @Autowired
    ExecutionLogChain chain;

    private static final List<String> EVIDENCE = List.of("api_execution_log", "audit_events", "staff_action_log",
            "consent_record", "audit_checkpoint", "audit_checkpoint_key", "access_log_signoff", "tpp_status_change",
            "incident_entry", "customer_warning");

    @Test
    void runtimeRoleWhenConnectedThenNotTheOwnerNorASuperuserAndTheEvidenceIsProtected() {
        assertThat(runtime.sql("select current_user").query(String.class).single())
                .isEqualTo(EmbeddedDatabaseRoles.RUNTIME);
        assertThat(runtime.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class)
                .single()).isFalse();
        assertThat(runtime.sql("select count(*) from pg_tables where tableowner = current_user").query(Long.class)
                .single()).isZero();
        assertThat(runtime.sql("select installed_by from flyway_schema_history order by installed_rank desc limit 1")
                .query(String.class).single()).isEqualTo(EmbeddedDatabaseRoles.OWNER);
        assertThat(protection.weakness()).isNull();
    }

    @Test
    void appendOnlyTablesWhenRuntimeRoleUpdatesDeletesTruncatesOrLiftsTriggersThenRefused() {
        var owner = new JdbcTemplate(postgres.getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE));
        List<String> appendOnly = RuntimeRoleGrants.appendOnlyTables(owner);
        assertThat(appendOnly).contains(EVIDENCE.stream().map(t -> "public." + t).toArray(String[]::new))
                .contains("corebanking.entry");

        for (String table : appendOnly) {
            assertThatThrownBy(() -> runtime.sql("alter table " + table + " disable trigger user").update())
                    .as(table).hasStackTraceContaining("must be owner");
            assertThatThrownBy(() -> runtime.sql("delete from " + table).update())
                    .as(table).hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> runtime.sql("truncate " + table + " cascade").update())
                    .as(table).hasStackTraceContaining("permission denied");
            String column = owner.queryForObject("""
                    select attname from pg_attribute where attrelid = cast(? as regclass) and attnum > 0
                      and not attisdropped and attidentity = '' and attname not in ('sequence_number', 'previous_hash', 'record_hash')
                    order by attnum limit 1""", String.class, table);
            assertThatThrownBy(() -> runtime.sql("update " + table + " set " + column + " = " + column).update())
                    .as(table).hasStackTraceContaining("permission denied");
        }
    }

    @Test
    void chainColumnsWhenRuntimeRoleRewritesAChainedLinkThenTheTriggerStillRefuses() {
        // the one column-level right the chainers need is there, and the trigger keeps a chained link as it is
        long id = records.append(new ExecutionLogRecord(null, Instant.now(), "C0001", "tpp-demo-fintech",
                "demo-kakeibo", "grant-1", "GET /v1/accounts", null, 200, null, 1000, new RiskSignals(UUID.randomUUID(),
                        false, null, null, null, null, "127.0.0.1", Set.of()), null));
        chain.chainPending();

        assertThatThrownBy(() -> runtime.sql("update api_execution_log set record_hash = 'x' where id = ?").param(id)
                .update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> runtime.sql("update api_execution_log set sequence_number = null where id = ?")
                .param(id).update()).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> runtime.sql("create table planted (x int)").update())
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> runtime.sql("create table corebanking.planted (x int)").update())
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void chainedTablesWhenRuntimeRoleWritesForgedLinksOrAKeyThenRefused() {
        long id = records.append(new ExecutionLogRecord(null, Instant.now(), "C0001", "tpp-demo-fintech",
                "demo-kakeibo", "grant-1", "GET /v1/accounts", null, 200, null, 1000, new RiskSignals(UUID.randomUUID(),
                        false, null, null, null, null, "127.0.0.1", Set.of()), null));
        String hash = "a".repeat(64);

        // hidden from the chain for good: a position below 1 (no walk, head or count of unchained rows sees it)
        assertThatThrownBy(() -> runtime.sql("update api_execution_log set sequence_number = -1, previous_hash = ?,"
                + " record_hash = ? where id = ?").params(hash, hash, id).update())
                .hasStackTraceContaining("api_execution_log");
        // a staff action log entry far ahead of the head, or below 1, or not after its predecessor
        for (long position : List.of(1_000_000L, -1L, 0L)) {
            assertThatThrownBy(() -> runtime.sql("""
                    insert into staff_action_log (sequence_number, occurred_at, staff_id, action, outcome, details,
                                                  previous_hash, record_hash)
                    values (?, now(), 'forger', 'x', 'success', '{}', ?, ?)""").params(position, hash, hash).update())
                    .as("position %d", position).hasStackTraceContaining("staff_action_log");
        }
        // the checkpoint key is made in the owner's run, never by the platform's role
        assertThatThrownBy(() -> runtime.sql("insert into audit_checkpoint_key (kid, jwk_encrypted, created_at)"
                + " values ('checkpoint-planted', 'x', 'infinity')").update())
                .hasStackTraceContaining("permission denied");
        chain.chainPending();
        assertThat(chain.countUnchained()).isZero();
    }

    @Test
    void ordinaryTablesWhenRuntimeRoleWritesThenAllowed() {
        // Spring Session and Spring Modulith tables, and the platform's own mutable state, stay writable
        for (String table : List.of("spring_session", "event_publication", "grants", "corebanking.account")) {
            assertThat(runtime.sql("select has_table_privilege(?, 'update') and has_table_privilege(?, 'delete')"
                    + " and not has_table_privilege(?, 'truncate')").params(table, table, table)
                    .query(Boolean.class).single()).as(table).isTrue();
        }
    }
}

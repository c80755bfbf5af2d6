package jp.kakehashi.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D5: consent records made before the rendering was kept migrate (their template version is the template they named,
 * the rendering stays empty) and join the chain; from then on the table is append-only, whoever asks, but for the
 * chain link given once.
 */
class ConsentRecordMigrationTest {

    @Test
    void migrateWhenOldRecordsExistThenKeptWithTheirTemplateAsVersionChainableOnceAndNeverChanged() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            var dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("21.2").load()
                    .migrate();
            var jdbc = JdbcClient.create(dataSource);
            jdbc.sql("""
                    insert into grants (id, customer_id, tpp_id, client_id, scopes, account_ids, status, created_at,
                                        expires_at)
                    values ('g-old', 'C0001', 'tpp-1', 'client-1', '{accounts}', '{001}', 'ACTIVE', now(),
                            now() + interval '90 days')""").update();
            jdbc.sql("""
                    insert into consent_record (id, grant_id, customer_id, language, template, shown, shown_sha256,
                                                agreed_at)
                    values ('r-old', 'g-old', 'C0001', 'ja', 'consent/v1', '{"a": 1}', 'abc', now())""").update();

            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();

            var records = new ConsentRecords(jdbc, new JdbcTemplate(dataSource));
            var old = records.unchained(10);
            assertThat(old).singleElement().satisfies(r -> {
                assertThat(r.templateVersion()).isEqualTo("consent/v1");
                assertThat(r.pageSha256()).isNull();
                assertThat(r.confirmationText()).isNull();
                assertThat(r.signInLevel()).isNull();
            });
            long entry = old.getFirst().entryNumber();
            assertThat(records.link(List.<Object[]>of(new Object[] {1L, "0".repeat(64), "h1", entry})))
                    .containsExactly(1);
            // a chained record is not linked again
            assertThat(records.link(List.<Object[]>of(new Object[] {2L, "x", "h2", entry}))).containsExactly(0);
            assertThatThrownBy(() -> jdbc.sql("update consent_record set sequence_number = 5, previous_hash = 'x',"
                    + " record_hash = 'y' where id = 'r-old'").update()).hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("update consent_record set customer_id = 'C0002'").update())
                    .hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("delete from consent_record").update())
                    .hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("truncate consent_record").update())
                    .hasStackTraceContaining("append-only");
        }
    }
}

package jp.kakehashi.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jp.kakehashi.MigratedDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * D5: consent records made before the rendering was kept migrate (their template version is the template they named,
 * the rendering stays empty) and join the chain; from then on the table is append-only, whoever asks, but for the
 * chain link given once, and only a link that joins the chain. The platform's role, as it runs, links them; its
 * other changes are refused by privilege, the owner's by the trigger.
 */
class ConsentRecordMigrationTest {

    private static final String GENESIS = "0".repeat(64);

    @Test
    void migrateWhenOldRecordsExistThenKeptWithTheirTemplateAsVersionChainableOnceAndNeverChanged() throws Exception {
        try (var database = new MigratedDatabase("21.2")) {
            var jdbc = database.jdbc();
            jdbc.sql("""
                    insert into grants (id, customer_id, tpp_id, client_id, scopes, account_ids, status, created_at,
                                        expires_at)
                    values ('g-old', 'C0001', 'tpp-1', 'client-1', '{accounts}', '{001}', 'ACTIVE', now(),
                            now() + interval '90 days')""").update();
            jdbc.sql("""
                    insert into consent_record (id, grant_id, customer_id, language, template, shown, shown_sha256,
                                                agreed_at)
                    values ('r-old', 'g-old', 'C0001', 'ja', 'consent/v1', '{"a": 1}', 'abc', now())""").update();

            database.migrate(null);

            var records = new ConsentRecords(jdbc, new JdbcTemplate(database.runtime()));
            var old = records.unchained(10);
            assertThat(old).singleElement().satisfies(r -> {
                assertThat(r.templateVersion()).isEqualTo("consent/v1");
                assertThat(r.pageSha256()).isNull();
                assertThat(r.confirmationText()).isNull();
                assertThat(r.signInLevel()).isNull();
            });
            long entry = old.getFirst().entryNumber();
            // a link that does not join the chain (not after the genesis, not a hash) is refused
            assertThatThrownBy(() -> records.link(List.<Object[]>of(new Object[] {1L, "x", "1".repeat(64), entry})))
                    .hasStackTraceContaining("append-only");
            assertThat(records.link(List.<Object[]>of(new Object[] {1L, GENESIS, "1".repeat(64), entry})))
                    .containsExactly(1);
            // a chained record is not linked again
            assertThat(records.link(List.<Object[]>of(new Object[] {2L, "1".repeat(64), "2".repeat(64), entry})))
                    .containsExactly(0);
            assertThatThrownBy(() -> jdbc.sql("update consent_record set sequence_number = 5, previous_hash = 'x',"
                    + " record_hash = 'y' where id = 'r-old'").update()).hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("update consent_record set customer_id = 'C0002'").update())
                    .hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> jdbc.sql("delete from consent_record").update())
                    .hasStackTraceContaining("permission denied");
            assertThatThrownBy(() -> jdbc.sql("truncate consent_record").update())
                    .hasStackTraceContaining("permission denied");
            var owner = JdbcClient.create(database.owner());
            assertThatThrownBy(() -> owner.sql("update consent_record set customer_id = 'C0002'").update())
                    .hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> owner.sql("delete from consent_record").update())
                    .hasStackTraceContaining("append-only");
        }
    }
}

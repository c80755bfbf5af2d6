package jp.kakehashi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** C1, C4: a platform that connects as a superuser or as the evidence tables' owner says that its evidence is exposed. */
class EvidenceProtectionTest {

    @Test
    void weaknessWhenConnectedAsSuperuserOrOwnerThenNamed() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            var superuser = JdbcClient.create(postgres.getPostgresDatabase());
            assertThat(new EvidenceProtection(superuser).weakness()).contains("superuser");

            superuser.sql("create role evidence_owner login").update();
            superuser.sql("create table api_execution_log (id int)").update();
            // evidence is what the schema says it is: a table guarded by an *_append_only trigger
            superuser.sql("create function api_execution_log_append_only() returns trigger language plpgsql as"
                    + " $$ begin raise exception 'append-only'; end $$").update();
            superuser.sql("create trigger api_execution_log_append_only before delete on api_execution_log"
                    + " for each row execute function api_execution_log_append_only()").update();
            superuser.sql("alter table api_execution_log owner to evidence_owner").update();
            var owner = JdbcClient.create(postgres.getDatabase("evidence_owner", "postgres"));
            assertThat(new EvidenceProtection(owner).weakness()).contains("evidence_owner").contains("api_execution_log");

            superuser.sql("create role evidence_reader login").update();
            var reader = JdbcClient.create(postgres.getDatabase("evidence_reader", "postgres"));
            assertThat(new EvidenceProtection(reader).weakness()).isNull();
        }
    }
}

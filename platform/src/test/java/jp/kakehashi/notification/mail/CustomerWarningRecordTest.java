package jp.kakehashi.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import jp.kakehashi.PlatformTest;
import jp.kakehashi.runtime.EmbeddedDatabaseRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** E2, C6: the record of warned customers and the incident timeline are evidence, append-only even to truncate. */
@PlatformTest
class CustomerWarningRecordTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void updateDeleteOrTruncateWhenAWarningIsRecordedThenRefusedAndTheRecordStays() {
        String incidentId = "inc-" + UUID.randomUUID();
        jdbc.sql("""
                insert into customer_warning (incident_id, customer_id, requested_by, warned_at, outcome)
                values (?, 'C0001', 'staff-a', ?, 'MAILED')
                """).params(incidentId, Timestamp.from(Instant.now())).update();

        assertThatThrownBy(() -> jdbc.sql("update customer_warning set outcome = 'NO_CONTACT' where incident_id = ?")
                .param(incidentId).update()).isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from customer_warning where incident_id = ?").param(incidentId)
                .update()).isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate customer_warning").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate incident_entry cascade").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");

        // the platform's role is refused by privilege; the owner, who could have the right, by the trigger
        var owner = JdbcClient.create(postgres.getDatabase(EmbeddedDatabaseRoles.OWNER, EmbeddedDatabaseRoles.DATABASE));
        assertThatThrownBy(() -> owner.sql("update customer_warning set outcome = 'NO_CONTACT' where incident_id = ?")
                .param(incidentId).update()).isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> owner.sql("truncate customer_warning").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");

        assertThat(jdbc.sql("select outcome from customer_warning where incident_id = ?").param(incidentId)
                .query(String.class).single()).isEqualTo("MAILED");
    }
}

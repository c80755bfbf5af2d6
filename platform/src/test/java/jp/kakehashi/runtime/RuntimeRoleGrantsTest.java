package jp.kakehashi.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kakehashi.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C1, C4: the runtime role's rights are brought to what they should be by their differences alone, in one transaction
 * under a lock: a node starting next to running ones changes nothing they hold (no moment without a right, none with
 * a right too many), and nodes starting together do not trip over each other.
 */
class RuntimeRoleGrantsTest {

    private static MigratedDatabase database;

    @BeforeAll
    static void migrate() {
        database = new MigratedDatabase();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @BeforeEach
    void rightsAsAfterAMigration() throws Exception {
        try (Connection owner = database.owner().getConnection()) {
            RuntimeRoleGrants.apply(owner, EmbeddedDatabaseRoles.RUNTIME);
        }
    }

    @Test
    void applyWhenTheRoleAlreadyHasItsRightsThenNothingIsRevokedOrGranted() throws Exception {
        try (Connection owner = database.owner().getConnection()) {
            assertThat(RuntimeRoleGrants.apply(owner, EmbeddedDatabaseRoles.RUNTIME)).isEmpty();
        }
    }

    @Test
    void applyWhenARightWasWidenedOrTakenThenOnlyThatIsChanged() throws Exception {
        var owner = JdbcClient.create(database.owner());
        owner.sql("grant update, delete on api_execution_log to " + EmbeddedDatabaseRoles.RUNTIME).update();
        owner.sql("revoke delete on grants from " + EmbeddedDatabaseRoles.RUNTIME).update();
        owner.sql("grant insert on audit_checkpoint_key to " + EmbeddedDatabaseRoles.RUNTIME).update();

        List<String> changed;
        try (Connection connection = database.owner().getConnection()) {
            changed = RuntimeRoleGrants.apply(connection, EmbeddedDatabaseRoles.RUNTIME);
        }

        assertThat(changed).containsExactlyInAnyOrder(
                "revoke DELETE, UPDATE on table public.api_execution_log from kakehashi_app",
                "grant DELETE on table public.grants to kakehashi_app",
                "revoke INSERT on table public.audit_checkpoint_key from kakehashi_app");
        assertThat(privilege("api_execution_log", "update")).isFalse();
        assertThat(privilege("grants", "delete")).isTrue();
        assertThat(privilege("audit_checkpoint_key", "insert")).isFalse();
        assertThat(privilege("audit_checkpoint_key", "select")).isTrue();
    }

    @Test
    void applyWhenTwoNodesStartTogetherThenBothSucceedAndTheRoleEndsWithExactlyItsRights() throws Exception {
        var owner = JdbcClient.create(database.owner());
        owner.sql("revoke all on all tables in schema public from " + EmbeddedDatabaseRoles.RUNTIME).update();
        var barrier = new CyclicBarrier(2);
        List<List<String>> runs = new ArrayList<>();
        try (var nodes = Executors.newFixedThreadPool(2)) {
            List<Future<List<String>>> started = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                started.add(nodes.submit(() -> {
                    try (Connection connection = database.owner().getConnection()) {
                        barrier.await();
                        return RuntimeRoleGrants.apply(connection, EmbeddedDatabaseRoles.RUNTIME);
                    }
                }));
            }
            for (var run : started) {
                runs.add(run.get());
            }
        }

        // one node brought the rights back; the other, after it, found nothing to change
        assertThat(runs).anySatisfy(run -> assertThat(run).isNotEmpty()).anySatisfy(run -> assertThat(run).isEmpty());
        try (Connection connection = database.owner().getConnection()) {
            assertThat(RuntimeRoleGrants.apply(connection, EmbeddedDatabaseRoles.RUNTIME)).isEmpty();
        }
        assertThat(privilege("grants", "update")).isTrue();
        assertThat(privilege("api_execution_log", "insert")).isTrue();
        assertThat(privilege("api_execution_log", "delete")).isFalse();
    }

    private static boolean privilege(String table, String privilege) {
        return database.jdbc().sql("select has_table_privilege(?, ?)").params(table, privilege).query(Boolean.class)
                .single();
    }
}

package jp.kakehashi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signing key shared by all nodes (C2, several stateless nodes): nodes starting at once end up with one key, it is
 * stored sealed, and a node that starts later reads the same key.
 */
class SealedSigningKeysTest {

    private static final String MASTER = Base64.getEncoder().encodeToString(new byte[32]);
    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;

    private final SealedSecrets sealing = SealedSecrets.forPurpose(MASTER, Path.of("unused"), "test-key");

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void emptyTable() {
        jdbc.sql("drop table if exists test_key").update();
        jdbc.sql("create table test_key (kid text primary key, jwk_encrypted text not null,"
                + " created_at timestamptz not null default now())").update();
    }

    @Test
    void loadOrCreateWhenAKeyExistsThenEveryLaterNodeReadsTheSameKeyStoredSealed() {
        ECKey first = SealedSigningKeys.loadOrCreate(jdbc, transactions, sealing, "test_key", 1, "test-");
        ECKey later = SealedSigningKeys.loadOrCreate(jdbc, transactions, sealing, "test_key", 1, "test-");

        assertThat(later.toJSONString()).isEqualTo(first.toJSONString());
        assertThat(first.isPrivate()).isTrue();
        assertThat(first.getKeyID()).startsWith("test-");
        String stored = jdbc.sql("select jwk_encrypted from test_key").query(String.class).single();
        assertThat(stored).doesNotContain(first.getD().toString()).doesNotContain("\"kty\"");
    }

    @RepeatedTest(5)
    void loadOrCreateWhenNodesStartAtOnceThenOneKeyIsMade() throws Exception {
        var start = new CountDownLatch(1);
        Callable<ECKey> node = () -> {
            start.await();
            return SealedSigningKeys.loadOrCreate(jdbc, transactions, sealing, "test_key", 2, "test-");
        };
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<ECKey>> keys = List.of(pool.submit(node), pool.submit(node), pool.submit(node),
                    pool.submit(node));
            start.countDown();
            String first = keys.getFirst().get().getKeyID();
            for (Future<ECKey> key : keys) {
                assertThat(key.get().getKeyID()).isEqualTo(first);
            }
        }
        assertThat(jdbc.sql("select count(*) from test_key").query(Integer.class).single()).isEqualTo(1);
    }
}

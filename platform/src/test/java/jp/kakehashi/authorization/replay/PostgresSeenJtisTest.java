package jp.kakehashi.authorization.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import jp.kakehashi.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * B7, RFC 9449 §11.1, FAPI 2.0 §5.3.2.1: a jti is accepted once per kind and scope, by whichever node is first, and
 * remembered until its JWT could no longer be accepted anyway (plus a margin for the nodes' clocks).
 */
class PostgresSeenJtisTest {

    private static final MigratedDatabase database = new MigratedDatabase();
    /** The database's clock decides expiry (seen_jti rows are deleted by now()), so the tests run at the real time. */
    private static final Instant NOW = Instant.now();

    private final PostgresSeenJtis seenJtis = new PostgresSeenJtis(database.runtime(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterAll
    static void stop() throws Exception {
        database.close();
    }

    @Test
    void firstUseWhenSameJtiAgainThenReplayButOtherScopesAndKindsAreTheirOwn() {
        Instant until = NOW.plusSeconds(60);

        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-a", "jti-1", until)).isTrue();
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-a", "jti-1", until)).as("replay").isFalse();
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-b", "jti-1", until)).as("another key's").isTrue();
        assertThat(seenJtis.firstUse(JtiKind.CLIENT_ASSERTION, "key-a", "jti-1", until)).as("another kind").isTrue();
    }

    @Test
    void firstUseWhenJtiIsLongerThanAnIndexEntryMayBeThenStillRecordedOnce() {
        String huge = "x".repeat(10_000);

        assertThat(seenJtis.firstUse(JtiKind.CLIENT_ASSERTION, "client", huge, NOW.plusSeconds(60))).isTrue();
        assertThat(seenJtis.firstUse(JtiKind.CLIENT_ASSERTION, "client", huge, NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void firstUseWhenManyNodesPresentTheSameJtiAtOnceThenExactlyOneAccepts() throws Exception {
        List<Callable<Boolean>> nodes = new ArrayList<>();
        for (int node = 0; node < 16; node++) {
            nodes.add(() -> seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-race", "same-jti", NOW.plusSeconds(60)));
        }
        int accepted = 0;
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (Future<Boolean> answer : pool.invokeAll(nodes)) {
                accepted += answer.get() ? 1 : 0;
            }
        }

        assertThat(accepted).isEqualTo(1);
    }

    @Test
    void firstUseWhenCallsArriveTogetherThenOneStatementAnswersEachAndOnlyTheFirstOfAJtiWins() throws Exception {
        var grouped = new PostgresSeenJtis(database.runtime(), Clock.fixed(NOW, ZoneOffset.UTC));
        grouped.start();
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int call = 0; call < 64; call++) {
                String jti = call % 2 == 0 ? "grouped-" + call : "grouped-twice";
                calls.add(() -> grouped.firstUse(JtiKind.DPOP_PROOF, "key-g", jti, NOW.plusSeconds(60)));
            }
            int accepted = 0;
            try (var pool = Executors.newFixedThreadPool(16)) {
                for (Future<Boolean> answer : pool.invokeAll(calls)) {
                    accepted += answer.get() ? 1 : 0;
                }
            }

            assertThat(accepted).as("32 distinct jtis, and one of the 32 uses of the same jti").isEqualTo(33);
            assertThat(grouped.firstUse(JtiKind.DPOP_PROOF, "key-g", "grouped-0", NOW.plusSeconds(60))).isFalse();
        }
        finally {
            grouped.stop();
        }
    }

    @Test
    void forgetExpiredWhenMoreThanABatchExpiredThenAllGoneInBatchesAndTheLiveOnesStay() {
        database.jdbc().sql("insert into seen_jti (kind, jti, expires_at) select 'dpop', 'old-' || n, "
                + "now() - interval '1 second' from generate_series(1, ?) n").params(SeenJtiRows.DELETE_BATCH + 7)
                .update();
        // within the clock margin: its JWT is over, but a node whose clock is behind could still accept it
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-c", "recent", NOW.minusSeconds(10))).isTrue();

        int deleted = seenJtis.forgetExpired();

        assertThat(deleted).isEqualTo(SeenJtiRows.DELETE_BATCH + 7);
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-c", "recent", NOW.minusSeconds(10)))
                .as("kept for the clock margin, still a replay").isFalse();
    }

    /**
     * B7: expiry is the database's clock, the same for every node. A node whose clock runs an hour ahead deletes
     * nothing another node still needs (before, it deleted by its own clock and a replay passed), and one whose clock
     * is an hour behind still deletes what expired.
     */
    @Test
    void forgetExpiredWhenANodesClockIsOffThenTheDatabaseClockDecides() {
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-clock", "live", NOW.plusSeconds(30))).isTrue();
        database.jdbc().sql("insert into seen_jti (kind, jti, expires_at) values ('dpop', 'expired-by-db', "
                + "now() - interval '1 second')").update();

        var ahead = new PostgresSeenJtis(database.runtime(), Clock.fixed(NOW.plus(Duration.ofHours(1)),
                ZoneOffset.UTC));
        var behind = new PostgresSeenJtis(database.runtime(), Clock.fixed(NOW.minus(Duration.ofHours(1)),
                ZoneOffset.UTC));
        ahead.forgetExpired();
        behind.forgetExpired();

        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-clock", "live", NOW.plusSeconds(30)))
                .as("still remembered: a replay").isFalse();
        assertThat(database.jdbc().sql("select count(*) from seen_jti where jti = 'expired-by-db'").query(Long.class)
                .single()).isZero();
    }

    /**
     * B7, F4: a JWT valid until a time no endpoint accepts (an iat of ±10^13 s, beyond PostgreSQL's timestamps) is
     * refused without a row, and fails nobody else's check.
     */
    @Test
    void firstUseWhenKeepUntilIsFarOutsideAnyJwtsLifeThenRefusedAndNothingStored() {
        long before = rows();

        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-far", "future",
                Instant.ofEpochSecond(10_000_000_000_000L))).isFalse();
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-far", "past",
                Instant.ofEpochSecond(-10_000_000_000_000L))).isFalse();
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-far", "later", NOW.plus(Duration.ofHours(2))))
                .as("past the longest lifetime").isFalse();
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-far", "ended", NOW.minus(Duration.ofMinutes(5))))
                .as("ended long ago").isFalse();

        assertThat(rows()).isEqualTo(before);
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-far", "normal", NOW.plusSeconds(30))).isTrue();
    }

    /** F4: a batch that fails on one row's data is inserted row by row: only that row's caller gets the error. */
    @Test
    void insertWhenOneRowOfABatchCannotBeStoredThenTheOthersAreAnswered() {
        var good = new SeenJtiRows.Row("dpop", "batch-good-1", NOW.plusSeconds(60));
        var bad = new SeenJtiRows.Row("dpop", "batch-bad", Instant.ofEpochSecond(10_000_000_000_000L));
        var other = new SeenJtiRows.Row("dpop", "batch-good-2", NOW.plusSeconds(60));

        var answers = seenJtis.insertTogether(List.of(good, bad, other));

        assertThat(answers.get(0)).isCompletedWithValue(true);
        assertThat(answers.get(1)).isCompletedExceptionally();
        assertThat(answers.get(2)).isCompletedWithValue(true);
        assertThat(seenJtis.problem()).as("the database answered: ready").isNull();
    }

    /**
     * B7, F4: a statement that waits on a lock is cancelled by its statement timeout, so the caller gets an error in
     * seconds instead of the node's calls hanging, and readiness is DOWN until a statement succeeds again.
     */
    @Test
    void firstUseWhenTheRowIsLockedThenFailsWithinTheStatementTimeoutAndReadinessIsDownUntilASuccess()
            throws Exception {
        var writer = new PostgresSeenJtis(database.runtime(), Clock.fixed(NOW, ZoneOffset.UTC));
        writer.start();
        try (Connection locker = database.runtime().getConnection()) {
            locker.setAutoCommit(false);
            try (var lock = locker.prepareStatement(
                    "insert into seen_jti (kind, jti, expires_at) values ('dpop', ?, now() + interval '1 minute')")) {
                lock.setString(1, SeenJtis.digest("key-lock\nlocked"));
                lock.executeUpdate();
            }
            long started = System.nanoTime();
            assertThatThrownBy(() -> writer.firstUse(JtiKind.DPOP_PROOF, "key-lock", "locked", NOW.plusSeconds(30)))
                    .isInstanceOf(RuntimeException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(SeenJtiRows.NETWORK_TIMEOUT);
            assertThat(writer.problem()).startsWith("the last statement failed");
            locker.rollback();
        }
        finally {
            assertThat(writer.firstUse(JtiKind.DPOP_PROOF, "key-lock", "free", NOW.plusSeconds(30))).isTrue();
            assertThat(writer.problem()).isNull();
            writer.stop();
        }
    }

    /**
     * F4: when a statement never returns (a connection that cannot be had, a driver that does not time out), the
     * watchdog fails its batch at once and a new writer serves the next calls.
     */
    @Test
    void watchWhenABatchNeverReturnsThenItsCallerFailsAndANewWriterServes() throws Exception {
        var release = new CountDownLatch(1);
        var firstConnection = new AtomicBoolean(true);
        DataSource hanging = (DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection") && firstConnection.getAndSet(false)) {
                        release.await();
                    }
                    return method.invoke(database.runtime(), arguments);
                });
        var writer = new PostgresSeenJtis(hanging, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(100));
        writer.start();
        try (var pool = Executors.newSingleThreadExecutor()) {
            Future<Boolean> stuck = pool.submit(() -> writer.firstUse(JtiKind.DPOP_PROOF, "key-w", "stuck",
                    NOW.plusSeconds(30)));
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                writer.watch();
                return writer.replacedWriters() == 1;
            });

            assertThatThrownBy(stuck::get).hasRootCauseInstanceOf(IllegalStateException.class);
            assertThat(writer.firstUse(JtiKind.DPOP_PROOF, "key-w", "next", NOW.plusSeconds(30))).isTrue();
            assertThat(writer.problem()).isNull();
        }
        finally {
            release.countDown();
            writer.stop();
        }
    }

    private static long rows() {
        return database.jdbc().sql("select count(*) from seen_jti").query(Long.class).single();
    }
}

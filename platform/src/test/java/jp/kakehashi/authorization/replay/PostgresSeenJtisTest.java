package jp.kakehashi.authorization.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.kakehashi.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * B7, RFC 9449 §11.1, FAPI 2.0 §5.3.2.1: a jti is accepted once per kind and scope, by whichever node is first, and
 * remembered until its JWT could no longer be accepted anyway (plus a margin for the nodes' clocks).
 */
class PostgresSeenJtisTest {

    private static final MigratedDatabase database = new MigratedDatabase();
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    private final PostgresSeenJtis seenJtis = new PostgresSeenJtis(database.jdbc(),
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
        var grouped = new PostgresSeenJtis(database.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
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
        database.jdbc().sql("insert into seen_jti (kind, jti, expires_at) select 'dpop', 'old-' || n, ? "
                + "from generate_series(1, ?) n").params(java.sql.Timestamp.from(NOW.minusSeconds(1)),
                        SeenJtiRows.DELETE_BATCH + 7).update();
        // within the clock margin: its JWT is over, but a node whose clock is behind could still accept it
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-c", "recent", NOW.minusSeconds(10))).isTrue();

        int deleted = seenJtis.forgetExpired();

        assertThat(deleted).isEqualTo(SeenJtiRows.DELETE_BATCH + 7);
        assertThat(seenJtis.firstUse(JtiKind.DPOP_PROOF, "key-c", "recent", NOW.minusSeconds(10)))
                .as("kept for the clock margin, still a replay").isFalse();
        Duration margin = PostgresSeenJtis.CLOCK_MARGIN;
        var later = new PostgresSeenJtis(database.jdbc(), Clock.fixed(NOW.plus(margin), ZoneOffset.UTC));
        assertThat(later.forgetExpired())
                .as("gone once the margin passed").isGreaterThanOrEqualTo(1);
    }
}

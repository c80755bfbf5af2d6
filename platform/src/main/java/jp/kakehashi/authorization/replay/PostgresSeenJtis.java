package jp.kakehashi.authorization.replay;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@link SeenJtis} in PostgreSQL ({@code seen_jti}). A use is one {@code INSERT … ON CONFLICT DO NOTHING}: one round
 * trip, no read first, and the primary key decides atomically, so two nodes racing with the same JWT cannot both
 * accept it. What is stored is a SHA-256 of the scope (the client id, or the DPoP key's thumbprint) and the jti: 43
 * characters whatever a client sends, so an over-long jti cannot exceed PostgreSQL's index entry limit, and one
 * client's jtis never collide with another's.
 * <p>
 * Rows are kept {@link #CLOCK_MARGIN} past the end of the JWT's validity, so nodes whose clocks differ by that much
 * still share them. Expired rows are deleted every {@link #CLEANUP_INTERVAL_MS} ms in batches of {@link #BATCH},
 * through the index on {@code expires_at} and with {@code SKIP LOCKED}, so every node can take part without waiting
 * for another and no statement runs long whatever the volume (at 5,000 calls a second a pass deletes 50,000 rows).
 * Time partitions were weighed and not taken: dropping a partition is cheaper than deleting, but it needs the right
 * to create and drop tables at run time, which a bank's application role should not have, and a primary key that
 * includes the partition's time.
 */
@Component
class PostgresSeenJtis implements SeenJtis {

    static final Duration CLOCK_MARGIN = Duration.ofSeconds(30);
    static final int BATCH = 5_000;
    static final int MAX_BATCHES_PER_PASS = 50;
    static final long CLEANUP_INTERVAL_MS = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;

    PostgresSeenJtis(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(JtiKind kind, String scope, String jti, Instant keepUntil) {
        return jdbc.sql("insert into seen_jti (kind, jti, expires_at) values (?, ?, ?) on conflict do nothing")
                .params(kind.stored(), SeenJtis.digest(scope + "\n" + jti),
                        Timestamp.from(keepUntil.plus(CLOCK_MARGIN)))
                .update() == 1;
    }

    /** Deletes the expired rows in bounded batches; the number deleted. */
    @Scheduled(fixedDelay = CLEANUP_INTERVAL_MS, initialDelay = CLEANUP_INTERVAL_MS)
    public int forgetExpired() {
        Timestamp now = Timestamp.from(clock.instant());
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_PASS; batch++) {
            int deleted = jdbc.sql("""
                    delete from seen_jti where ctid = any (array(
                        select ctid from seen_jti where expires_at < ? limit ? for update skip locked))
                    """).params(now, BATCH).update();
            total += deleted;
            if (deleted < BATCH) {
                break;
            }
        }
        return total;
    }
}

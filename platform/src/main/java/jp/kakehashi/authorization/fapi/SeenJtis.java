package jp.kakehashi.authorization.fapi;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One-time identifiers already seen (client assertion and DPoP proof {@code jti}s), shared by all nodes through
 * PostgreSQL so a replay to another node behind the load balancer is caught too (FAPI 2.0 §5.3.2.1, RFC 9449 §11.1).
 */
@Component
class SeenJtis {

    private final JdbcClient jdbc;
    private final Clock clock;

    SeenJtis(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the jti; false if it was seen before (a replay). */
    boolean firstUse(String kind, String jti, Instant keepUntil) {
        return jdbc.sql("insert into seen_jti (kind, jti, expires_at) values (?, ?, ?) on conflict do nothing")
                .params(kind, jti, Timestamp.from(keepUntil)).update() == 1;
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void forgetExpired() {
        jdbc.sql("delete from seen_jti where expires_at < ?").param(Timestamp.from(clock.instant())).update();
    }
}

package jp.kakehashi.authorization.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what can no longer be used: pushed requests and consent screens abandoned for an hour, and authorizations
 * whose every token expired a day ago. Grants and consent records stay (D5); only dead token hashes go. Safe to run
 * on every node at once: each statement is idempotent.
 */
@Component
class StoreHousekeeping {

    private static final Duration ABANDONED = Duration.ofHours(1);
    private static final Duration EXPIRED = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    StoreHousekeeping(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 900_000, initialDelay = 300_000)
    int removeDeadAuthorizations() {
        var now = clock.instant();
        int abandoned = jdbc.sql("""
                delete from oauth_authorization a where a.updated_at < ?
                   and not exists (select 1 from oauth_token t where t.authorization_id = a.id and t.token_kind <> 'state')
                """).param(Timestamp.from(now.minus(ABANDONED))).update();
        int expired = jdbc.sql("""
                delete from oauth_authorization a
                 where exists (select 1 from oauth_token t where t.authorization_id = a.id and t.token_kind <> 'state')
                   and not exists (select 1 from oauth_token t where t.authorization_id = a.id
                                     and (t.expires_at is null or t.expires_at > ?))
                """).param(Timestamp.from(now.minus(EXPIRED))).update();
        return abandoned + expired;
    }
}

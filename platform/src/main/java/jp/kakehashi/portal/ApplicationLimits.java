package jp.kakehashi.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many applications the open form takes per hour from one client address and for one account (A1): each starts
 * screening work and, for an existing account, a password check, so neither may be repeated without end. Counted in
 * PostgreSQL, so the limit holds across nodes. Not a bean: {@link ApplicationIntake} holds it.
 */
final class ApplicationLimits {

    static final Duration WINDOW = Duration.ofHours(1);

    /**
     * {@code kakehashi.portal.applications.*}.
     *
     * @param perAddress applications per hour from one client IP address
     * @param perAccount applications per hour for one mail address
     */
    @ConfigurationProperties("kakehashi.portal.applications")
    record Settings(@DefaultValue("20") int perAddress, @DefaultValue("5") int perAccount) {
    }

    private final JdbcClient jdbc;
    private final Settings settings;
    private final Clock clock;

    ApplicationLimits(JdbcClient jdbc, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts this attempt and says whether it is within both limits. Refused attempts count too: a client that keeps
     * trying stays refused until it pauses.
     */
    boolean allow(String clientAddress, String email) {
        Instant now = clock.instant();
        jdbc.sql("delete from portal_application_attempt where attempted_at < ?")
                .param(Timestamp.from(now.minus(WINDOW))).update();
        boolean address = clientAddress == null || count("ip:" + clientAddress, now) <= settings.perAddress();
        return count("account:" + PortalAccounts.normalised(email), now) <= settings.perAccount() && address;
    }

    private int count(String client, Instant now) {
        jdbc.sql("insert into portal_application_attempt (client, attempted_at) values (?, ?)")
                .params(client, Timestamp.from(now)).update();
        return jdbc.sql("select count(*) from portal_application_attempt where client = ? and attempted_at >= ?")
                .params(client, Timestamp.from(now.minus(WINDOW))).query(Integer.class).single();
    }
}

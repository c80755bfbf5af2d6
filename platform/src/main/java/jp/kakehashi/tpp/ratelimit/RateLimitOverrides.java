package jp.kakehashi.tpp.ratelimit;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits set per TPP at run time ({@code rate_limit_override}), e.g. to throttle an app that misbehaves: stored, so
 * every node applies them, and kept across restarts until removed.
 */
@Component
class RateLimitOverrides {

    private final JdbcClient jdbc;

    RateLimitOverrides(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a TPP's limit; an id that names no TPP is refused (the row would throttle nobody). */
    void set(String tppId, RateLimit limit) {
        try {
            store(tppId, limit);
        }
        catch (DataIntegrityViolationException unknownTpp) {
            throw new IllegalArgumentException("no TPP has the id " + tppId, unknownTpp);
        }
    }

    private void store(String tppId, RateLimit limit) {
        jdbc.sql("""
                insert into rate_limit_override (tpp_id, per_second, burst, set_at) values (?, ?, ?, now())
                on conflict (tpp_id) do update set per_second = excluded.per_second, burst = excluded.burst,
                       set_at = excluded.set_at
                """).params(tppId, limit.perSecond(), limit.burst()).update();
    }

    void remove(String tppId) {
        jdbc.sql("delete from rate_limit_override where tpp_id = ?").param(tppId).update();
    }

    Map<String, RateLimit> all() {
        return jdbc.sql("select tpp_id, per_second, burst from rate_limit_override")
                .query((rs, row) -> Map.entry(rs.getString(1), new RateLimit(rs.getDouble(2), rs.getInt(3))))
                .list().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}

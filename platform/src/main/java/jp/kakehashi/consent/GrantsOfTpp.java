package jp.kakehashi.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The grants a TPP holds now, across customers (C4 controlled export, C6 affected customers): for the bank's staff,
 * never for the TPP. Its own small class so the grant store's customer-facing reads stay as they are.
 */
@Service
public class GrantsOfTpp {

    private final JdbcClient jdbc;
    private final Clock clock;

    GrantsOfTpp(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The TPP's grants that still authorise something, by customer then creation. */
    public List<Grant> activeOf(String tppId) {
        return jdbc.sql("""
                select * from grants where tpp_id = ? and status = 'ACTIVE' and expires_at > ?
                order by customer_id, created_at""").params(tppId, Timestamp.from(clock.instant()))
                .query(GrantsOfTpp::grant).list();
    }

    /** How many there are, without reading them. */
    public long countActiveOf(String tppId) {
        return jdbc.sql("select count(*) from grants where tpp_id = ? and status = 'ACTIVE' and expires_at > ?")
                .params(tppId, Timestamp.from(clock.instant())).query(Long.class).single();
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        return new Grant(rs.getString("id"), rs.getString("customer_id"), rs.getString("tpp_id"),
                rs.getString("client_id"), Set.of((String[]) rs.getArray("scopes").getArray()),
                Arrays.asList((String[]) rs.getArray("account_ids").getArray()),
                GrantStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}

package jp.kakehashi.consent;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import jp.kakehashi.shared.TppId;
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
    public List<Grant> activeOf(TppId tppId) {
        return jdbc.sql("""
                select * from grants where tpp_id = ? and status = 'ACTIVE' and expires_at > ?
                order by customer_id, created_at""").params(tppId.value(), Timestamp.from(clock.instant()))
                .query(Grants::grant).list();
    }

    /** How many there are, without reading them. */
    public long countActiveOf(TppId tppId) {
        return jdbc.sql("select count(*) from grants where tpp_id = ? and status = 'ACTIVE' and expires_at > ?")
                .params(tppId.value(), Timestamp.from(clock.instant())).query(Long.class).single();
    }
}

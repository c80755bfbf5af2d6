package jp.kakehashi.portal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The portal's accounts and which TPPs each may act for; other areas ask here before acting for a TPP. */
@Repository
public class PortalAccounts {

    private final JdbcClient jdbc;

    PortalAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PortalAccount> find(String email) {
        return jdbc.sql("select * from portal_account where email = ?").param(normalised(email))
                .query(PortalAccounts::account).optional();
    }

    /** Whether the signed-in account may act for this TPP (it applied for it). */
    public boolean owns(String email, String tppId) {
        return find(email).map(account -> account.tppIds().contains(tppId)).orElse(false);
    }

    public List<String> tppIdsOf(String email) {
        return find(email).map(PortalAccount::tppIds).orElse(List.of());
    }

    /** Opens an account; false when the address has one already (nothing is changed then). */
    @Transactional
    boolean open(String email, String passwordHash, Instant now) {
        return jdbc.sql("""
                insert into portal_account (email, password_hash, tpp_ids, created_at) values (?, ?, '{}', ?)
                on conflict (email) do nothing
                """).params(normalised(email), passwordHash, Timestamp.from(now)).update() == 1;
    }

    /** Records that the account applied for another TPP. */
    @Transactional
    void addTpp(String email, String tppId) {
        jdbc.sql("update portal_account set tpp_ids = array_append(tpp_ids, ?) where email = ?")
                .params(tppId, normalised(email)).update();
    }

    /** Mail addresses are compared without case, as people type them. */
    static String normalised(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static PortalAccount account(ResultSet rs, int row) throws SQLException {
        Array ids = rs.getArray("tpp_ids");
        return new PortalAccount(rs.getString("email"), rs.getString("password_hash"),
                ids == null ? List.of() : Arrays.asList((String[]) ids.getArray()),
                rs.getTimestamp("created_at").toInstant());
    }
}

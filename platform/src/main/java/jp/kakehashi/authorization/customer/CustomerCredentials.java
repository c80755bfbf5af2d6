package jp.kakehashi.authorization.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import jp.kakehashi.shared.Totp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers' sign-in credentials and lockout counters; TOTP seeds are kept sealed ({@link CustomerTotpSeeds}). */
@Repository
public class CustomerCredentials {

    private final JdbcClient jdbc;
    private final CustomerTotpSeeds seeds;

    CustomerCredentials(JdbcClient jdbc, CustomerTotpSeeds seeds) {
        this.jdbc = jdbc;
        this.seeds = seeds;
    }

    public Optional<CustomerCredential> byLoginId(String loginId) {
        return jdbc.sql("select * from customer_credential where login_id = ?").param(loginId)
                .query(CustomerCredentials::credential).optional();
    }

    public Optional<CustomerCredential> byCustomerId(String customerId) {
        return jdbc.sql("select * from customer_credential where customer_id = ?").param(customerId)
                .query(CustomerCredentials::credential).optional();
    }

    /** Counts a failure atomically; the {@code threshold}-th consecutive one locks the account for {@code lock}. */
    public void recordFailure(String customerId, int threshold, Duration lock, Instant now) {
        jdbc.sql("""
                update customer_credential
                   set failed_attempts = failed_attempts + 1,
                       locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                 where customer_id = ?
                """).params(threshold, Timestamp.from(now.plus(lock)), customerId).update();
    }

    /**
     * Counts a refused password for {@code loginId} atomically, only if the account exists and is not locked now; run
     * for every refused sign-in, so an unknown or locked login costs the same statement (touching no row).
     */
    public void recordPasswordFailure(String loginId, int threshold, Duration lock, Instant now) {
        jdbc.sql("""
                update customer_credential
                   set failed_attempts = failed_attempts + 1,
                       locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                 where login_id = ? and not coalesce(locked_until > ?, false)
                """).params(threshold, Timestamp.from(now.plus(lock)), loginId, Timestamp.from(now)).update();
    }

    public void recordSuccess(String customerId) {
        jdbc.sql("update customer_credential set failed_attempts = 0, locked_until = null where customer_id = ?")
                .param(customerId).update();
    }

    /**
     * The TOTP time step {@code code} matches for the customer now, or -1 when it matches none or the customer has no
     * second factor.
     *
     * @throws UnusableTotpSeed when the customer's seed does not open (never used then, see
     *                          {@link CustomerTotpSeeds}): a server error, not a wrong code
     */
    public long matchingTotpStep(String customerId, String code, Instant now) {
        return jdbc.sql("select totp_seed_sealed from customer_credential where customer_id = ?").param(customerId)
                .query((rs, row) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(sealed -> sealed)
                .map(sealed -> seeds.open(customerId, sealed))
                .map(seed -> Totp.matchingStep(seed, code, now)).orElse(-1L);
    }

    /**
     * C2: binds the seeds sealed before seeds were bound to their customer (the values without
     * {@link CustomerTotpSeeds#BOUND}) to their rows, each row conditionally, so nodes starting together neither
     * bind twice nor lose a seed; the number bound. Run at every start ({@link SeedBinding}).
     */
    int bindUnboundSeeds() {
        int bound = 0;
        for (var row : jdbc.sql("select customer_id, totp_seed_sealed from customer_credential"
                + " where totp_seed_sealed is not null and totp_seed_sealed not like ?").param(
                        CustomerTotpSeeds.BOUND + "%")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getString(2))).list()) {
            String sealed = seeds.bound(row.getKey(), row.getValue());
            if (sealed != null) {
                bound += jdbc.sql("update customer_credential set totp_seed_sealed = ? where customer_id = ?"
                        + " and totp_seed_sealed = ?").params(sealed, row.getKey(), row.getValue()).update();
            }
        }
        return bound;
    }

    /** Uses up a TOTP time step so the same code cannot be replayed; false if it (or a later one) was used. */
    public boolean claimTotpStep(String customerId, long step) {
        return jdbc.sql("""
                update customer_credential set totp_last_step = ?
                 where customer_id = ? and (totp_last_step is null or totp_last_step < ?)
                """).params(step, customerId, step).update() == 1;
    }

    /**
     * Creates or replaces a customer's credentials (demo data, tests, and later the bank's customer feed); the TOTP
     * seed (base32, or null for none) is stored sealed.
     */
    public void upsert(String customerId, String loginId, String displayName, String segment, String passwordHash,
            String totpSecret) {
        jdbc.sql("""
                insert into customer_credential (customer_id, login_id, display_name, segment, password_hash,
                                                 totp_seed_sealed)
                values (?, ?, ?, ?, ?, ?)
                on conflict (customer_id) do update set login_id = excluded.login_id,
                       display_name = excluded.display_name, segment = excluded.segment,
                       password_hash = excluded.password_hash, totp_seed_sealed = excluded.totp_seed_sealed,
                       failed_attempts = 0, locked_until = null
                """).params(customerId, loginId, displayName, segment, passwordHash,
                        totpSecret == null ? null : seeds.seal(customerId, totpSecret)).update();
    }

    private static CustomerCredential credential(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new CustomerCredential(rs.getString("customer_id"), rs.getString("login_id"),
                rs.getString("display_name"), rs.getString("segment"), rs.getString("password_hash"),
                rs.getString("totp_seed_sealed") != null, rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant());
    }
}

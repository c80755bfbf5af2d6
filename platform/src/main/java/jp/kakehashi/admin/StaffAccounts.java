package jp.kakehashi.admin;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.nio.file.Path;
import jp.kakehashi.shared.SealedSecrets;
import jp.kakehashi.shared.Totp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The bank's staff accounts (C4): password hash (the application's {@link PasswordEncoder}), TOTP secret sealed with
 * the master key (C2: whoever reads the table must not be able to make codes), roles and lockout after repeated
 * failures of either factor.
 */
@Service
public class StaffAccounts {

    /** The mark of a seed sealed bound to its account; older sealed seeds are bound at start. */
    static final String BOUND = "b1:";
    /** Failures of password or one-time password in a row that lock the account for {@link #LOCKOUT}. */
    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SealedSecrets seeds;
    /** A hash of a password nobody has, made with the application's encoder (so it costs what real ones do). */
    private final String unknownLoginHash;

    @Autowired
    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock,
            @Value("${kakehashi.secrets.master-key:}") String masterKey,
            @Value("${kakehashi.secrets.master-key-file:data/secrets/master.key}") Path masterKeyFile) {
        this(jdbc, passwords, clock, SealedSecrets.forPurpose(masterKey, masterKeyFile, "staff-totp-secret"));
        sealPlaintextSeeds();
    }

    StaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, SealedSecrets seeds) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.seeds = seeds;
        this.unknownLoginHash = passwords.encode("no staff member has this password");
    }

    /**
     * At start: seals the seeds stored in plaintext (before V16_6, or put in by hand as the README's production notes
     * allow) and binds the seeds sealed before seeds were bound to their account (C2: the staff id is the AES-GCM
     * associated data, so a seed copied into another account's row opens nowhere); each row conditionally, so nodes
     * starting together neither seal twice nor lose a seed. Only here: at sign-in a seed that is not sealed and bound
     * is refused.
     */
    void sealPlaintextSeeds() {
        jdbc.sql("select id, totp_secret, totp_sealed from staff_account where not totp_sealed or totp_secret not like ?")
                .param(BOUND + "%")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2), rs.getBoolean(3) ? "sealed" : null})
                .list().forEach(row -> {
                    String plaintext;
                    if (row[2] == null) {
                        log.warn("The TOTP seed of staff account {} was stored in plaintext; it is sealed now (C2).",
                                row[0]);
                        plaintext = row[1];
                    }
                    else {
                        try {
                            plaintext = seeds.open(row[1]);
                        }
                        catch (IllegalStateException notSealedHere) {
                            log.error("The TOTP seed of staff account {} does not open under this master key; it is "
                                    + "left as it is and never used.", row[0]);
                            return;
                        }
                    }
                    jdbc.sql("""
                            update staff_account set totp_secret = ?, totp_sealed = true
                            where id = ? and totp_sealed = ? and totp_secret = ?""")
                            .params(sealed(row[0], plaintext), row[0], row[2] != null, row[1]).update();
                });
    }

    private String sealed(String staffId, String seed) {
        return BOUND + seeds.seal(seed, binding(staffId));
    }

    /** The seed of the account if it is sealed and bound to it; else null, logged (C2): never used then. */
    private String opened(String staffId, String stored, boolean sealed) {
        if (!sealed || stored == null || !stored.startsWith(BOUND)) {
            log.error("The TOTP seed of staff account {} is not sealed for that account (put in by hand since the last"
                    + " start?); it is not used. Restart a node to seal it, or provision it again.", staffId);
            return null;
        }
        try {
            return seeds.open(stored.substring(BOUND.length()), binding(staffId));
        }
        catch (IllegalStateException notSealedHere) {
            log.error("The TOTP seed of staff account {} does not open for that account under this master key "
                    + "(altered, copied from another account or sealed under another key); it is not used.", staffId);
            return null;
        }
    }

    private static String binding(String staffId) {
        return "staff_account:" + staffId;
    }

    /** Creates the account unless its login exists (then nothing changes); returns the staff member. */
    public StaffMember ensure(String login, String displayName, String rawPassword, String totpSecret,
            Set<StaffRole> roles) {
        jdbc.sql("""
                insert into staff_account (id, login, display_name, password_hash, totp_secret, totp_sealed, roles)
                values (?, ?, ?, ?, ?, true, ?) on conflict (login) do nothing""")
                .params("staff-" + login, login, displayName, passwords.encode(rawPassword), sealed("staff-" + login,
                        totpSecret),
                        roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .update();
        return findByLogin(login).orElseThrow();
    }

    /**
     * The member as the bank has them now, if their account is still active: sessions and the maker-checker queue ask
     * here rather than trust the roles copied at sign-in, so deactivating an account or taking a role away takes effect
     * on the next request.
     */
    public Optional<StaffMember> findActive(String staffId) {
        return jdbc.sql("select * from staff_account where id = ? and active").param(staffId)
                .query(StaffAccounts::member).optional();
    }

    public Optional<StaffMember> findByLogin(String login) {
        return jdbc.sql("select * from staff_account where login = ?").param(login).query(StaffAccounts::member)
                .optional();
    }

    /** Display names by staff id, for screens that show who did what; unknown ids show as themselves. */
    public Map<String, String> displayNames() {
        return jdbc.sql("select id, display_name from staff_account").query((rs, row) -> Map.entry(rs.getString(1),
                rs.getString(2))).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The first factor: the member if the password matches an active, unlocked account. */
    Optional<StaffMember> checkPassword(String login, String rawPassword) {
        var account = jdbc.sql("select * from staff_account where login = ?").param(login)
                .query((rs, row) -> new Object[] {member(rs, row), rs.getString("password_hash"),
                        rs.getBoolean("active"), rs.getTimestamp("locked_until")})
                .optional();
        // exactly one password hash for every attempt (unknown, inactive, locked or wrong), so timing tells nothing
        boolean matches = passwords.matches(rawPassword,
                account.map(row -> (String) row[1]).orElse(unknownLoginHash));
        boolean usable = account.map(row -> (Boolean) row[2] && !locked((Timestamp) row[3])).orElse(false);
        if (!usable || !matches) {
            // one UPDATE on every refused path (unknown, inactive, locked or wrong), counting a failure only for an
            // active, unlocked account: the database's work does not tell the cases apart either
            jdbc.sql("""
                    update staff_account set failed_attempts = failed_attempts + 1,
                           locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                    where login = ? and active and not coalesce(locked_until > ?, false)""")
                    .params(MAX_FAILURES, Timestamp.from(clock.instant().plus(LOCKOUT)), login,
                            Timestamp.from(clock.instant())).update();
            return Optional.empty();
        }
        return Optional.of((StaffMember) account.get()[0]);
    }

    /** Whether the login exists and is locked now (to tell the person so after a refused sign-in). */
    boolean isLocked(String login) {
        return jdbc.sql("select locked_until from staff_account where login = ?").param(login)
                .query((rs, row) -> locked(rs.getTimestamp(1))).optional().orElse(false);
    }

    /**
     * The second factor: true if the code is valid now and newer than the last accepted one (a code is used once).
     * Success resets the failure count; a wrong code counts towards the lockout.
     */
    boolean checkSecondFactor(String staffId, String code) {
        var account = jdbc.sql("select totp_secret, totp_sealed, locked_until from staff_account where id = ? and active")
                .param(staffId).query((rs, row) -> new Object[] {opened(staffId, rs.getString(1), rs.getBoolean(2)),
                        rs.getTimestamp(3)}).optional();
        // a seed that is not sealed and bound is the bank's fault, logged above: refused, never counted as a failure
        if (account.isEmpty() || account.get()[0] == null || locked((Timestamp) account.get()[1])) {
            return false;
        }
        long step = Totp.matchingStep((String) account.get()[0], code, clock.instant());
        // conditional: two requests with the same code cannot both win
        boolean accepted = step >= 0 && jdbc.sql("""
                update staff_account set totp_last_step = ?, failed_attempts = 0, locked_until = null
                where id = ? and totp_last_step < ?""").params(step, staffId, step).update() == 1;
        // a wrong code counts towards the lockout; a used one (a second tab, a double click) only fails
        if (step < 0) {
            failed(staffId);
        }
        return accepted;
    }

    private void failed(String staffId) {
        jdbc.sql("""
                update staff_account set failed_attempts = failed_attempts + 1,
                       locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                where id = ?""").params(MAX_FAILURES, Timestamp.from(clock.instant().plus(LOCKOUT)), staffId).update();
    }

    private boolean locked(Timestamp lockedUntil) {
        return lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
    }

    private static StaffMember member(ResultSet rs, int row) throws SQLException {
        return new StaffMember(rs.getString("id"), rs.getString("login"), rs.getString("display_name"),
                roles(rs.getArray("roles")));
    }

    private static Set<StaffRole> roles(Array array) throws SQLException {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        Arrays.stream((String[]) array.getArray()).map(StaffRole::valueOf).forEach(roles::add);
        return roles;
    }
}

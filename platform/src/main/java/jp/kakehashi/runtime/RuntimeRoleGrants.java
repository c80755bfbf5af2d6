package jp.kakehashi.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import jp.kakehashi.shared.EvidenceTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Gives the platform's runtime role exactly the rights it needs, after every migration run, as the owner that Flyway
 * connects as (C1, C4: the application's own credentials must not be able to rewrite the evidence).
 * <p>
 * Why a callback after every migration rather than default privileges: default privileges would give every new table
 * full DML, so a migration adding an append-only table would open it to UPDATE and DELETE unless its author remembered
 * to revoke. Here the rule is computed from what the schema says, every start:
 * <ul>
 * <li>USAGE on the platform's schemas ({@code public}, {@code corebanking}) and nothing else there: no CREATE;</li>
 * <li>SELECT, INSERT, UPDATE, DELETE on every table (Spring Session's and Spring Modulith's included), USAGE and
 * SELECT on every sequence; never TRUNCATE, TRIGGER or REFERENCES;</li>
 * <li>an <em>append-only</em> table, one guarded by a trigger named or calling a function named {@code *_append_only},
 * only SELECT and INSERT, plus UPDATE of exactly its chain columns ({@code sequence_number}, {@code previous_hash},
 * {@code record_hash}) where they start empty and a chainer fills them in later; its trigger still refuses any other
 * change;</li>
 * <li>an <em>owner-only</em> table ({@code *_owner_only} trigger: written in the owner's migration run alone, such as
 * the checkpoint key), and Flyway's history tables: SELECT only.</li>
 * </ul>
 * Running nodes keep working while another node starts: the rights are compared with what the role holds and only
 * the differences are granted or revoked, in one transaction under an advisory lock (Flyway hands Java callbacks its
 * connection in auto-commit, after its own schema-history lock is released), so no node ever sees the role without
 * a right it needs, or with one it must not have, and two nodes starting together do not update the same catalogue
 * rows at once ("tuple concurrently updated").
 * <p>
 * The runtime role is the user the platform's own data source connects as. When that is the owner itself (or a
 * superuser), nothing can be taken from it: the platform still runs, and {@code audit.EvidenceProtection} says loudly
 * that its evidence is not protected.
 */
@Component
public class RuntimeRoleGrants implements Callback, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRoleGrants.class);
    static final List<String> SCHEMAS = EvidenceTables.SCHEMAS;
    private static final List<String> CHAIN_COLUMNS = List.of("sequence_number", "previous_hash", "record_hash");
    private static final Set<String> READ_WRITE = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");
    private static final Set<String> APPEND = Set.of("SELECT", "INSERT");
    private static final Set<String> READ = Set.of("SELECT");
    private static final Set<String> SEQUENCE = Set.of("USAGE", "SELECT");
    // "KAKEGRNT": one node at a time compares and changes the runtime role's rights
    private static final long GRANTS_LOCK = 0x4b414b4547524e54L;

    private final DataSource runtime;

    /** A migration run's callback that gives the role {@code runtime} connects as its rights. */
    public RuntimeRoleGrants(DataSource runtime) {
        this.runtime = runtime;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String runtimeRole = runtimeRole();
        try {
            List<String> changed = apply(context.getConnection(), runtimeRole);
            log.info("Runtime role {} has the platform's rights ({} change(s))", runtimeRole, changed.size());
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot give the runtime role " + runtimeRole + " its rights", e);
        }
    }

    /**
     * Grants and revokes, as the owner connected by {@code connection}, what {@code runtimeRole} lacks or must not
     * have, in one transaction (its own when the connection is in auto-commit) after taking an advisory lock; returns
     * the statements it ran (none when the role already has exactly its rights).
     */
    public static List<String> apply(Connection connection, String runtimeRole) throws SQLException {
        var owner = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        String ownerRole = owner.queryForObject("select current_user", String.class);
        if (ownerRole.equals(runtimeRole)) {
            log.warn("The platform connects as {}, the role that owns its tables and runs its migrations: nothing "
                    + "restricts what it may change. Set spring.flyway.user to the owner role and "
                    + "spring.datasource.username to a separate runtime role (see the README).", runtimeRole);
            return List.of();
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            owner.queryForList("select pg_advisory_xact_lock(?)", GRANTS_LOCK);
            List<String> statements = differences(owner, runtimeRole);
            statements.forEach(owner::execute);
            if (autoCommit) {
                connection.commit();
            }
            return statements;
        }
        catch (RuntimeException | SQLException e) {
            if (autoCommit) {
                connection.rollback();
            }
            throw e;
        }
        finally {
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
        }
    }

    private String runtimeRole() {
        try (Connection connection = runtime.getConnection()) {
            try (var statement = connection.createStatement(); var rs = statement.executeQuery("select current_user")) {
                rs.next();
                return rs.getString(1);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("cannot tell which role the platform runs as", e);
        }
    }

    /** The GRANT and REVOKE statements that turn what the role holds into what it should hold. */
    private static List<String> differences(JdbcTemplate owner, String runtimeRole) {
        String role = owner.queryForObject("select quote_ident(?)", String.class, runtimeRole);
        List<String> schemas = owner.queryForList(
                "select nspname from pg_namespace where nspname = any(?) order by nspname", String.class,
                (Object) SCHEMAS.toArray(String[]::new));
        Set<String> appendOnly = new HashSet<>(appendOnlyTables(owner));
        Set<String> ownerOnly = new HashSet<>(EvidenceTables.ownerOnly(JdbcClient.create(owner)));
        List<String> statements = new ArrayList<>();
        for (String schema : schemas) {
            Set<String> held = privileges(owner, """
                    select a.privilege_type from pg_namespace n, aclexplode(n.nspacl) a
                    where n.nspname = ? and a.grantee = (select oid from pg_roles where rolname = ?)""",
                    schema, runtimeRole);
            change(statements, "schema " + owner.queryForObject("select quote_ident(?)", String.class, schema), role,
                    held, Set.of("USAGE"));
        }
        for (Map<String, Object> relation : owner.queryForList("""
                select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name, c.relkind::text as kind,
                       c.relname like 'flyway%history' as history,
                       coalesce((select string_agg(a.privilege_type, ',') from aclexplode(c.relacl) a
                                 where a.grantee = (select oid from pg_roles where rolname = ?)), '') as held
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = any(?) and c.relkind in ('r', 'p', 'v', 'S')
                order by 1""", runtimeRole, schemas.toArray(String[]::new))) {
            String name = (String) relation.get("name");
            Set<String> held = new HashSet<>(List.of(((String) relation.get("held")).split(",")));
            held.remove("");
            Set<String> wanted;
            if ("S".equals(relation.get("kind"))) {
                change(statements, "sequence " + name, role, held, SEQUENCE);
                continue;
            }
            if (Boolean.TRUE.equals(relation.get("history")) || ownerOnly.contains(name)) {
                wanted = READ;
            }
            else if (appendOnly.contains(name)) {
                wanted = APPEND;
            }
            else {
                wanted = READ_WRITE;
            }
            change(statements, "table " + name, role, held, wanted);
            changeChainColumns(owner, statements, name, role, runtimeRole,
                    wanted == APPEND && lateLinked(owner, name));
        }
        return statements;
    }

    private static Set<String> privileges(JdbcTemplate owner, String sql, Object... params) {
        return new HashSet<>(owner.queryForList(sql, String.class, params));
    }

    /** Adds the statements that make {@code held} on {@code object} exactly {@code wanted}. */
    private static void change(List<String> statements, String object, String role, Set<String> held,
            Set<String> wanted) {
        Set<String> missing = new LinkedHashSet<>(wanted.stream().sorted().toList());
        missing.removeAll(held);
        Set<String> extra = new LinkedHashSet<>(held.stream().sorted().toList());
        extra.removeAll(wanted);
        if (!missing.isEmpty()) {
            statements.add("grant " + String.join(", ", missing) + " on " + object + " to " + role);
        }
        if (!extra.isEmpty()) {
            statements.add("revoke " + String.join(", ", extra) + " on " + object + " from " + role);
        }
    }

    /** Column UPDATE of the chain columns exactly where a chainer links rows after the fact, nowhere else. */
    private static void changeChainColumns(JdbcTemplate owner, List<String> statements, String table, String role,
            String runtimeRole, boolean wanted) {
        Map<String, Set<String>> held = new LinkedHashMap<>();
        owner.query("""
                select a.attname, p.privilege_type from pg_attribute a, aclexplode(a.attacl) p
                where a.attrelid = cast(? as regclass) and a.attnum > 0 and not a.attisdropped
                  and p.grantee = (select oid from pg_roles where rolname = ?)""", rs -> {
            held.computeIfAbsent(rs.getString(1), c -> new HashSet<>()).add(rs.getString(2));
        }, table, runtimeRole);
        for (var column : held.entrySet()) {
            Set<String> keep = wanted && CHAIN_COLUMNS.contains(column.getKey()) ? Set.of("UPDATE") : Set.of();
            Set<String> extra = new HashSet<>(column.getValue());
            extra.removeAll(keep);
            if (!extra.isEmpty()) {
                statements.add("revoke " + String.join(", ", extra.stream().sorted().toList()) + " ("
                        + owner.queryForObject("select quote_ident(?)", String.class, column.getKey()) + ") on "
                        + table + " from " + role);
            }
        }
        if (wanted) {
            List<String> missing = CHAIN_COLUMNS.stream()
                    .filter(c -> !held.getOrDefault(c, Set.of()).contains("UPDATE")).toList();
            if (!missing.isEmpty()) {
                statements.add("grant update (" + String.join(", ", missing) + ") on " + table + " to " + role);
            }
        }
    }

    /** Whether all three chain columns of a table start empty (a chainer fills them in after the insert). */
    private static boolean lateLinked(JdbcTemplate owner, String table) {
        return owner.queryForObject("""
                select count(*) from pg_attribute
                where attrelid = cast(? as regclass) and attname = any(?) and not attnotnull and not attisdropped""",
                Integer.class, table, CHAIN_COLUMNS.toArray(String[]::new)) == CHAIN_COLUMNS.size();
    }

    /** Tables guarded by an {@code *_append_only} trigger, schema-qualified and quoted. */
    static List<String> appendOnlyTables(JdbcTemplate jdbc) {
        return EvidenceTables.appendOnly(JdbcClient.create(jdbc));
    }

    /** After every other callback (the core banking simulator migrates its schema in one), so its tables are covered. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public String getCallbackName() {
        return "runtime-role-grants";
    }
}

package jp.kakehashi.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Gives the platform's runtime role exactly the rights it needs, after every migration run, as the owner that Flyway
 * connects as (C1, C4: the application's own credentials must not be able to rewrite the evidence).
 * <p>
 * Why a callback after every migration rather than default privileges: default privileges would give every new table
 * full DML, so a migration adding an append-only table would open it to UPDATE and DELETE unless its author remembered
 * to revoke. Here the rule is computed from what the schema says, every start, from scratch:
 * <ul>
 * <li>USAGE on the platform's schemas ({@code public}, {@code corebanking}) and nothing else there: no CREATE;</li>
 * <li>SELECT, INSERT, UPDATE, DELETE on every table (Spring Session's and Spring Modulith's included), USAGE and
 * SELECT on every sequence; never TRUNCATE, TRIGGER or REFERENCES;</li>
 * <li>an <em>append-only</em> table, one guarded by a trigger named or calling a function named {@code *_append_only},
 * only SELECT and INSERT, plus UPDATE of exactly its chain columns ({@code sequence_number}, {@code previous_hash},
 * {@code record_hash}) where they start empty and a chainer fills them in later; its trigger still refuses any other
 * change;</li>
 * <li>Flyway's history tables: SELECT only.</li>
 * </ul>
 * The runtime role is the user the platform's own data source connects as. When that is the owner itself (or a
 * superuser), nothing can be taken from it: the platform still runs, and {@code audit.EvidenceProtection} says loudly
 * that its evidence is not protected.
 */
@Component
class RuntimeRoleGrants implements Callback, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRoleGrants.class);
    static final List<String> SCHEMAS = List.of("public", "corebanking");
    private static final List<String> CHAIN_COLUMNS = List.of("sequence_number", "previous_hash", "record_hash");

    private final DataSource runtime;

    RuntimeRoleGrants(DataSource runtime) {
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
        var owner = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        String ownerRole = owner.queryForObject("select current_user", String.class);
        if (ownerRole.equals(runtimeRole)) {
            log.warn("The platform connects as {}, the role that owns its tables and runs its migrations: nothing "
                    + "restricts what it may change. Set spring.flyway.user to the owner role and "
                    + "spring.datasource.username to a separate runtime role (see the README).", runtimeRole);
            return;
        }
        grant(owner, quoted(owner, runtimeRole));
        log.info("Runtime role {} granted the platform's rights by {}", runtimeRole, ownerRole);
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

    private static String quoted(JdbcTemplate jdbc, String identifier) {
        return jdbc.queryForObject("select quote_ident(?)", String.class, identifier);
    }

    private static void grant(JdbcTemplate owner, String role) {
        List<String> schemas = owner.queryForList(
                "select nspname from pg_namespace where nspname = any(?) order by nspname", String.class,
                (Object) SCHEMAS.toArray(String[]::new));
        List<String> statements = new ArrayList<>();
        for (String schema : schemas) {
            statements.add("revoke all on all tables in schema " + schema + " from " + role);
            statements.add("revoke all on all sequences in schema " + schema + " from " + role);
            statements.add("grant usage on schema " + schema + " to " + role);
            statements.add("grant select, insert, update, delete on all tables in schema " + schema + " to " + role);
            statements.add("grant usage, select on all sequences in schema " + schema + " to " + role);
        }
        statements.forEach(owner::execute);
        for (String table : appendOnlyTables(owner, schemas)) {
            owner.execute("revoke update, delete on " + table + " from " + role);
            List<String> lateColumns = owner.queryForList("""
                    select attname from pg_attribute
                    where attrelid = cast(? as regclass) and attname = any(?) and not attnotnull and not attisdropped
                    order by attname""", String.class, table, CHAIN_COLUMNS.toArray(String[]::new));
            if (lateColumns.size() == CHAIN_COLUMNS.size()) {
                owner.execute("grant update (" + String.join(", ", CHAIN_COLUMNS) + ") on " + table + " to " + role);
            }
        }
        for (String history : owner.queryForList("""
                select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
                where schemaname = any(?) and tablename like 'flyway%history'""", String.class,
                (Object) schemas.toArray(String[]::new))) {
            owner.execute("revoke insert, update, delete on " + history + " from " + role);
        }
    }

    /** Tables guarded by an {@code *_append_only} trigger, schema-qualified and quoted. */
    static List<String> appendOnlyTables(JdbcTemplate jdbc, List<String> schemas) {
        return jdbc.queryForList("""
                select distinct quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                     join pg_proc p on p.oid = t.tgfoid
                where not t.tgisinternal and n.nspname = any(?)
                  and (p.proname like '%append\\_only' or t.tgname like '%append\\_only')
                order by 1""", String.class, (Object) schemas.toArray(String[]::new));
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

package jp.kakehashi.shared;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which tables hold evidence (C1, C4, D5), as the schema says it rather than as a list someone keeps: a table guarded
 * by a trigger named, or calling a function named, {@code *_append_only} is never changed or removed (but for a chain
 * link given once), and one with an {@code *_owner_only} trigger is written in the owner's migration run alone. The
 * runtime role's rights ({@code runtime.RuntimeRoleGrants}) and the check that it cannot lift those triggers
 * ({@code audit.EvidenceProtection}) both follow from it.
 */
public final class EvidenceTables {

    /** The schemas the platform keeps its tables in: its own and the simulated core's. */
    public static final List<String> SCHEMAS = List.of("public", "corebanking");

    private EvidenceTables() {
    }

    /** Append-only tables, schema-qualified and quoted. */
    public static List<String> appendOnly(JdbcClient jdbc) {
        return withTrigger(jdbc, "append\\_only");
    }

    /** Owner-only tables, schema-qualified and quoted. */
    public static List<String> ownerOnly(JdbcClient jdbc) {
        return withTrigger(jdbc, "owner\\_only");
    }

    private static List<String> withTrigger(JdbcClient jdbc, String suffix) {
        return jdbc.sql("""
                select distinct quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                     join pg_proc p on p.oid = t.tgfoid
                where not t.tgisinternal and n.nspname = any(?)
                  and (p.proname like '%' || ? or t.tgname like '%' || ?)
                order by 1""").params(SCHEMAS.toArray(String[]::new), suffix, suffix).query(String.class).list();
    }
}

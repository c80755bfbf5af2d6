package jp.kakehashi.runtime;

/**
 * The names the embedded PostgreSQL of a local run gives its database and its two roles (C1, C4: evidence that holds
 * against whoever holds the application's credentials). The owner role owns every table and runs the migrations;
 * the runtime role is what the platform connects as, with only the rights {@link RuntimeRoleGrants} gives it. A
 * second node or a test that joins the embedded database connects with these names (the server trusts local
 * connections, so no password is involved).
 */
public final class EmbeddedDatabaseRoles {

    /** The database the platform's schemas live in. */
    public static final String DATABASE = "kakehashi";
    /** Owns the schemas, tables and triggers; Flyway connects as it. */
    public static final String OWNER = "kakehashi_owner";
    /** The platform's own connections: no UPDATE or DELETE of evidence, no TRUNCATE, not the owner of anything. */
    public static final String RUNTIME = "kakehashi_app";

    private EmbeddedDatabaseRoles() {
    }
}

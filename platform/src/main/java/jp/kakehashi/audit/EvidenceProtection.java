package jp.kakehashi.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the role the platform connects as could rewrite its own evidence (C1, C4, D5): a superuser, or the owner
 * (or a member of the owner) of an evidence table, can disable the append-only triggers. The platform still works
 * then, as some test set-ups and a careless deployment run it, but it says so loudly: a WARN at start and on the
 * auditor's console page, since the chains are then protected by their checkpoints alone.
 */
@Component
public class EvidenceProtection {

    private static final Logger log = LoggerFactory.getLogger(EvidenceProtection.class);
    static final List<String> EVIDENCE_TABLES = List.of("api_execution_log", "audit_events", "staff_action_log",
            "consent_record", "audit_checkpoint", "audit_checkpoint_key");

    private final JdbcClient jdbc;
    private volatile String weakness;

    EvidenceProtection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the runtime role cannot lift the evidence tables' triggers; else why it can. */
    public String weakness() {
        if (weakness == null) {
            weakness = check();
        }
        return weakness.isEmpty() ? null : weakness;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStart() {
        String why = weakness();
        if (why != null) {
            log.warn("EVIDENCE NOT PROTECTED: {}. The execution log, business events, staff action log and consent"
                    + " records rely on their signed checkpoints alone. Run the platform as a role that owns nothing"
                    + " (spring.datasource.username) and migrate as the owner (spring.flyway.user).", why);
        }
    }

    private String check() {
        String role = jdbc.sql("select current_user").query(String.class).single();
        if (jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()) {
            return "the platform connects as " + role + ", a superuser";
        }
        List<String> owned = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relname = any(?) and pg_has_role(current_user, c.relowner, 'USAGE')
                order by c.relname""").param(EVIDENCE_TABLES.toArray(String[]::new)).query(String.class).list();
        return owned.isEmpty() ? "" : "the platform connects as " + role + ", which owns " + String.join(", ", owned);
    }
}

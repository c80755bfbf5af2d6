package jp.kakehashi.audit;

import java.util.ArrayList;
import java.util.List;
import jp.kakehashi.shared.EvidenceTables;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the role the platform connects as could rewrite its own evidence (C1, C4, D5): a superuser, or the owner
 * (or a member of the owner) of an evidence table ({@link EvidenceTables}: every table guarded by an append-only or
 * owner-only trigger), can disable the triggers. The platform still works
 * then, as some test set-ups and a careless deployment run it, but it says so loudly: a WARN at start and on the
 * auditor's console page, since the chains are then protected by their checkpoints alone.
 */
@Component
public class EvidenceProtection {

    private static final Logger log = LoggerFactory.getLogger(EvidenceProtection.class);

    private final JdbcClient jdbc;
    private volatile @Nullable String weakness;

    EvidenceProtection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the runtime role cannot lift the evidence tables' triggers; else why it can. */
    public @Nullable String weakness() {
        String known = weakness;
        if (known == null) {
            known = check();
            weakness = known;
        }
        return known.isEmpty() ? null : known;
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
        List<String> evidence = new ArrayList<>(EvidenceTables.appendOnly(jdbc));
        evidence.addAll(EvidenceTables.ownerOnly(jdbc));
        List<String> owned = jdbc.sql("""
                select distinct t from unnest(cast(? as text[])) t
                where pg_has_role(current_user, (select relowner from pg_class where oid = cast(t as regclass)), 'USAGE')
                order by t""").param(evidence.toArray(String[]::new)).query(String.class).list();
        return owned.isEmpty() ? "" : "the platform connects as " + role + ", which owns " + String.join(", ", owned);
    }
}

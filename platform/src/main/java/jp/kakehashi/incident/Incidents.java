package jp.kakehashi.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.kakehashi.consent.Grants;
import jp.kakehashi.incident.Reporting.Recorded;
import jp.kakehashi.incident.Reporting.Refusal;
import jp.kakehashi.incident.Reporting.Refused;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.Tpps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident module's façade (C6, E1, E2): records incidents and their timeline, lists the customers they may
 * touch, and asks for those customers to be warned. Each step is published in its transaction, so the TPP, other
 * banks and customers hear of it even if a delivery fails at first.
 */
@Service
public class Incidents {

    private final JdbcClient jdbc;
    private final Tpps tpps;
    private final Grants grants;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration maxLookBack;

    Incidents(JdbcClient jdbc, Tpps tpps, Grants grants, ApplicationEventPublisher events, Clock clock,
            @Value("${kakehashi.incidents.max-look-back:P400D}") Duration maxLookBack) {
        this.maxLookBack = maxLookBack;
        this.jdbc = jdbc;
        this.tpps = tpps;
        this.grants = grants;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Reporting report(IncidentReport report) {
        Instant now = clock.instant();
        if (blank(report.title()) || blank(report.description()) || report.kind() == null
                || report.severity() == null || report.reporter() == null || blank(report.reportedBy())) {
            return new Refused(Refusal.INCOMPLETE);
        }
        Optional<Tpp> tpp = report.tppId() == null ? Optional.empty() : tpps.find(report.tppId());
        if (tpp.isEmpty()) {
            return new Refused(Refusal.UNKNOWN_TPP);
        }
        if (report.reporter() == Incident.Reporter.TPP && !tpp.get().status().screened()) {
            return new Refused(Refusal.NOT_CONNECTED);
        }
        Instant beganAt = report.beganAt() == null ? now : report.beganAt();
        if (beganAt.isAfter(now)) {
            return new Refused(Refusal.BEGINS_IN_FUTURE);
        }
        // the start decides who is warned (E2): one far back would make every customer the TPP ever had "affected"
        if (beganAt.isBefore(now.minus(maxLookBack))) {
            return new Refused(Refusal.BEGINS_TOO_LONG_AGO);
        }
        var incident = new Incident("inc-" + UUID.randomUUID().toString().substring(0, 13), report.tppId(),
                report.kind(), report.severity(), IncidentStatus.OPEN, report.title().strip(),
                report.description().strip(), report.reporter(), report.reportedBy(), beganAt, now);
        jdbc.sql("""
                insert into incident (id, tpp_id, kind, severity, status, title, description, reporter, reported_by,
                                      began_at, reported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(incident.id(), incident.tppId(), incident.kind().name(), incident.severity().name(),
                incident.status().name(), incident.title(), incident.description(), incident.reporter().name(),
                incident.reportedBy(), Timestamp.from(beganAt), Timestamp.from(now)).update();
        write(incident.id(), IncidentEntry.Kind.REPORTED, incident.title(), incident.reportedBy());
        events.publishEvent(new IncidentReported(incident, tpp.get().legalName()));
        return new Recorded(incident);
    }

    /** Adds a line to the timeline (what was learnt, whom the bank called); false for an unknown incident. */
    @Transactional
    public boolean note(String incidentId, IncidentEntry.Kind kind, String text, String writtenBy) {
        if (blank(text) || find(incidentId).isEmpty()) {
            return false;
        }
        write(incidentId, kind, text.strip(), writtenBy);
        return true;
    }

    /** Moves an incident (contained, closed, reopened) with a note; false if the move is not allowed. */
    @Transactional
    public boolean move(String incidentId, IncidentStatus to, String note, String changedBy) {
        Optional<Incident> incident = jdbc.sql("select * from incident where id = ? for update").param(incidentId)
                .query(Incidents::incident).optional();
        if (incident.isEmpty() || blank(note) || !incident.get().status().next().contains(to)) {
            return false;
        }
        jdbc.sql("update incident set status = ? where id = ?").params(to.name(), incidentId).update();
        write(incidentId, IncidentEntry.Kind.STATUS, to.name() + ": " + note.strip(), changedBy);
        events.publishEvent(new IncidentStatusChanged(find(incidentId).orElseThrow(), incident.get().status(),
                note.strip(), changedBy, tpps.find(incident.get().tppId()).map(Tpp::legalName).orElse(null)));
        return true;
    }

    /** The customers whose grant to the TPP was in force since the incident began (E2), by customer id. */
    public List<String> affectedCustomers(String incidentId) {
        return find(incidentId).map(incident -> grants.customersOfTpp(incident.tppId(), incident.beganAt()))
                .orElse(List.of());
    }

    /**
     * Asks for every affected customer not asked before to be warned by the bank (E2), recorded on the timeline;
     * returns how many customers that is (zero: nobody left to warn, or no such incident). Each customer is asked
     * once per incident, so a double click or a second operator mails nobody twice.
     */
    @Transactional
    public int warnAffectedCustomers(String incidentId, String staffId) {
        Optional<Incident> incident = find(incidentId);
        List<String> affected = affectedCustomers(incidentId);
        if (incident.isEmpty() || affected.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<String> customers = jdbc.sql("""
                insert into incident_warned_customer (incident_id, customer_id, requested_by, requested_at)
                select ?, customer_id, ?, ? from unnest(cast(? as text[])) as customer_id
                on conflict (incident_id, customer_id) do nothing
                returning customer_id
                """).params(incidentId, staffId, Timestamp.from(now), affected.toArray(String[]::new))
                .query(String.class).list().stream().sorted().toList();
        if (customers.isEmpty()) {
            return 0;
        }
        Tpp tpp = tpps.find(incident.get().tppId()).orElseThrow();
        write(incidentId, IncidentEntry.Kind.CUSTOMERS_WARNED, customers.size() + " customers", staffId);
        events.publishEvent(new CustomerWarningRequested(incidentId, tpp.id(), tpp.serviceName(), tpp.serviceNameEn(),
                incident.get().kind(), customers, staffId, now));
        return customers.size();
    }

    public Optional<Incident> find(String incidentId) {
        return jdbc.sql("select * from incident where id = ?").param(incidentId).query(Incidents::incident)
                .optional();
    }

    /** Every incident, open ones first, newest first (the console's list). */
    public List<Incident> all() {
        return jdbc.sql("""
                select * from incident order by case status when 'CLOSED' then 1 else 0 end, reported_at desc, id
                """).query(Incidents::incident).list();
    }

    /** The incidents concerning a TPP, newest first (the portal). */
    public List<Incident> ofTpp(String tppId) {
        return jdbc.sql("select * from incident where tpp_id = ? order by reported_at desc, id").param(tppId)
                .query(Incidents::incident).list();
    }

    /** The incident's timeline, oldest first. */
    public List<IncidentEntry> timeline(String incidentId) {
        return jdbc.sql("select * from incident_entry where incident_id = ? order by id").param(incidentId)
                .query((rs, row) -> new IncidentEntry(IncidentEntry.Kind.valueOf(rs.getString("kind")),
                        rs.getString("text"), rs.getString("written_by"),
                        rs.getTimestamp("written_at").toInstant()))
                .list();
    }

    private void write(String incidentId, IncidentEntry.Kind kind, String text, String writtenBy) {
        jdbc.sql("""
                insert into incident_entry (incident_id, kind, text, written_by, written_at) values (?, ?, ?, ?, ?)
                """).params(incidentId, kind.name(), text, writtenBy, Timestamp.from(clock.instant())).update();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Incident incident(ResultSet rs, int row) throws SQLException {
        return new Incident(rs.getString("id"), rs.getString("tpp_id"), IncidentKind.valueOf(rs.getString("kind")),
                Severity.valueOf(rs.getString("severity")), IncidentStatus.valueOf(rs.getString("status")),
                rs.getString("title"), rs.getString("description"),
                Incident.Reporter.valueOf(rs.getString("reporter")), rs.getString("reported_by"),
                rs.getTimestamp("began_at").toInstant(), rs.getTimestamp("reported_at").toInstant());
    }
}

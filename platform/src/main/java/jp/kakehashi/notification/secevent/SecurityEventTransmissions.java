package jp.kakehashi.notification.secevent;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kakehashi.incident.Incident;
import jp.kakehashi.incident.IncidentReported;
import jp.kakehashi.incident.IncidentStatus;
import jp.kakehashi.incident.IncidentStatusChanged;
import jp.kakehashi.notification.delivery.OutboundDeliveries;
import jp.kakehashi.notification.delivery.OutboundDelivery;
import jp.kakehashi.notification.delivery.TppEndpoints;
import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.TppStatusChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends security events (E1, F3; OpenID Shared Signals): an incident to the TPP concerned (if it registered a
 * security event endpoint) and, for kinds other banks could meet too, to every subscribed bank, once, without free
 * text, and for a TPP's own report only once staff contained it; a TPP's suspension or
 * revocation to the subscribed banks as RISC {@code account-disabled}, its resumption as {@code account-enabled}.
 * Tokens go through the outbox, one per receiver (each has its own {@code aud}).
 */
@Component
class SecurityEventTransmissions {

    /** Bank-defined, for there is no CAEP or RISC type for "an incident at a TPP"; a URN stays the same at every bank. */
    static final String INCIDENT_REPORTED = "urn:kakehashi:secevent:incident-reported";
    static final String ACCOUNT_DISABLED = "https://schemas.openid.net/secevent/risc/event-type/account-disabled";
    static final String ACCOUNT_ENABLED = "https://schemas.openid.net/secevent/risc/event-type/account-enabled";
    static final String CONTENT_TYPE = "application/secevent+jwt";

    private final SecurityEventTokens tokens;
    private final TppEndpoints endpoints;
    private final OutboundDeliveries deliveries;
    private final SecurityEventProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    SecurityEventTransmissions(SecurityEventTokens tokens, TppEndpoints endpoints, OutboundDeliveries deliveries,
            SecurityEventProperties properties, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tokens = tokens;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(IncidentReported reported) {
        Incident incident = reported.incident();
        // the title and kind only: the description may name customers, and leaves the bank only in the TPP's notice
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("incident_id", incident.id());
        event.put("kind", incident.kind().name());
        event.put("severity", incident.severity().name());
        event.put("title", incident.title());
        event.put("reported_by", incident.reporter().name());
        event.put("tpp_name", reported.tppName());
        event.put("event_timestamp", incident.beganAt().getEpochSecond());
        endpoints.of(incident.tppId()).filter(endpoint -> endpoint.securityEventUrl() != null)
                .ifPresent(endpoint -> deliveries.enqueue(OutboundDelivery.Kind.SECURITY_EVENT, incident.tppId(),
                        endpoint.securityEventUrl(), CONTENT_TYPE,
                        tokens.issue(incident.tppId(), tpp(incident.tppId()), INCIDENT_REPORTED, event)));
        // what a TPP says of itself is its word, not the bank's: it goes to other banks once staff confirmed it
        if (incident.reporter() == Incident.Reporter.BANK) {
            shareWithBanks(incident, reported.tppName());
        }
    }

    /** Staff containing a TPP's own report is the bank confirming it: now other banks hear of it (F3). */
    @ApplicationModuleListener
    void on(IncidentStatusChanged changed) {
        if (changed.from() == IncidentStatus.OPEN && changed.incident().status() == IncidentStatus.CONTAINED) {
            shareWithBanks(changed.incident(), changed.tppName());
        }
    }

    private void shareWithBanks(Incident incident, String tppName) {
        if (!incident.kind().sharedWithOtherBanks() || jdbc.sql("""
                insert into incident_shared_with_banks (incident_id, shared_at) values (?, ?)
                on conflict (incident_id) do nothing
                """).params(incident.id(), Timestamp.from(clock.instant())).update() == 0) {
            return;
        }
        // closed values only: no free text of anyone's leaves the bank under its signature to other banks
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("incident_id", incident.id());
        event.put("kind", incident.kind().name());
        event.put("severity", incident.severity().name());
        event.put("reported_by", incident.reporter().name());
        event.put("tpp_name", tppName);
        event.put("event_timestamp", incident.beganAt().getEpochSecond());
        toBanks(tpp(incident.tppId()), INCIDENT_REPORTED, event);
    }

    @ApplicationModuleListener
    void on(TppStatusChanged changed) {
        boolean cutOff = changed.to() == TppStatus.SUSPENDED || changed.to() == TppStatus.REVOKED;
        boolean back = changed.from() == TppStatus.SUSPENDED
                && (changed.to() == TppStatus.ACTIVE || changed.to() == TppStatus.RESTRICTED);
        if (!cutOff && !back) {
            return;
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_timestamp", changed.occurredAt().getEpochSecond());
        event.put("status", changed.to().name());
        toBanks(tpp(changed.tppId().value()), cutOff ? ACCOUNT_DISABLED : ACCOUNT_ENABLED, event);
    }

    private void toBanks(Map<String, Object> subject, String eventType, Map<String, Object> event) {
        for (SecurityEventProperties.Receiver bank : properties.receivers()) {
            deliveries.enqueue(OutboundDelivery.Kind.SECURITY_EVENT, bank.id(), bank.url(), CONTENT_TYPE,
                    tokens.issue(bank.audience(), subject, eventType, event));
        }
    }

    private Map<String, Object> tpp(String tppId) {
        // a TPP id is the bank's own; the issuer-qualified form lets a bank tell TPPs of different banks apart
        return Map.of("format", "iss_sub", "iss", tokens.issuer(), "sub", tppId);
    }
}

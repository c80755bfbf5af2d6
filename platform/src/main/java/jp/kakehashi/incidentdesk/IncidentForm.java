package jp.kakehashi.incidentdesk;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kakehashi.incident.Incident;
import jp.kakehashi.incident.IncidentKind;
import jp.kakehashi.incident.IncidentReport;
import jp.kakehashi.incident.Severity;
import jp.kakehashi.shared.BusinessClock;

/**
 * An incident as typed on the console or the portal, kept as typed so a refused form comes back as it was.
 *
 * @param beganAt a {@code datetime-local} value in Japan time, or empty for "now"
 */
record IncidentForm(String tppId, String kind, String severity, String title, String description, String beganAt) {

    static IncidentForm empty() {
        return new IncidentForm("", IncidentKind.UNAUTHORISED_ACCESS.name(), Severity.HIGH.name(), "", "", "");
    }

    /** Field → message key of what is wrong; empty when the form can be reported. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(tppId)) {
            errors.put("tppId", "incidents.form.error.tpp");
        }
        if (parse(IncidentKind.class, kind) == null) {
            errors.put("kind", "incidents.form.error.kind");
        }
        if (parse(Severity.class, severity) == null) {
            errors.put("severity", "incidents.form.error.severity");
        }
        if (blank(title)) {
            errors.put("title", "incidents.form.error.title");
        }
        if (blank(description)) {
            errors.put("description", "incidents.form.error.description");
        }
        if (!blank(beganAt) && instant(beganAt) == null) {
            errors.put("beganAt", "incidents.form.error.began");
        }
        return errors;
    }

    IncidentReport report(Incident.Reporter reporter, String reportedBy) {
        return new IncidentReport(tppId, parse(IncidentKind.class, kind), parse(Severity.class, severity), title,
                description, blank(beganAt) ? null : instant(beganAt), reporter, reportedBy);
    }

    static Instant instant(String localDateTime) {
        try {
            return LocalDateTime.parse(localDateTime).atZone(BusinessClock.TOKYO).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

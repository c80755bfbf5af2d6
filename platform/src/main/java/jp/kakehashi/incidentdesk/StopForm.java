package jp.kakehashi.incidentdesk;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kakehashi.availability.StopAnnouncement;
import jp.kakehashi.availability.StoppedApi;

/**
 * A stop as typed on the console or the portal (times are {@code datetime-local} values in Japan time), kept as typed
 * so a refused form comes back as it was.
 */
record StopForm(String api, String startsAt, String endsAt, String reason, Boolean emergency) {

    // an unticked checkbox sends nothing
    StopForm {
        emergency = Boolean.TRUE.equals(emergency);
    }

    static StopForm empty() {
        return new StopForm(StoppedApi.ALL.name(), "", "", "", false);
    }

    /** Field → message key of what is wrong with the typing itself; the rules are the availability module's. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (IncidentForm.parse(StoppedApi.class, api) == null) {
            errors.put("api", "incidents.stop.error.api");
        }
        if (IncidentForm.blank(startsAt) || IncidentForm.instant(startsAt) == null) {
            errors.put("startsAt", "incidents.stop.error.time");
        }
        if (IncidentForm.blank(endsAt) || IncidentForm.instant(endsAt) == null) {
            errors.put("endsAt", "incidents.stop.error.time");
        }
        if (IncidentForm.blank(reason)) {
            errors.put("reason", "incidents.stop.Refusal.REASON_MISSING");
        }
        return errors;
    }

    StopAnnouncement announcement(String tppId, String by) {
        return new StopAnnouncement(tppId, IncidentForm.parse(StoppedApi.class, api), IncidentForm.instant(startsAt),
                IncidentForm.instant(endsAt), reason, emergency, by);
    }
}

package jp.kakehashi.notification.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.kakehashi.availability.ServiceStop;
import jp.kakehashi.availability.ServiceStopAnnounced;
import jp.kakehashi.availability.ServiceStopCancelled;
import jp.kakehashi.incident.Incident;
import jp.kakehashi.incident.IncidentReported;
import jp.kakehashi.incident.IncidentStatusChanged;
import jp.kakehashi.notification.delivery.TppEndpoints;
import jp.kakehashi.tpp.TppStatusChanged;
import jp.kakehashi.tpp.monitoring.ImprovementRequest;
import jp.kakehashi.tpp.monitoring.ImprovementRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into notices to TPPs: every move of its status after the application (A6 "the TPP is
 * notified", with the bank's reason), the bank's improvement requests with their deadlines (A5, A6), incidents
 * concerning it (C6), and the bank's service stops (E6, to every TPP with a registered endpoint). Each runs in its own transaction after the deciding one commits, and is run again
 * by the event publication registry if it fails, so no notice is lost; a failed run leaves nothing behind.
 */
@Component
class TppNoticeListeners {

    private final TppNotices notices;
    private final TppEndpoints endpoints;

    TppNoticeListeners(TppNotices notices, TppEndpoints endpoints) {
        this.notices = notices;
        this.endpoints = endpoints;
    }

    @ApplicationModuleListener
    void on(TppStatusChanged changed) {
        if (changed.from() == null) {
            return; // the application itself: the portal already answered it
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", changed.from().name());
        data.put("to", changed.to().name());
        data.put("reason", changed.reason());
        data.put("scopes", changed.scopes().stream().sorted().toList());
        data.put("occurredAt", changed.occurredAt().toString());
        notices.send(changed.tppId().value(), TppNotice.Kind.STATUS_CHANGED, changed.to().name(), data);
    }

    @ApplicationModuleListener
    void on(ImprovementRequested requested) {
        ImprovementRequest request = requested.request();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", request.id());
        data.put("reviewId", request.reviewId());
        data.put("finding", request.finding());
        data.put("dueOn", request.dueOn().toString());
        data.put("requestedAt", request.requestedAt().toString());
        notices.send(request.tppId(), TppNotice.Kind.IMPROVEMENT_REQUESTED, request.dueOn().toString(), data);
    }

    @ApplicationModuleListener
    void on(IncidentReported reported) {
        Incident incident = reported.incident();
        notices.send(incident.tppId(), TppNotice.Kind.INCIDENT_REPORTED, incident.title(), incidentData(incident));
    }

    @ApplicationModuleListener
    void on(IncidentStatusChanged changed) {
        Map<String, Object> data = incidentData(changed.incident());
        data.put("from", changed.from().name());
        data.put("note", changed.note());
        notices.send(changed.incident().tppId(), TppNotice.Kind.INCIDENT_STATUS_CHANGED,
                changed.incident().status().name(), data);
    }

    @ApplicationModuleListener
    void on(ServiceStopAnnounced announced) {
        stopNotice(announced.stop(), TppNotice.Kind.STOP_ANNOUNCED);
    }

    @ApplicationModuleListener
    void on(ServiceStopCancelled cancelled) {
        stopNotice(cancelled.stop(), TppNotice.Kind.STOP_CANCELLED);
    }

    private void stopNotice(ServiceStop stop, TppNotice.Kind kind) {
        if (stop.side() != ServiceStop.Side.BANK) {
            return; // a TPP's own stop: the bank's staff see it in the console
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("stopId", stop.id());
        data.put("api", stop.api().name());
        data.put("startsAt", stop.startsAt().toString());
        data.put("endsAt", stop.endsAt().toString());
        data.put("reason", stop.reason());
        data.put("emergency", stop.emergency());
        endpoints.all().forEach(endpoint -> notices.send(endpoint.tppId(), kind, stop.api().name(), data));
    }

    private static Map<String, Object> incidentData(Incident incident) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", incident.id());
        data.put("kind", incident.kind().name());
        data.put("severity", incident.severity().name());
        data.put("status", incident.status().name());
        data.put("title", incident.title());
        data.put("description", incident.description());
        data.put("reportedBy", incident.reporter().name());
        data.put("beganAt", incident.beganAt().toString());
        return data;
    }
}

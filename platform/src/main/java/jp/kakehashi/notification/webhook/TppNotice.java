package jp.kakehashi.notification.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * A notice the bank sent a TPP (A6 "the TPP is notified", C6, E6), as the portal shows it and the webhook carried it.
 *
 * @param subject the subject in Japanese (the portal renders its own language from {@code kind} and {@code data})
 * @param data    what the notice is about: statuses, reasons, times, ids
 */
public record TppNotice(String id, String tppId, Kind kind, String subject, Map<String, Object> data,
        Instant createdAt) {

    public TppNotice {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** What a notice is about; its name in the webhook is {@link #type()}. */
    public enum Kind {
        /** The TPP's status moved: approved, suspended, restricted, resumed, revoked… (A6). */
        STATUS_CHANGED,
        /** An incident concerning the TPP was recorded (C6). */
        INCIDENT_REPORTED,
        /** An incident concerning the TPP was contained, closed or reopened. */
        INCIDENT_STATUS_CHANGED,
        /** The bank announced a stop of its API (E6). */
        STOP_ANNOUNCED,
        /** An announced stop was called off. */
        STOP_CANCELLED,
        /** The bank asked the TPP to improve on a finding by a deadline (A5, A6). */
        IMPROVEMENT_REQUESTED;

        /** The stable name in the webhook's JSON, e.g. {@code tpp.status-changed}. */
        public String type() {
            return switch (this) {
                case STATUS_CHANGED -> "tpp.status-changed";
                case INCIDENT_REPORTED -> "incident.reported";
                case INCIDENT_STATUS_CHANGED -> "incident.status-changed";
                case STOP_ANNOUNCED -> "service-stop.announced";
                case STOP_CANCELLED -> "service-stop.cancelled";
                case IMPROVEMENT_REQUESTED -> "monitoring.improvement-requested";
            };
        }

        /** The message key of the subject: each area words its own notices in its own bundle. */
        String subjectKey() {
            return switch (this) {
                case IMPROVEMENT_REQUESTED -> "monitoring.notice." + type();
                default -> "incidents.notice." + type();
            };
        }
    }
}

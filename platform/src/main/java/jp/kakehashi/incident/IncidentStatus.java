package jp.kakehashi.incident;

import java.util.Set;

/** Where an incident stands: open, contained (no further harm, still being investigated), closed. */
public enum IncidentStatus {
    OPEN, CONTAINED, CLOSED;

    /** The statuses it may move to; a closed incident is reopened by a new one, never changed. */
    Set<IncidentStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(CONTAINED, CLOSED);
            case CONTAINED -> Set.of(OPEN, CLOSED);
            case CLOSED -> Set.of();
        };
    }
}

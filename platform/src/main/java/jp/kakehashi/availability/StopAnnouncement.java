package jp.kakehashi.availability;

import java.time.Instant;

/**
 * What staff (or a TPP, for its own service) announce: which API, from when until when, why.
 *
 * @param tppId       the TPP announcing a stop of its own service, or null for a stop of the bank's API
 * @param emergency   a stop that cannot wait for the notice period; it must give its reason
 * @param announcedBy the staff id, or the TPP's portal user
 */
public record StopAnnouncement(String tppId, StoppedApi api, Instant startsAt, Instant endsAt, String reason,
        boolean emergency, String announcedBy) {

    ServiceStop.Side side() {
        return tppId == null ? ServiceStop.Side.BANK : ServiceStop.Side.TPP;
    }
}

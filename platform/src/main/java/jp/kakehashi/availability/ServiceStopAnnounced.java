package jp.kakehashi.availability;

/** A stop was announced (E6); notification tells the TPPs (or, for a TPP's own stop, records it for the bank). */
public record ServiceStopAnnounced(ServiceStop stop) {
}

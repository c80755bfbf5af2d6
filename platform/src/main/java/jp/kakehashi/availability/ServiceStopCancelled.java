package jp.kakehashi.availability;

/** An announced stop was called off; those told of it are told again. */
public record ServiceStopCancelled(ServiceStop stop, String cancelledBy) {
}

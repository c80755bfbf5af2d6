package jp.kakehashi.availability;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A service stop (サービス停止, E6): a time when the bank's API, or a TPP's service, is not available.
 *
 * @param side        whose service stops: the bank's API, or the TPP's own service
 * @param tppId       the TPP whose service stops, for {@link Side#TPP}; null for the bank
 * @param emergency   announced without the notice period, which needs a reason
 * @param announcedBy the staff id, or {@code tpp:<portal user>}
 * @param cancelledAt when the stop was called off, or null
 */
public record ServiceStop(String id, Side side, String tppId, StoppedApi api, Instant startsAt, Instant endsAt,
        String reason, boolean emergency, String announcedBy, Instant announcedAt, @Nullable Instant cancelledAt) {

    /** Whose service is stopped. */
    public enum Side {
        BANK, TPP
    }

    /** Whether the stop takes the bank's API down at {@code now}. */
    public boolean inEffectAt(Instant now) {
        return side == Side.BANK && cancelledAt == null && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}

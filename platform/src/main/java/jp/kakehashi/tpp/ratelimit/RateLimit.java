package jp.kakehashi.tpp.ratelimit;

/**
 * A token-bucket limit (F4): a sustained rate and a burst the bucket holds when idle.
 *
 * @param perSecond requests per second, sustained; more than zero
 * @param burst     requests that may come at once after a quiet period; at least one
 */
public record RateLimit(double perSecond, int burst) {

    public RateLimit {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
    }

    /** This limit's share on one of {@code nodes} nodes that each count their own calls. */
    RateLimit perNode(int nodes) {
        return nodes <= 1 ? this : new RateLimit(perSecond / nodes, Math.max(1, burst / nodes));
    }
}

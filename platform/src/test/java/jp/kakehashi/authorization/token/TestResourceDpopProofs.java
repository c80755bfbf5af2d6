package jp.kakehashi.authorization.token;

import java.time.Clock;
import jp.kakehashi.authorization.replay.SeenJtis;

/** The bank's real DPoP proof check over a given replay store, for unit tests outside this package. */
public final class TestResourceDpopProofs {

    private TestResourceDpopProofs() {
    }

    public static ResourceDpopProofs of(SeenJtis seenJtis) {
        return new ResourceDpopProofs(seenJtis, Clock.systemUTC());
    }
}

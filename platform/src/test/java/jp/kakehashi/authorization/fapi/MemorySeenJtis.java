package jp.kakehashi.authorization.fapi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.kakehashi.authorization.replay.JtiKind;
import jp.kakehashi.authorization.replay.SeenJtis;

/** The shared replay store (B7) as a set in memory, recording every use it is told of. */
final class MemorySeenJtis implements SeenJtis {

    /** One recorded use. */
    record Use(JtiKind kind, String scope, String jti, Instant keepUntil) {
    }

    private final Set<List<String>> seen = new HashSet<>();
    final List<Use> uses = new ArrayList<>();

    @Override
    public synchronized boolean firstUse(JtiKind kind, String scope, String jti, Instant keepUntil) {
        uses.add(new Use(kind, scope, jti, keepUntil));
        return seen.add(List.of(kind.name(), scope, jti));
    }
}

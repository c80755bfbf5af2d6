package jp.kakehashi.portal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kakehashi.tpp.Tpp;
import jp.kakehashi.tpp.TppClient;
import jp.kakehashi.tpp.TppLifecycle;
import jp.kakehashi.tpp.TppStatusChange;
import jp.kakehashi.tpp.Tpps;
import org.springframework.stereotype.Component;

/**
 * The portal's own first section (A1, A6, C5): where the TPP stands, every move with the bank's reason, its clients
 * once connected, and the way to stop its own service.
 */
@Component
class PortalStatusSection extends PortalSection {

    private final Tpps tpps;
    private final TppLifecycle lifecycle;

    PortalStatusSection(Tpps tpps, TppLifecycle lifecycle) {
        super("portal/sections/status", 0);
        this.tpps = tpps;
        this.lifecycle = lifecycle;
    }

    @Override
    public Optional<Status> content(String tppId, Locale locale) {
        return tpps.find(tppId).map(tpp -> new Status(tpp, lifecycle.history(tppId).reversed(),
                tpp.canConnect() ? tpps.clientsOf(tppId) : List.of()));
    }

    /** What the status fragment shows; history newest first. */
    record Status(Tpp tpp, List<TppStatusChange> history, List<TppClient> clients) {

        public boolean canStop() {
            return tpp.canConnect();
        }
    }
}

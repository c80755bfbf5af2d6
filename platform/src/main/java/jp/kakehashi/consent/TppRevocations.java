package jp.kakehashi.consent;

import jp.kakehashi.tpp.TppStatus;
import jp.kakehashi.tpp.TppStatusChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A revoked TPP (A6 解除) keeps no grant: every live grant of it ends in the revoking transaction, with the staff's
 * reason, so customers see it ended on their connected-services page and its refresh tokens die with it. A suspension
 * keeps the grants: the tokens fail while the TPP is suspended and work again when it is resumed.
 */
@Component
class TppRevocations {

    private final Grants grants;

    TppRevocations(Grants grants) {
        this.grants = grants;
    }

    @EventListener
    void on(TppStatusChanged changed) {
        if (changed.to() == TppStatus.REVOKED) {
            grants.revokeAllOfTpp(changed.tppId(), "staff:" + changed.requestedBy(), changed.reason());
        }
    }
}

package jp.kakehashi.tpp.chain;

import java.time.Instant;
import jp.kakehashi.tpp.TppApplication.ApiClass;

/**
 * The bank's chosen handling of a TPP's chained parties for one API class (F2), with who chose it.
 *
 * @param conditions the pre-agreed conditions; required for {@link ChainHandling#CONDITIONS}, else may be null
 */
public record ChainAgreement(String tppId, ApiClass apiClass, ChainHandling handling, String conditions,
        String decidedBy, Instant decidedAt) {
}

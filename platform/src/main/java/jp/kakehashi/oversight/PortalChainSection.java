package jp.kakehashi.oversight;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kakehashi.portal.PortalSection;
import jp.kakehashi.tpp.Tpps;
import jp.kakehashi.tpp.chain.ChainAgreement;
import jp.kakehashi.tpp.chain.ChainedParties;
import jp.kakehashi.tpp.chain.ChainedParty;
import org.springframework.stereotype.Component;

/**
 * The portal's section on chained parties (F2): the bank's handling per API class, the TPP's registered parties
 * with their state, and a form to register one (with a first date of use, which is the TPP's prior notice). Shown
 * once the bank approved the TPP.
 */
@Component
class PortalChainSection extends PortalSection {

    private final Tpps tpps;
    private final ChainedParties chains;

    PortalChainSection(Tpps tpps, ChainedParties chains) {
        super("portal/sections/chained-parties", 40);
        this.tpps = tpps;
        this.chains = chains;
    }

    /** What the fragment shows. */
    record Content(String tppId, List<ChainAgreement> agreements, List<ChainedParty> parties) {
    }

    @Override
    public Optional<Content> content(String tppId, Locale locale) {
        return tpps.find(tppId).filter(tpp -> tpp.status().screened())
                .map(tpp -> new Content(tppId, chains.agreements(tppId), chains.of(tppId)));
    }
}

package jp.kakehashi.tpp.chain;

import java.time.LocalDate;
import java.util.Optional;
import jp.kakehashi.tpp.TppApplication.ApiClass;

/**
 * Decides whether a TPP's call for a chained party is allowed (F2), from the bank's handling for the call's API class
 * and the party as registered. Pure: the filter and the console's preview ask the same rules.
 */
public final class ChainPolicy {

    private ChainPolicy() {
    }

    /**
     * @param handling the bank's handling for the TPP and {@code apiClass}, empty if none was chosen
     * @param party    the party the call names, empty if the TPP has not registered it
     * @param today    the business date in Tokyo
     */
    public static ChainDecision decide(Optional<ChainHandling> handling, Optional<ChainedParty> party,
            ApiClass apiClass, LocalDate today) {
        if (handling.isEmpty()) {
            return refused(ChainRefusal.CHAIN_NOT_AGREED);
        }
        if (handling.get() == ChainHandling.DIRECT_CONTRACT) {
            return refused(ChainRefusal.DIRECT_CONTRACT_REQUIRED);
        }
        if (party.isEmpty()) {
            return refused(ChainRefusal.UNKNOWN_CHAINED_PARTY);
        }
        ChainedParty registered = party.get();
        if (registered.withdrawn()) {
            return refused(ChainRefusal.CHAINED_PARTY_WITHDRAWN);
        }
        if (!registered.apiClasses().contains(apiClass)) {
            return refused(ChainRefusal.API_CLASS_NOT_REGISTERED);
        }
        return switch (handling.get()) {
            case APPROVAL -> registered.approvedAt() == null ? refused(ChainRefusal.NOT_APPROVED) : ChainDecision.ALLOWED;
            case PRIOR_NOTICE -> registered.allowedFrom() == null || today.isBefore(registered.allowedFrom())
                    ? refused(ChainRefusal.NOTICE_NOT_EFFECTIVE) : ChainDecision.ALLOWED;
            case CONDITIONS, TPP_RESPONSIBILITY -> ChainDecision.ALLOWED;
            case DIRECT_CONTRACT -> refused(ChainRefusal.DIRECT_CONTRACT_REQUIRED);
        };
    }

    private static ChainDecision refused(ChainRefusal reason) {
        return new ChainDecision.Refused(reason);
    }
}

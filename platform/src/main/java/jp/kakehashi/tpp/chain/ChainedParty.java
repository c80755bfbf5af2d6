package jp.kakehashi.tpp.chain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import jp.kakehashi.tpp.TppApplication.ApiClass;

/**
 * A chained party (API連鎖接続先, F2): a company reaching the bank through a TPP, as registered for that TPP.
 *
 * @param tppId           the TPP it reaches the bank through
 * @param partyId         the identifier the TPP sends in {@link jp.kakehashi.tpp.ChainedPartyHeader}
 * @param name            the company's name
 * @param corporateNumber its 法人番号, may be null
 * @param apiClasses      the API classes calls may be made for it
 * @param registeredBy    who registered it (a staff member, or the TPP's portal account)
 * @param approvedBy      the staff member who approved it, null if not (yet) approved
 * @param approvedAt      when, null if not approved
 * @param allowedFrom     with prior notice: the first business date calls for it are allowed, null without notice
 * @param withdrawnAt     when it was withdrawn, null while registered
 */
public record ChainedParty(String tppId, String partyId, String name, String corporateNumber, Set<ApiClass> apiClasses,
        String registeredBy, Instant registeredAt, String approvedBy, Instant approvedAt, LocalDate allowedFrom,
        Instant withdrawnAt) {

    public ChainedParty {
        apiClasses = Set.copyOf(apiClasses);
    }

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}

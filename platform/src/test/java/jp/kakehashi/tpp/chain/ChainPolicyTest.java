package jp.kakehashi.tpp.chain;

import static jp.kakehashi.tpp.TppApplication.ApiClass.PAYMENT;
import static jp.kakehashi.tpp.TppApplication.ApiClass.READ;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import jp.kakehashi.tpp.TppApplication.ApiClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** F2: each handling the bank can choose decides calls for chained parties as the principles describe. */
class ChainPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @ParameterizedTest
    @EnumSource(ApiClass.class)
    void decideWhenNoHandlingAgreedThenRefusedEvenForRegisteredParty(ApiClass apiClass) {
        assertThat(ChainPolicy.decide(Optional.empty(), Optional.of(party(Set.of(READ, PAYMENT))), apiClass, TODAY))
                .isEqualTo(refused(ChainRefusal.CHAIN_NOT_AGREED));
    }

    @Test
    void decideWhenDirectContractThenEveryPartyRefused() {
        var approved = approved(party(Set.of(READ)));
        assertThat(decide(ChainHandling.DIRECT_CONTRACT, approved, READ))
                .isEqualTo(refused(ChainRefusal.DIRECT_CONTRACT_REQUIRED));
        assertThat(ChainPolicy.decide(Optional.of(ChainHandling.DIRECT_CONTRACT), Optional.empty(), READ, TODAY))
                .isEqualTo(refused(ChainRefusal.DIRECT_CONTRACT_REQUIRED));
    }

    @ParameterizedTest
    @EnumSource(value = ChainHandling.class, names = "DIRECT_CONTRACT", mode = EnumSource.Mode.EXCLUDE)
    void decideWhenPartyUnknownThenRefusedWhateverTheHandling(ChainHandling handling) {
        assertThat(ChainPolicy.decide(Optional.of(handling), Optional.empty(), READ, TODAY))
                .isEqualTo(refused(ChainRefusal.UNKNOWN_CHAINED_PARTY));
    }

    @Test
    void decideWhenApprovalNeededThenAllowedOnlyOnceApproved() {
        assertThat(decide(ChainHandling.APPROVAL, party(Set.of(READ)), READ))
                .isEqualTo(refused(ChainRefusal.NOT_APPROVED));
        assertThat(decide(ChainHandling.APPROVAL, approved(party(Set.of(READ))), READ)).isEqualTo(ChainDecision.ALLOWED);
    }

    @Test
    void decidePriorNoticeWhenDateNotReachedThenRefusedAndFromTheDateAllowed() {
        assertThat(decide(ChainHandling.PRIOR_NOTICE, party(Set.of(READ)), READ))
                .isEqualTo(refused(ChainRefusal.NOTICE_NOT_EFFECTIVE));
        assertThat(decide(ChainHandling.PRIOR_NOTICE, noticed(party(Set.of(READ)), TODAY.plusDays(1)), READ))
                .isEqualTo(refused(ChainRefusal.NOTICE_NOT_EFFECTIVE));
        assertThat(decide(ChainHandling.PRIOR_NOTICE, noticed(party(Set.of(READ)), TODAY), READ))
                .isEqualTo(ChainDecision.ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(value = ChainHandling.class, names = {"CONDITIONS", "TPP_RESPONSIBILITY"})
    void decideWhenConditionsOrTppResponsibilityThenRegisteredPartyAllowedWithoutApproval(ChainHandling handling) {
        assertThat(decide(handling, party(Set.of(READ)), READ)).isEqualTo(ChainDecision.ALLOWED);
    }

    @ParameterizedTest
    @EnumSource(value = ChainHandling.class, names = "DIRECT_CONTRACT", mode = EnumSource.Mode.EXCLUDE)
    void decideWhenPartyRegisteredForReadsOnlyThenPaymentsRefused(ChainHandling handling) {
        var ready = noticed(approved(party(Set.of(READ))), TODAY);
        assertThat(decide(handling, ready, PAYMENT)).isEqualTo(refused(ChainRefusal.API_CLASS_NOT_REGISTERED));
        assertThat(decide(handling, ready, READ)).isEqualTo(ChainDecision.ALLOWED);
    }

    @Test
    void decideWhenPartyWithdrawnThenRefused() {
        var withdrawn = withdrawn(approved(party(Set.of(READ))));
        assertThat(decide(ChainHandling.TPP_RESPONSIBILITY, withdrawn, READ))
                .isEqualTo(refused(ChainRefusal.CHAINED_PARTY_WITHDRAWN));
    }

    private static ChainDecision decide(ChainHandling handling, ChainedParty party, ApiClass apiClass) {
        return ChainPolicy.decide(Optional.of(handling), Optional.of(party), apiClass, TODAY);
    }

    private static ChainDecision refused(ChainRefusal reason) {
        return new ChainDecision.Refused(reason);
    }

    private static ChainedParty party(Set<ApiClass> classes) {
        return new ChainedParty("tpp-1", "party-1", "株式会社連鎖", null, classes, "staff", Instant.EPOCH, null, null,
                null, null);
    }

    private static ChainedParty approved(ChainedParty p) {
        return new ChainedParty(p.tppId(), p.partyId(), p.name(), p.corporateNumber(), p.apiClasses(),
                p.registeredBy(), p.registeredAt(), "approver", Instant.EPOCH, p.allowedFrom(), p.withdrawnAt());
    }

    private static ChainedParty noticed(ChainedParty p, LocalDate from) {
        return new ChainedParty(p.tppId(), p.partyId(), p.name(), p.corporateNumber(), p.apiClasses(),
                p.registeredBy(), p.registeredAt(), p.approvedBy(), p.approvedAt(), from, p.withdrawnAt());
    }

    private static ChainedParty withdrawn(ChainedParty p) {
        return new ChainedParty(p.tppId(), p.partyId(), p.name(), p.corporateNumber(), p.apiClasses(),
                p.registeredBy(), p.registeredAt(), p.approvedBy(), p.approvedAt(), p.allowedFrom(), Instant.EPOCH);
    }
}

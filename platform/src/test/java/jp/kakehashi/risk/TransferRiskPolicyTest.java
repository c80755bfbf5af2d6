package jp.kakehashi.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The fraud rules for transfers (C3), without Spring: which signs confirm, which decline, and their order. */
class TransferRiskPolicyTest {

    private final TransferRiskPolicy policy = new TransferRiskPolicy(
            new TransferRiskProperties(3, 10, 100_000, 20, 50, true));

    private static RiskSignals signals(Integer authFailures, Set<String> invalid) {
        return new RiskSignals(UUID.randomUUID(), false, "203.0.113.7", "Mozilla/5.0", Instant.now(), authFailures,
                "198.51.100.1", invalid);
    }

    private static final BooleanSupplier YES = () -> true;
    private static final BooleanSupplier NO = () -> false;
    private static final BooleanSupplier NEVER_ASKED = () -> {
        throw new AssertionError("the rule should not have needed this lookup");
    };

    private RiskDecision assess(RiskSignals signals, long amount, BooleanSupplier payeeKnown, BooleanSupplier own,
            int recent) {
        return policy.assess(new TransferRiskFacts(signals, amount, payeeKnown, own, recent));
    }

    @Test
    void assessWhenNothingUnusualThenAllowedWithoutLookingUpThePayee() {
        assertThat(assess(signals(0, Set.of()), 100_000, NEVER_ASKED, NEVER_ASKED, 0))
                .isEqualTo(new RiskDecision.Allow());
        assertThat(assess(null, 5_000, NEVER_ASKED, NEVER_ASKED, 19)).isEqualTo(new RiskDecision.Allow());
    }

    @Test
    void assessWhenTheTppReportsFailedSignInsThenConfirmFromThreeAndDeclineFromTen() {
        assertThat(assess(signals(2, Set.of()), 1_000, NO, NO, 0)).isEqualTo(new RiskDecision.Allow());
        assertThat(assess(signals(3, Set.of()), 1_000, NO, NO, 0))
                .isEqualTo(new RiskDecision.Confirm(RiskReason.TPP_REPORTED_AUTH_FAILURES));
        assertThat(assess(signals(10, Set.of()), 1_000, NO, NO, 0))
                .isEqualTo(new RiskDecision.Decline(RiskReason.TPP_REPORTED_AUTH_FAILURES));
    }

    @Test
    void assessWhenAFirstLargeTransferToANewPayeeThenConfirmUnlessKnownOrOwnAccount() {
        assertThat(assess(signals(0, Set.of()), 100_001, NO, NO, 0))
                .isEqualTo(new RiskDecision.Confirm(RiskReason.NEW_PAYEE_LARGE_AMOUNT));
        assertThat(assess(signals(0, Set.of()), 100_001, YES, NO, 0)).isEqualTo(new RiskDecision.Allow());
        assertThat(assess(signals(0, Set.of()), 100_001, NEVER_ASKED, YES, 0)).isEqualTo(new RiskDecision.Allow());
    }

    @Test
    void assessWhenManyTransfersInTheLastHourThenConfirmThenDecline() {
        assertThat(assess(signals(0, Set.of()), 1_000, NO, NO, 20))
                .isEqualTo(new RiskDecision.Confirm(RiskReason.UNUSUAL_TRANSFER_FREQUENCY));
        assertThat(assess(signals(0, Set.of()), 1_000, NO, NO, 50))
                .isEqualTo(new RiskDecision.Decline(RiskReason.UNUSUAL_TRANSFER_FREQUENCY));
        assertThat(policy.recentTransfersBound()).isEqualTo(50);
    }

    @Test
    void assessWhenRiskHeadersWereMalformedThenConfirm() {
        assertThat(assess(signals(null, Set.of("x-fapi-customer-ip-address")), 1_000, NO, NO, 0))
                .isEqualTo(new RiskDecision.Confirm(RiskReason.INVALID_RISK_SIGNALS));
    }

    @Test
    void assessWhenARuleIsSwitchedOffWithZeroThenItNeverFires() {
        var off = new TransferRiskPolicy(new TransferRiskProperties(0, 0, 0, 0, 0, false));

        assertThat(off.assess(new TransferRiskFacts(signals(99, Set.of("x")), 9_000_000, NO, NO, 10_000)))
                .isEqualTo(new RiskDecision.Allow());
    }
}

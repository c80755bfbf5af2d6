package jp.kakehashi.banking.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import jp.kakehashi.banking.transfer.TransferLimitPolicy.Limit;
import jp.kakehashi.shared.TppId;
import jp.kakehashi.shared.Yen;
import org.junit.jupiter.api.Test;

/** The payment policy's limits (B10) and their inheritance, without Spring. */
class TransferLimitPolicyTest {

    private final TransferLimitPolicy policy = new TransferLimitPolicy(
            new TransferLimits(1_000_000L, 2_000_000L, 10_000_000L, false, 500_000L),
            Map.of("CORPORATE", new TransferLimits(10_000_000L, 50_000_000L, null, null, null)),
            Map.of("tpp-small", new TransferLimits(5_000L, null, null, true, 1_000L)));

    @Test
    void limitsForWhenNoOverrideThenTheDefaults() {
        assertThat(policy.limitsFor(new TppId("tpp-other"), "INDIVIDUAL"))
                .isEqualTo(new TransferLimits(1_000_000L, 2_000_000L, 10_000_000L, false, 500_000L));
    }

    @Test
    void limitsForWhenSegmentAndTppOverrideThenTppOverSegmentOverDefaultsFieldByField() {
        assertThat(policy.limitsFor(null, "CORPORATE"))
                .isEqualTo(new TransferLimits(10_000_000L, 50_000_000L, 10_000_000L, false, 500_000L));
        assertThat(policy.limitsFor(new TppId("tpp-small"), "CORPORATE"))
                .isEqualTo(new TransferLimits(5_000L, 50_000_000L, 10_000_000L, true, 1_000L));
    }

    @Test
    void limitsForWhenNothingConfiguredThenUnlimited() {
        var none = new TransferLimitPolicy(null, Map.of(), Map.of()).limitsFor(new TppId("any"), null);

        assertThat(none).isEqualTo(TransferLimits.NONE);
        assertThat(TransferLimitPolicy.checkAmount(none, new Yen(9_999_999_999L))).isEmpty();
        assertThat(none.needsConfirmation(new Yen(9_999_999_999L))).isFalse();
    }

    @Test
    void limitsForWhenSignedInWithAPasswordOnlyThenCappedButNeverRaised() {
        var capped = new TransferLimitPolicy(new TransferLimits(1_000_000L, 2_000_000L, 10_000_000L, false, 500_000L),
                Map.of(), Map.of("tpp-small", new TransferLimits(5_000L, null, null, null, null)),
                new TransferLimits(50_000L, 100_000L, null, true, 10_000L));

        assertThat(capped.limitsFor(new TppId("tpp-other"), "INDIVIDUAL", true))
                .isEqualTo(new TransferLimits(1_000_000L, 2_000_000L, 10_000_000L, false, 500_000L));
        assertThat(capped.limitsFor(new TppId("tpp-other"), "INDIVIDUAL", false))
                .isEqualTo(new TransferLimits(50_000L, 100_000L, 10_000_000L, true, 10_000L));
        assertThat(capped.limitsFor(new TppId("tpp-small"), "INDIVIDUAL", false).perTransfer()).isEqualTo(5_000L);
    }

    @Test
    void needsConfirmationWhenAboveTheAmountThenYesAndAtTheAmountNo() {
        TransferLimits limits = policy.limitsFor(new TppId("tpp-other"), "INDIVIDUAL");

        assertThat(limits.needsConfirmation(new Yen(500_000L))).isFalse();
        assertThat(limits.needsConfirmation(new Yen(500_001L))).isTrue();
    }

    @Test
    void checkAmountWhenAtTheLimitThenAllowedAndOneYenMoreRefused() {
        var limits = policy.limitsFor(null, null);

        assertThat(TransferLimitPolicy.checkAmount(limits, new Yen(1_000_000))).isEmpty();
        assertThat(TransferLimitPolicy.checkAmount(limits, new Yen(1_000_001))).contains(Limit.PER_TRANSFER);
    }

    @Test
    void checkTotalsWhenTodayOrThisMonthWouldPassTheLimitThenThatLimitIsNamed() {
        var limits = policy.limitsFor(null, null);

        assertThat(TransferLimitPolicy.checkTotals(limits, new Yen(500_000), new Yen(1_500_000), new Yen(1_500_000)))
                .isEmpty();
        assertThat(TransferLimitPolicy.checkTotals(limits, new Yen(500_001), new Yen(1_500_000), new Yen(1_500_000)))
                .contains(Limit.DAILY);
        assertThat(TransferLimitPolicy.checkTotals(limits, new Yen(100_000), new Yen(0), new Yen(9_900_001)))
                .contains(Limit.MONTHLY);
        assertThat(TransferLimitPolicy.checkTotals(limits, new Yen(100_000), new Yen(0), new Yen(9_900_000)))
                .isEmpty();
    }
}

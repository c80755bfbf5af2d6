package jp.kakehashi.banking.transfer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transfer fees (振込手数料, each bank's own table) by route and amount band, without Spring. */
class FeeTableTest {

    @ParameterizedTest(name = "{0} {1} yen → {2} yen")
    @CsvSource(textBlock = """
            SAME_BRANCH, 1,          0
            SAME_BRANCH, 29999,      0
            SAME_BRANCH, 30000,      0
            SAME_BANK,   29999,      110
            SAME_BANK,   30000,      110
            OTHER_BANK,  1,          220
            OTHER_BANK,  29999,      220
            OTHER_BANK,  30000,      330
            OTHER_BANK,  9999999999, 330
            """)
    void feeForWhenDemoTableThenFeeOfRouteAndBand(TransferRoute route, long amount, long fee) {
        assertThat(FeeTable.demo().feeFor(route, amount)).isEqualTo(fee);
    }

    @Test
    void feeForWhenConfiguredTableThenItsValuesAndThreshold() {
        var table = new FeeTable(10_000, new FeeTable.Fees(1, 2), new FeeTable.Fees(3, 4), new FeeTable.Fees(5, 6));
        assertThat(table.feeFor(TransferRoute.SAME_BRANCH, 9_999)).isEqualTo(1);
        assertThat(table.feeFor(TransferRoute.SAME_BRANCH, 10_000)).isEqualTo(2);
        assertThat(table.feeFor(TransferRoute.SAME_BANK, 9_999)).isEqualTo(3);
        assertThat(table.feeFor(TransferRoute.SAME_BANK, 10_000)).isEqualTo(4);
        assertThat(table.feeFor(TransferRoute.OTHER_BANK, 9_999)).isEqualTo(5);
        assertThat(table.feeFor(TransferRoute.OTHER_BANK, 10_000)).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource(textBlock = """
            0005, 123, SAME_BRANCH
            0005, 001, SAME_BANK
            0001, 123, OTHER_BANK
            """)
    void ofWhenPayeeBankAndBranchThenRoute(String bankCode, String branchCode, TransferRoute route) {
        var payee = new Payee(bankCode, branchCode, AccountType.ORDINARY, "1234567", "ﾔﾏﾀﾞ");
        assertThat(TransferRoute.of("0005", "123", payee)).isEqualTo(route);
    }

    @Test
    void constructorsWhenNegativeFeeOrThresholdBelowOneThenRefused() {
        assertThatThrownBy(() -> new FeeTable.Fees(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        var fees = new FeeTable.Fees(0, 0);
        assertThatThrownBy(() -> new FeeTable(0, fees, fees, fees)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeeTable.demo().feeFor(TransferRoute.SAME_BANK, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

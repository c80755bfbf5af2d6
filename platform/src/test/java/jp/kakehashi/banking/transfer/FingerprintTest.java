package jp.kakehashi.banking.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.kakehashi.banking.transfer.rules.TransferItemInput;
import org.junit.jupiter.api.Test;

/** Which requests count as the same request under an idempotency key (payment correctness), without Spring. */
class FingerprintTest {

    private static TransferOrder order(String remitter, String amount) {
        return new TransferOrder("001011234567", remitter, null, null, "1", amount, List.of(new TransferItemInput("1",
                "0999", "102", "1", "3456789", "ｻﾄｳ ﾊﾅｺ", amount, null)));
    }

    @Test
    void ofWhenRequestsAreEqualThenFingerprintsAreEqual() {
        assertThat(Fingerprint.of("C0001", order(null, "5000"))).isEqualTo(Fingerprint.of("C0001", order(null, "5000")))
                .hasSize(64);
    }

    @Test
    void ofWhenAnyFieldOrTheCustomerDiffersThenFingerprintsDiffer() {
        String original = Fingerprint.of("C0001", order(null, "5000"));

        assertThat(Fingerprint.of("C0001", order(null, "5001"))).isNotEqualTo(original);
        assertThat(Fingerprint.of("C0002", order(null, "5000"))).isNotEqualTo(original);
        assertThat(Fingerprint.of("C0001", order("", "5000"))).as("empty is not absent").isNotEqualTo(original);
    }

    @Test
    void ofWhenFieldBoundariesMoveThenFingerprintsDiffer() {
        var a = new TransferOrder("ab", "c", null, null, "1", "1", List.of());
        var b = new TransferOrder("a", "bc", null, null, "1", "1", List.of());

        assertThat(Fingerprint.of("C0001", a)).isNotEqualTo(Fingerprint.of("C0001", b));
    }
}

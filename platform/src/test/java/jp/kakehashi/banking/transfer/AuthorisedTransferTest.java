package jp.kakehashi.banking.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.kakehashi.banking.transfer.rules.AccountType;
import jp.kakehashi.banking.transfer.rules.Payee;
import jp.kakehashi.banking.transfer.rules.TransferItem;
import jp.kakehashi.banking.transfer.rules.ValidTransfer;
import jp.kakehashi.shared.Yen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A grant approved for one transfer (RFC 9396) allows exactly that transfer (B5), without Spring. */
class AuthorisedTransferTest {

    private static final Map<String, Object> DETAIL = Map.of("type", "kakehashi_transfer",
            "instructedAmount", Map.of("currency", "JPY", "amount", "15000"),
            "debtorAccount", Map.of("accountId", "001011234567"),
            "creditor", Map.of("bankCode", "0999", "branchCode", "102", "accountTypeCode", "1",
                    "accountNumber", "3456789", "name", "ｻﾄｳ ﾊﾅｺ"));

    private static Quote.Priced priced(String account, long amount, String bank, String number, String name) {
        var payee = new Payee(bank, "102", AccountType.ORDINARY, number, name);
        return new Quote.Priced(account, new ValidTransfer(null, List.of(new TransferItem(1, payee, amount, ""))),
                LocalDate.of(2026, 4, 15), List.of(new Quote.ItemFee(1, new Yen(110), name)));
    }

    @Test
    void ofWhenGrantHasNoTransferDetailThenEmpty() {
        assertThat(AuthorisedTransfer.of(List.of())).isEmpty();
        assertThat(AuthorisedTransfer.of(List.of(Map.of("type", "other")))).isEmpty();
    }

    @Test
    void allowsWhenRequestIsTheApprovedTransferThenTrue() {
        var approved = AuthorisedTransfer.of(List.of(DETAIL)).orElseThrow();

        assertThat(approved.allows(priced("001011234567", 15000, "0999", "3456789", "ｻﾄｳ ﾊﾅｺ"))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            another amount,   001011234567, 15001, 0999, 3456789, ｻﾄｳ ﾊﾅｺ
            another debtor,   101017654321, 15000, 0999, 3456789, ｻﾄｳ ﾊﾅｺ
            another bank,     001011234567, 15000, 0005, 3456789, ｻﾄｳ ﾊﾅｺ
            another account,  001011234567, 15000, 0999, 3456780, ｻﾄｳ ﾊﾅｺ
            another name,     001011234567, 15000, 0999, 3456789, ｽｽﾞｷ ｲﾁﾛｳ
            """)
    void allowsWhenAnythingDiffersThenFalse(String what, String account, long amount, String bank, String number,
            String name) {
        var approved = AuthorisedTransfer.of(List.of(DETAIL)).orElseThrow();

        assertThat(approved.allows(priced(account, amount, bank, number, name))).as(what).isFalse();
    }
}

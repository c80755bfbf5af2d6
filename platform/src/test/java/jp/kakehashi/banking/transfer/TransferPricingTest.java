package jp.kakehashi.banking.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import jp.kakehashi.banking.transfer.rules.TransferItemInput;
import jp.kakehashi.banking.transfer.rules.ViolationCode;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CustomerId;
import jp.kakehashi.shared.BusinessClock;
import jp.kakehashi.shared.Yen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 振込手数料照会 (Zengin rules, the bank's fee table) without Spring: totals, one item, execution date and fee by route, every
 * violation at once.
 */
class TransferPricingTest {

    private static final String BANK = "0999";
    private static final Account DEBIT = new Account(new AccountId("001011234567"), new CustomerId("C0001"), "001",
            "本店営業部", "01", "普通", "1234567", "ﾔﾏﾀﾞ ﾀﾛｳ", "山田 太郎", "JPY", LocalDate.of(2020, 1, 6));

    /** Wednesday 2026-04-15 at 10:00 in Tokyo: before the cut-off on a business day. */
    private final TransferPricing pricing = pricingAt("2026-04-15T10:00");

    private static TransferPricing pricingAt(String tokyoDateTime) {
        var instant = LocalDateTime.parse(tokyoDateTime).atZone(BusinessClock.TOKYO).toInstant();
        var properties = new TransferProperties(LocalTime.of(15, 0), 30, Set.of(), null, false, null, null);
        return new TransferPricing(BANK, properties, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static TransferItemInput item(String itemId, String bank, String branch, String amount, String name) {
        return new TransferItemInput(itemId, bank, branch, "1", "7654321", name, amount, null);
    }

    private static TransferOrder order(String date, String count, String total, TransferItemInput... items) {
        return new TransferOrder("001011234567", null, date, null, count, total, List.of(items));
    }

    @ParameterizedTest(name = "{0}/{1}, {2} yen → fee {3}")
    @CsvSource(textBlock = """
            0999, 001, 29999, 0
            0999, 101, 30000, 110
            0005, 001, 29999, 220
            0005, 001, 30000, 330
            """)
    void quoteWhenValidThenFeeFollowsRouteAndAmountBand(String bank, String branch, String amount, long fee) {
        var quote = pricing.quote(DEBIT, order(null, "1", amount, item("1", bank, branch, amount, "ｻﾄｳ ﾊﾅｺ")));

        assertThat(quote).isInstanceOfSatisfying(Quote.Priced.class, priced -> {
            assertThat(priced.totalFee()).isEqualTo(new Yen(fee));
            assertThat(priced.fees()).containsExactly(new Quote.ItemFee(1, new Yen(fee), "ｻﾄｳ ﾊﾅｺ"));
            assertThat(priced.executionDate()).isEqualTo(LocalDate.of(2026, 4, 15));
            assertThat(priced.accountId()).isEqualTo("001011234567");
        });
    }

    @Test
    void quoteWhenNameIsFullWidthThenItIsNormalisedToZengin() {
        var quote = pricing.quote(DEBIT, order(null, "1", "5000", item("1", BANK, "101", "5000", "サトウ　ハナコ")));

        assertThat(((Quote.Priced) quote).fees().getFirst().beneficiaryName()).isEqualTo("ｻﾄｳ ﾊﾅｺ");
    }

    @Test
    void quoteWhenAfterCutOffThenExecutionMovesToNextBusinessDay() {
        var quote = pricingAt("2026-04-17T15:30").quote(DEBIT,
                order(null, "1", "5000", item("1", BANK, "101", "5000", "ｻﾄｳ ﾊﾅｺ")));

        assertThat(((Quote.Priced) quote).executionDate()).isEqualTo(LocalDate.of(2026, 4, 20));
    }

    @Test
    void quoteWhenSandboxIsOpenAlwaysThenASaturdayEveningTransferRunsThatDay() {
        var instant = LocalDateTime.parse("2026-04-18T22:00").atZone(BusinessClock.TOKYO).toInstant();
        var sandbox = new TransferPricing(BANK,
                new TransferProperties(LocalTime.of(15, 0), 30, Set.of(), null, true, null, null),
                Clock.fixed(instant, ZoneOffset.UTC));

        var quote = sandbox.quote(DEBIT, order(null, "1", "5000", item("1", BANK, "101", "5000", "ｻﾄｳ ﾊﾅｺ")));

        assertThat(((Quote.Priced) quote).executionDate()).isEqualTo(LocalDate.of(2026, 4, 18));
    }

    @Test
    void quoteWhenTotalsDoNotMatchThenBothAreReported() {
        var quote = pricing.quote(DEBIT, order(null, "2", "5001", item("1", BANK, "101", "5000", "ｻﾄｳ ﾊﾅｺ")));

        assertThat(quote).isInstanceOfSatisfying(Quote.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(Quote.Reason.INVALID);
            assertThat(refused.violations()).extracting(v -> v.code(), v -> v.field()).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(ViolationCode.TOTAL_COUNT_MISMATCH, "totalCount"),
                    org.assertj.core.groups.Tuple.tuple(ViolationCode.TOTAL_AMOUNT_MISMATCH, "totalAmount"));
        });
    }

    @Test
    void quoteWhenFieldsAndDateAreWrongThenEveryViolationIsReportedWithItsItem() {
        var quote = pricing.quote(DEBIT, order("2026-02-30", "1", "5000",
                item("1", "99", "101", "5000", "ｻﾄｳ ﾊﾅｺ")));

        assertThat(((Quote.Refused) quote).violations()).extracting(v -> v.code(), v -> v.itemId()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ViolationCode.BANK_CODE_INVALID, "1"),
                org.assertj.core.groups.Tuple.tuple(ViolationCode.TRANSFER_DATE_INVALID, null));
    }

    @Test
    void quoteWhenDateIsInThePastThenRefusedWithTheDateRule() {
        var quote = pricing.quote(DEBIT, order("2026-04-14", "1", "5000", item("1", BANK, "101", "5000", "ｻﾄｳ")));

        assertThat(((Quote.Refused) quote).violations()).extracting(v -> v.code())
                .containsExactly(ViolationCode.TRANSFER_DATE_IN_PAST);
    }

    @Test
    void quoteWhenMoreThanOneItemThenRefusedAsNotSupported() {
        var quote = pricing.quote(DEBIT, order(null, "2", "10000", item("1", BANK, "101", "5000", "ｻﾄｳ"),
                item("2", BANK, "101", "5000", "ｽｽﾞｷ")));

        assertThat(quote).isEqualTo(new Quote.Refused(Quote.Reason.MULTIPLE_TRANSFERS_NOT_SUPPORTED, List.of()));
    }

    @Test
    void quoteWhenNoItemThenItemCountIsRefused() {
        var quote = pricing.quote(DEBIT, order(null, "0", "0"));

        assertThat(((Quote.Refused) quote).violations()).extracting(v -> v.code())
                .contains(ViolationCode.ITEM_COUNT_INVALID);
    }
}

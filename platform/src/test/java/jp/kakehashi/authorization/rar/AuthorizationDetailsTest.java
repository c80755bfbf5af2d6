package jp.kakehashi.authorization.rar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationDetailsTest {

    private static final String CREDITOR = """
            "creditor":{"bankCode":"0999","branchCode":"101","accountTypeCode":"1","accountNumber":"7654321",\
            "name":"ｻﾄｳ ﾊﾅｺ"}""";

    private static String transfer(String amount, String extra) {
        return "[{\"type\":\"kakehashi_transfer\",\"instructedAmount\":{\"currency\":\"JPY\",\"amount\":\"" + amount
                + "\"}," + CREDITOR + extra + "}]";
    }

    @Test
    void transferOfWhenParameterIsAbsentThenEmpty() {
        assertThat(AuthorizationDetails.transferOf(null)).isEmpty();
    }

    @Test
    void transferOfWhenDetailIsCompleteThenReadsEveryField() {
        var detail = AuthorizationDetails.transferOf(transfer("9999999999",
                ",\"debtorAccount\":{\"accountId\":\"001011234567\"},\"remittanceInformation\":\"ｾｲｷﾕｳ 123\""))
                .orElseThrow();

        assertThat(detail.amountYen()).isEqualTo(9_999_999_999L);
        assertThat(detail.debtorAccountId()).isEqualTo("001011234567");
        assertThat(detail.creditor()).isEqualTo(new TransferDetail.Creditor("0999", "101", "1", "7654321", "ｻﾄｳ ﾊﾅｺ"));
        assertThat(detail.remittanceInformation()).isEqualTo("ｾｲｷﾕｳ 123");
    }

    @Test
    void toJsonWhenDebtorIsFilledInThenHasTheRequestShapeWithTheDebtor() {
        var detail = AuthorizationDetails.transferOf(transfer("1", "")).orElseThrow().withDebtor("101017654321");

        assertThat(detail.toJson()).containsEntry("type", "kakehashi_transfer")
                .containsEntry("instructedAmount", Map.of("currency", "JPY", "amount", "1"))
                .containsEntry("debtorAccount", Map.of("accountId", "101017654321"))
                .doesNotContainKey("remittanceInformation");
    }

    @Test
    void transferOfWhenAmountHasTenDigitsAboveLimitOrLeadingZeroThenRefused() {
        for (String amount : new String[] {"10000000000", "015000", "-1", "1.5", ""}) {
            assertThatThrownBy(() -> AuthorizationDetails.transferOf(transfer(amount, "")))
                    .as(amount).isInstanceOf(InvalidAuthorizationDetails.class).hasMessageContaining("amount");
        }
    }

    @Test
    void transferOfWhenCreditorFieldBreaksZenginRulesThenRefused() {
        String[][] cases = {{"\"0999\"", "\"999\""}, {"\"101\"", "\"1010\""}, {"\"accountTypeCode\":\"1\"",
                "\"accountTypeCode\":\"3\""}, {"\"7654321\"", "\"765432\""}, {"ｻﾄｳ ﾊﾅｺ", "佐藤 花子"},
                {"ｻﾄｳ ﾊﾅｺ", "ｻﾄｳ ﾊﾅｺｻﾄｳ ﾊﾅｺｻﾄｳ ﾊﾅｺｻﾄｳ ﾊﾅｺｻﾄｳ ﾊﾅｺ"}, {"ｻﾄｳ ﾊﾅｺ", "ｻﾄｳ ﾊﾅｺ*"}};
        for (String[] change : cases) {
            String json = transfer("100", "").replace(change[0], change[1]);
            assertThatThrownBy(() -> AuthorizationDetails.transferOf(json)).as(change[1])
                    .isInstanceOf(InvalidAuthorizationDetails.class).hasMessageContaining("creditor.");
        }
    }

    @Test
    void transferOfWhenRemittanceHasCommaThenRefused() {
        assertThatThrownBy(() -> AuthorizationDetails.transferOf(transfer("100", ",\"remittanceInformation\":\"A,B\"")))
                .isInstanceOf(InvalidAuthorizationDetails.class).hasMessage("remittanceInformation is not valid");
    }

    @Test
    void transferOfWhenKeyIsDuplicatedThenRefused() {
        String json = transfer("100", "").replace("\"amount\":\"100\"", "\"amount\":\"100\",\"amount\":\"900000\"");

        assertThatThrownBy(() -> AuthorizationDetails.transferOf(json))
                .isInstanceOf(InvalidAuthorizationDetails.class).hasMessage("authorization_details is not valid JSON");
    }

    @Test
    void transferOfWhenSentTwiceThenRefused() {
        assertThatThrownBy(() -> AuthorizationDetails.transferOf(new String[] {transfer("1", ""), transfer("2", "")}))
                .isInstanceOf(InvalidAuthorizationDetails.class).hasMessage("authorization_details must be sent once");
    }

    @Test
    void transferOfWhenTypeIsMissingThenRefused() {
        assertThatThrownBy(() -> AuthorizationDetails.transferOf("[{\"instructedAmount\":{}}]"))
                .isInstanceOf(InvalidAuthorizationDetails.class).hasMessage("every authorization detail needs a type");
    }

    @Test
    void transferOfWhenDebtorAccountIdIsMalformedThenRefused() {
        assertThatThrownBy(() -> AuthorizationDetails.transferOf(transfer("1",
                ",\"debtorAccount\":{\"accountId\":\"../1\"}")))
                .isInstanceOf(InvalidAuthorizationDetails.class).hasMessage("debtorAccount.accountId is not valid");
    }
}

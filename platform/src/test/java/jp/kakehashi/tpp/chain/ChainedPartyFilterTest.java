package jp.kakehashi.tpp.chain;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kakehashi.tpp.TppApplication.ApiClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** F2: which API class a /v1 call belongs to, so that reads and payments can be handled differently. */
class ChainedPartyFilterTest {

    @ParameterizedTest
    @CsvSource({"POST,/v1/transfers,PAYMENT", "GET,/v1/transfers/T-1,PAYMENT", "POST,/v1/transfers/fee,PAYMENT",
            "GET,/v1/accounts,READ", "GET,/v1/accounts/001/transactions,READ", "GET,/v1/transfersx,READ"})
    void apiClassOfWhenPathGivenThenTransfersArePaymentsAndTheRestReads(String method, String path, ApiClass expected) {
        assertThat(ChainedPartyFilter.apiClassOf(new MockHttpServletRequest(method, path))).isEqualTo(expected);
    }
}

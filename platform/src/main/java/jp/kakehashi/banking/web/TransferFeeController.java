package jp.kakehashi.banking.web;

import java.util.List;
import jp.kakehashi.banking.transfer.Quote;
import jp.kakehashi.banking.transfer.TransferQuotes;
import jp.kakehashi.shared.ApiCaller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * 振込手数料照会 (B10, Zengin rules): validates and prices a transfer request without side effects, so a TPP can show the
 * customer the fee and the execution date before asking to transfer. The {@code transfers} scope is checked by the
 * resource server's chain; the debit account must be one the grant covers, refused like a read otherwise.
 */
@RestController
class TransferFeeController {

    private final ConsentedAccounts consents;
    private final TransferQuotes quotes;
    private final TransferOrderReader orders;

    TransferFeeController(ConsentedAccounts consents, TransferQuotes quotes, TransferOrderReader orders) {
        this.orders = orders;
        this.consents = consents;
        this.quotes = quotes;
    }

    /** Priced like the transfer request itself ({@link TransferQuotes}); a refusal here is not audited. */
    @PostMapping("/v1/transfers/fee")
    FeeView fee(ApiCaller caller, @RequestBody JsonNode body) {
        CallerConsent consent = consents.of(caller);
        return switch (quotes.quote(consent.customerId(), consent.accountIds(), orders.read(body))) {
            case TransferQuotes.Priced priced -> FeeView.of(priced.quote());
            case TransferQuotes.Refused refused -> throw TransferRefusalAnswers.of(refused.refusal());
        };
    }

    /** Amounts are digit strings of whole yen, as the GMO-style API writes them. */
    record FeeView(String accountId, String totalFee, List<FeeDetail> transferFeeDetails, String executionDate) {

        static FeeView of(Quote.Priced priced) {
            return new FeeView(priced.accountId(), priced.totalFee().toString(),
                    priced.fees().stream().map(FeeDetail::of).toList(), priced.executionDate().toString());
        }
    }

    /** @param beneficiaryName the name as the bank will send it: Zengin characters (half-width kana) */
    record FeeDetail(String itemId, String transferFee, String beneficiaryName) {

        static FeeDetail of(Quote.ItemFee fee) {
            return new FeeDetail(Integer.toString(fee.itemId()), fee.fee().toString(), fee.beneficiaryName());
        }
    }
}

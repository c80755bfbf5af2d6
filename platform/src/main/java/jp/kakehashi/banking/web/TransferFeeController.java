package jp.kakehashi.banking.web;

import java.util.List;
import jp.kakehashi.banking.transfer.Quote;
import jp.kakehashi.banking.transfer.TransferOrder;
import jp.kakehashi.banking.transfer.TransferPricing;
import jp.kakehashi.banking.transfer.rules.Violation;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.shared.ApiError;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

    private final CoreBanking coreBanking;
    private final ConsentedAccounts consents;
    private final BankingProperties properties;
    private final TransferPricing pricing;
    private final TransferOrderReader orders;

    TransferFeeController(CoreBanking coreBanking, ConsentedAccounts consents, BankingProperties properties,
            TransferPricing pricing, TransferOrderReader orders) {
        this.orders = orders;
        this.coreBanking = coreBanking;
        this.consents = consents;
        this.properties = properties;
        this.pricing = pricing;
    }

    @PostMapping("/v1/transfers/fee")
    FeeView fee(@AuthenticationPrincipal Jwt token, @RequestBody JsonNode body) {
        return FeeView.of(priced(consents.of(token), orders.read(body), coreBanking, properties, pricing));
    }

    /** The priced request, or the API's refusal: shared with the transfer request itself. */
    static Quote.Priced priced(CallerConsent consent, TransferOrder order, CoreBanking coreBanking,
            BankingProperties properties, TransferPricing pricing) {
        if (order.accountId() == null) {
            throw ApiException.invalidParameter("accountId", "accountId is required");
        }
        String id = consent.consentedAccount(order.accountId(), properties.accountIdPattern());
        // the consent screen offered only the customer's accounts; the core confirms it is still theirs
        Account debit = coreBanking.account(new AccountId(id))
                .filter(a -> a.customerId().value().equals(consent.customerId()))
                .orElseThrow(ApiException::accountNotFound);
        return switch (pricing.quote(debit, order)) {
            case Quote.Priced priced -> priced;
            case Quote.Refused refused -> throw switch (refused.reason()) {
                case MULTIPLE_TRANSFERS_NOT_SUPPORTED -> ApiException.multipleTransfersNotSupported();
                case INVALID -> ApiException.invalidTransfer(refused.violations().stream()
                        .map(TransferFeeController::detail).toList());
            };
        };
    }

    private static ApiError.Detail detail(Violation v) {
        return new ApiError.Detail(v.code().name(), v.messageJa(), v.itemId(), v.field());
    }

    /** Amounts are digit strings of whole yen, as the GMO-style API writes them. */
    record FeeView(String accountId, String totalFee, List<FeeDetail> transferFeeDetails, String executionDate) {

        static FeeView of(Quote.Priced priced) {
            return new FeeView(priced.accountId(), Long.toString(priced.totalFee()),
                    priced.fees().stream().map(FeeDetail::of).toList(), priced.executionDate().toString());
        }
    }

    /** @param beneficiaryName the name as the bank will send it: Zengin characters (half-width kana) */
    record FeeDetail(String itemId, String transferFee, String beneficiaryName) {

        static FeeDetail of(Quote.ItemFee fee) {
            return new FeeDetail(Integer.toString(fee.itemId()), Long.toString(fee.fee()), fee.beneficiaryName());
        }
    }
}

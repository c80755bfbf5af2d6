package jp.kakehashi.banking.transfer;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.kakehashi.banking.BankingProperties;
import jp.kakehashi.corebanking.spi.Account;
import jp.kakehashi.corebanking.spi.AccountId;
import jp.kakehashi.corebanking.spi.CoreBanking;
import org.springframework.stereotype.Component;

/**
 * Prices a transfer request for a caller (振込手数料照会, B10): the debit account must be one the caller's grant covers
 * and still the customer's at the core, then {@link TransferPricing} applies the Zengin rules. Shared by the fee
 * inquiry and the {@link TransferDesk}, so that both refuse a request alike.
 */
@Component
public class TransferQuotes {

    private final CoreBanking coreBanking;
    private final TransferPricing pricing;
    private final Pattern accountIdFormat;

    TransferQuotes(CoreBanking coreBanking, TransferPricing pricing, BankingProperties properties) {
        this.coreBanking = coreBanking;
        this.pricing = pricing;
        this.accountIdFormat = properties.accountIdPattern();
    }

    /** The request priced, or why not. */
    public sealed interface Pricing {
    }

    /** Priced: the fee and execution date of a request from a consented account. */
    public record Priced(Quote.Priced quote) implements Pricing {
    }

    /** Refused before pricing, or by the Zengin rules. */
    public record Refused(TransferOutcome.Refused refusal) implements Pricing {
    }

    /**
     * @param customerId the grant's customer
     * @param accountIds the accounts the customer chose for the grant (D1)
     */
    public Pricing quote(String customerId, List<String> accountIds, TransferOrder order) {
        if (order.accountId() == null) {
            return new Refused(new TransferOutcome.InvalidParameter("accountId", "accountId is required"));
        }
        if (!accountIdFormat.matcher(order.accountId()).matches()) {
            return new Refused(new TransferOutcome.InvalidParameter("accountId",
                    "accountId is not an account id of this bank"));
        }
        // a missing account, another customer's and a not-consented one are refused alike (no BOLA)
        if (!accountIds.contains(order.accountId())) {
            return new Refused(new TransferOutcome.AccountNotFound());
        }
        // the consent screen offered only the customer's accounts; the core confirms it is still theirs
        Optional<Account> debit = coreBanking.account(new AccountId(order.accountId()))
                .filter(a -> a.customerId().value().equals(customerId));
        if (debit.isEmpty()) {
            return new Refused(new TransferOutcome.AccountNotFound());
        }
        return switch (pricing.quote(debit.get(), order)) {
            case Quote.Priced priced -> new Priced(priced);
            case Quote.Refused refused -> new Refused(switch (refused.reason()) {
                case MULTIPLE_TRANSFERS_NOT_SUPPORTED -> new TransferOutcome.MultipleTransfersNotSupported();
                case INVALID -> new TransferOutcome.InvalidTransfer(refused.violations());
            });
        };
    }
}

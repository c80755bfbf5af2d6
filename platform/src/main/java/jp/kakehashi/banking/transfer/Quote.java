package jp.kakehashi.banking.transfer;

import java.time.LocalDate;
import java.util.List;
import jp.kakehashi.banking.transfer.rules.ValidTransfer;
import jp.kakehashi.banking.transfer.rules.Violation;
import jp.kakehashi.shared.Yen;

/**
 * The bank's answer to a transfer request before any money moves (振込手数料照会, Zengin rules): priced, or refused with
 * every reason found.
 */
public sealed interface Quote {

    /**
     * The request is valid and priced.
     *
     * @param transfer      the request in Zengin form (names converted)
     * @param executionDate the day the transfer runs (振込実行日), after cut-off and holidays
     * @param fees          the fee of each item in request order
     */
    record Priced(String accountId, ValidTransfer transfer, LocalDate executionDate, List<ItemFee> fees)
            implements Quote {

        public Priced {
            fees = List.copyOf(fees);
        }

        public Yen totalFee() {
            return fees.stream().map(ItemFee::fee).reduce(Yen.ZERO, Yen::plus);
        }
    }

    /** The fee of one item, with the beneficiary name as it will be sent (Zengin characters). */
    record ItemFee(int itemId, Yen fee, String beneficiaryName) {
    }

    /** Refused: the request breaks the rules ({@link Reason#INVALID}, with violations) or asks what is not offered. */
    record Refused(Reason reason, List<Violation> violations) implements Quote {

        public Refused {
            violations = List.copyOf(violations);
        }
    }

    /** Why a request is refused. */
    enum Reason {
        /** One or more fields break the Zengin rules or the request's own totals. */
        INVALID,
        /** More than one item: bulk transfers (一括振込) are not offered through this API yet. */
        MULTIPLE_TRANSFERS_NOT_SUPPORTED
    }
}

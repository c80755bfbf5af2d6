package jp.kakehashi.banking.transfer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.shared.BusinessClock;
import jp.kakehashi.shared.TppId;
import org.springframework.stereotype.Component;

/**
 * 振込照会 (B2, D1): a customer's transfers as stored, only from the accounts a grant covers and only those a client
 * of the grant's TPP made, so a TPP sees nothing outside its consent and nothing another TPP did for the customer.
 * Other clients of the same TPP (its web and its mobile app) see the transfer: the bank contracts with and screens
 * the TPP, not each of its clients, and the reader still needs its own grant of the customer over the account.
 */
@Component
public class TransferRecords {

    private final Transfers transfers;

    TransferRecords(Transfers transfers) {
        this.transfers = transfers;
    }

    /** A page of transfers and whether more follow. */
    public record Page(List<Transfer> transfers, boolean hasNext) {
    }

    public Optional<Transfer> of(String customerId, TppId tppId, List<String> accountIds, String applyNo) {
        return accountIds.isEmpty() || tppId == null ? Optional.empty()
                : transfers.of(customerId, tppId, accountIds, applyNo);
    }

    /**
     * The transfers accepted on the days {@code from} to {@code to} (Japan time, both inclusive), with the status
     * given (null: any), skipping {@code offset} and at most {@code size}.
     */
    public Page page(String customerId, TppId tppId, List<String> accountIds, LocalDate from, LocalDate to,
            TransferStatus status, int offset, int size) {
        if (accountIds.isEmpty() || tppId == null) {
            return new Page(List.of(), false);
        }
        List<Transfer> found = transfers.page(customerId, tppId, accountIds, from.atStartOfDay(BusinessClock.TOKYO).toInstant(),
                to.plusDays(1).atStartOfDay(BusinessClock.TOKYO).toInstant(), status, offset, size + 1);
        return new Page(found.stream().limit(size).toList(), found.size() > size);
    }
}

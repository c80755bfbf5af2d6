package jp.kakehashi.banking.transfer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * 振込照会 (issue 4): a customer's transfers as stored, only from the accounts a grant covers, so a TPP sees nothing
 * outside its consent.
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

    public Optional<Transfer> of(String customerId, List<String> accountIds, String applyNo) {
        return accountIds.isEmpty() ? Optional.empty() : transfers.of(customerId, accountIds, applyNo);
    }

    /**
     * The transfers accepted on the days {@code from} to {@code to} (Japan time, both inclusive), with the status
     * given (null: any), skipping {@code offset} and at most {@code size}.
     */
    public Page page(String customerId, List<String> accountIds, LocalDate from, LocalDate to, TransferStatus status,
            int offset, int size) {
        if (accountIds.isEmpty()) {
            return new Page(List.of(), false);
        }
        List<Transfer> found = transfers.page(customerId, accountIds, from.atStartOfDay(BusinessClock.TOKYO).toInstant(),
                to.plusDays(1).atStartOfDay(BusinessClock.TOKYO).toInstant(), status, offset, size + 1);
        return new Page(found.stream().limit(size).toList(), found.size() > size);
    }
}

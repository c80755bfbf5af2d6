package jp.kakehashi.banking.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import jp.kakehashi.banking.BankingProperties;
import jp.kakehashi.banking.transfer.Transfer;
import jp.kakehashi.banking.transfer.TransferRecords;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.shared.ApiCaller;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 振込照会 (B2, D1): one transfer by its apply number, or the transfers accepted in a period, of the grant's customer
 * from the accounts the grant covers, made by a client of the grant's TPP; anything else is not found, like a missing
 * one (another TPP learns nothing of transfers it did not make, B2, D1). Paged like the history.
 */
@RestController
class TransferRecordsController {

    private static final Pattern APPLY_NO = Pattern.compile("[0-9]{16}");
    private static final Pattern OFFSET = Pattern.compile("[0-9]{1,9}");

    private final TransferRecords records;
    private final ConsentedAccounts consents;
    private final BankingProperties properties;
    private final Clock clock;

    TransferRecordsController(TransferRecords records, ConsentedAccounts consents, BankingProperties properties,
            Clock clock) {
        this.records = records;
        this.consents = consents;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/v1/transfers/{applyNo}")
    TransferDetailView transfer(ApiCaller caller, @PathVariable String applyNo) {
        if (!APPLY_NO.matcher(applyNo).matches()) {
            throw ApiException.invalidParameter("applyNo", "applyNo must be 16 digits");
        }
        CallerConsent consent = consents.of(caller);
        return records.of(consent.customerId(), consent.tppId(), consent.accountIds(), applyNo).map(TransferDetailView::of)
                .orElseThrow(ApiException::notFound);
    }

    @GetMapping("/v1/transfers")
    TransferList transfers(ApiCaller caller, @RequestParam(required = false) String dateFrom,
            @RequestParam(required = false) String dateTo, @RequestParam(required = false) String status,
            @RequestParam(required = false) String nextItemKey) {
        CallerConsent consent = consents.of(caller);
        TransferStatus wanted = status(status);
        if (nextItemKey != null && !OFFSET.matcher(nextItemKey).matches()) {
            throw ApiException.invalidParameter("nextItemKey", "nextItemKey is not one this API issued");
        }
        var policy = properties.transactions();
        LocalDate today = LocalDate.now(clock.withZone(BusinessClock.TOKYO));
        TransactionPeriod period = TransactionPeriod.resolve(blankAsAbsent(dateFrom), blankAsAbsent(dateTo), today,
                policy.maxHistory(), policy.maxRange());
        int offset = nextItemKey == null ? 0 : Integer.parseInt(nextItemKey);
        var page = records.page(consent.customerId(), consent.tppId(), consent.accountIds(), period.from(), period.to(), wanted, offset,
                policy.pageSize());
        String next = page.hasNext() ? Integer.toString(offset + page.transfers().size()) : null;
        return new TransferList(period.from().toString(), period.to().toString(), page.hasNext(), next,
                Integer.toString(page.transfers().size()), page.transfers().stream().map(TransferDetailView::of).toList());
    }

    private static TransferStatus status(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        return Arrays.stream(TransferStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElseThrow(() -> ApiException.invalidParameter("status",
                        "status must be one of " + Arrays.toString(TransferStatus.values())));
    }

    private static String blankAsAbsent(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    record TransferList(String dateFrom, String dateTo, boolean hasNext, String nextItemKey, String count,
            List<TransferDetailView> transfers) {
    }

    /**
     * A stored transfer; {@code failureReason} only for FAILED ones, {@code cancelReason} only for CANCELLED ones,
     * {@code confirmBy} only for ones waiting for the customer's confirmation. The core's hold is never shown.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record TransferDetailView(String accountId, String applyNo, String transferStatus, String failureReason,
            String cancelReason, String confirmBy, String executionDate, String transferAmount, String fee, String totalDebitAmount, String acceptDatetime,
            String beneficiaryBankCode, String beneficiaryBranchCode, String accountTypeCode, String accountNumber,
            String beneficiaryName, String ediInfo) {

        static TransferDetailView of(Transfer t) {
            var p = t.payee();
            // the reason of a transfer still waiting is the bank's (a fraud rule's), never the TPP's to read (C3)
            return new TransferDetailView(t.accountId(), t.applyNo(), t.status().name(),
                    t.status() == TransferStatus.FAILED ? t.statusReasonCode() : null,
                    t.status() == TransferStatus.CANCELLED ? t.statusReasonCode() : null,
                    t.status() == TransferStatus.AWAITING_CONFIRMATION
                            ? TransfersController.TransferView.dateTime(t.confirmBy()) : null,
                    t.executionDate().toString(), t.amount().toString(), t.fee().toString(),
                    t.totalDebitAmount().toString(), TransfersController.TransferView.acceptDatetime(t),
                    p.bankCode(), p.branchCode(), p.accountTypeCode(), p.accountNumber(), p.name(),
                    t.ediInfo().isEmpty() ? null : t.ediInfo());
        }
    }
}

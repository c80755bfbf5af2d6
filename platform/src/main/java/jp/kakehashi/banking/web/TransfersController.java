package jp.kakehashi.banking.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import java.time.format.DateTimeFormatter;
import jp.kakehashi.banking.TransferStatus;
import jp.kakehashi.banking.transfer.Cancellation;
import jp.kakehashi.banking.transfer.Transfer;
import jp.kakehashi.banking.transfer.TransferDesk;
import jp.kakehashi.banking.transfer.TransferOutcome;
import jp.kakehashi.risk.RiskSignals;
import jp.kakehashi.shared.ApiCaller;
import jp.kakehashi.shared.ApiErrorCode;
import jp.kakehashi.shared.BusinessClock;
import jp.kakehashi.shared.CustomerId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * 振込依頼 (B9, B10; payment correctness): a transfer from a consented account, once per {@code Idempotency-Key} of the
 * TPP's client. A retry of the same request answers what the first got (status and body); the key with another request
 * is refused with {@code IDEMPOTENCY_KEY_REUSED}. Same-day transfers run at once, later ones are stored as scheduled,
 * and ones the policy wants confirmed at the bank wait for the customer. A grant approved for one transfer (RFC 9396)
 * allows exactly that one, once. 取消: a transfer that has not run yet can be cancelled by a client of the TPP that made
 * it, under a grant with the {@code transfers} right.
 */
@RestController
class TransfersController {

    private static final Pattern APPLY_NO = Pattern.compile("[0-9]{16}");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private final ConsentedAccounts consents;
    private final TransferDesk desk;
    private final TransferOrderReader orders;

    TransfersController(ConsentedAccounts consents, TransferDesk desk, TransferOrderReader orders) {
        this.orders = orders;
        this.consents = consents;
        this.desk = desk;
    }

    /** The desk decides and records every refusal (C3); this only answers its outcome in HTTP. */
    @PostMapping("/v1/transfers")
    ResponseEntity<TransferView> transfer(ApiCaller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody JsonNode body, HttpServletRequest request) {
        CallerConsent consent = consents.of(caller);
        var asking = asking(caller, consent, request);
        TransferOutcome outcome = switch (orders.reading(body)) {
            case TransferOrderReader.Reading.Order order -> desk.transfer(asking, consent.accountIds(), idempotencyKey,
                    order.order());
            case TransferOrderReader.Reading.Unreadable unreadable -> desk.refuse(asking, unreadable.refusal());
        };
        return switch (outcome) {
            case TransferOutcome.Accepted accepted -> answer(accepted.transfer());
            case TransferOutcome.Refused refused -> throw TransferRefusalAnswers.of(refused);
        };
    }

    @PostMapping("/v1/transfers/{applyNo}/cancel")
    ResponseEntity<TransferView> cancel(ApiCaller caller, @PathVariable String applyNo,
            HttpServletRequest request) {
        if (!APPLY_NO.matcher(applyNo).matches()) {
            throw ApiException.invalidParameter("applyNo", "applyNo must be 16 digits");
        }
        CallerConsent consent = consents.of(caller);
        return switch (desk.cancel(asking(caller, consent, request), consent.accountIds(), applyNo)) {
            case Cancellation.Cancelled cancelled -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(TransferView.of(cancelled.transfer()));
            case Cancellation.NotCancellable done -> throw ApiException.refused(ApiErrorCode.TRANSFER_NOT_CANCELLABLE,
                    done.transfer().status());
            case Cancellation.NotFound missing -> throw ApiException.notFound();
            case Cancellation.NotPermitted refused -> throw ApiException.refused(ApiErrorCode.INSUFFICIENT_SCOPE);
        };
    }

    /** Who asks the desk: the grant's customer and TPP, with the client, grant and sign-in level of the token. */
    private static TransferDesk.Caller asking(ApiCaller caller, CallerConsent consent, HttpServletRequest request) {
        return new TransferDesk.Caller(CustomerId.of(consent.customerId()), consent.tppId(), caller.client(),
                caller.grant(), caller.secondFactor(),
                RiskSignals.of(request).orElse(null));
    }

    /**
     * 201 for every transfer that stands (run, running, scheduled, waiting for the customer's confirmation, or
     * cancelled since); one the core refused is answered with the refusal, the same to every retry.
     */
    private static ResponseEntity<TransferView> answer(Transfer transfer) {
        if (transfer.status() == TransferStatus.FAILED) {
            throw TransferFailures.of(transfer.statusReason());
        }
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .body(TransferView.of(transfer));
    }

    /**
     * @param resultCode     1 完了 (executed), 2 未完了 (not run yet), as GMO Aozora writes it
     * @param transferStatus ACCEPTED, AWAITING_CONFIRMATION, SCHEDULED, COMPLETED or CANCELLED
     * @param confirmBy      for AWAITING_CONFIRMATION: until when the customer may confirm it at the bank
     * @param cancelReason   for CANCELLED: CANCELLED_BY_TPP or DECLINED_BY_CUSTOMER
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record TransferView(String accountId, String applyNo, String resultCode, String transferStatus,
            String executionDate, String fee, String totalDebitAmount, String acceptDatetime, String confirmBy,
            String cancelReason) {

        static TransferView of(Transfer t) {
            return new TransferView(t.accountId(), t.applyNo(), t.status() == TransferStatus.COMPLETED ? "1" : "2",
                    t.status().name(), t.executionDate().toString(), t.fee().toString(),
                    t.totalDebitAmount().toString(), acceptDatetime(t), dateTime(t.confirmBy()),
                    t.status() == TransferStatus.CANCELLED ? t.statusReasonCode() : null);
        }

        static String dateTime(java.time.Instant instant) {
            return instant == null ? null : instant.atZone(BusinessClock.TOKYO).format(DATE_TIME);
        }

        /** 受付日時 to the second in Japan time, e.g. {@code 2026-04-15T10:00:00+09:00}. */
        static String acceptDatetime(Transfer t) {
            return dateTime(t.acceptedAt());
        }
    }
}

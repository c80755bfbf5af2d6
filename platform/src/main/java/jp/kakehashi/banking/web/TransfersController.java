package jp.kakehashi.banking.web;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import jp.kakehashi.banking.transfer.Fingerprint;
import jp.kakehashi.banking.transfer.Submission;
import jp.kakehashi.banking.transfer.Transfer;
import jp.kakehashi.banking.transfer.TransferDesk;
import jp.kakehashi.banking.transfer.TransferOrder;
import jp.kakehashi.banking.transfer.TransferPricing;
import jp.kakehashi.corebanking.spi.CoreBanking;
import jp.kakehashi.corebanking.spi.IdempotencyKey;
import jp.kakehashi.shared.BusinessClock;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * 振込依頼 (issue 4): a transfer from a consented account, once per {@code Idempotency-Key} of the TPP's client. A
 * retry of the same request answers what the first got (status and body); the key with another request is refused
 * with {@code IDEMPOTENCY_KEY_REUSED}. Same-day transfers run at once, later ones are stored as scheduled. A grant
 * approved for one transfer (RFC 9396) allows exactly that one, once.
 */
@RestController
class TransfersController {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private final CoreBanking coreBanking;
    private final ConsentedAccounts consents;
    private final BankingProperties properties;
    private final TransferPricing pricing;
    private final TransferDesk desk;

    TransfersController(CoreBanking coreBanking, ConsentedAccounts consents, BankingProperties properties,
            TransferPricing pricing, TransferDesk desk) {
        this.coreBanking = coreBanking;
        this.consents = consents;
        this.properties = properties;
        this.pricing = pricing;
        this.desk = desk;
    }

    @PostMapping("/v1/transfers")
    ResponseEntity<TransferView> transfer(@AuthenticationPrincipal Jwt token,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestBody TransferOrder order) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > IdempotencyKey.MAX_LENGTH) {
            throw ApiException.invalidParameter("Idempotency-Key",
                    "Idempotency-Key is required, 1 to " + IdempotencyKey.MAX_LENGTH + " characters");
        }
        CallerConsent consent = consents.of(token);
        var caller = new TransferDesk.Caller(consent.customerId(), token.getClaimAsString("client_id"),
                token.getClaimAsString("grant_id"));
        String fingerprint = Fingerprint.of(consent.customerId(), order);
        Submission submission = desk.replay(caller, idempotencyKey, fingerprint).orElseGet(() -> desk.submit(caller,
                idempotencyKey, fingerprint,
                TransferFeeController.priced(consent, order, coreBanking, properties, pricing)));
        return answer(submission);
    }

    private static ResponseEntity<TransferView> answer(Submission submission) {
        return switch (submission) {
            case Submission.KeyReused reused -> throw ApiException.refused(HttpStatus.UNPROCESSABLE_CONTENT,
                    "IDEMPOTENCY_KEY_REUSED", "この Idempotency-Key は別の依頼に使われています。");
            case Submission.NotAuthorised refused -> throw ApiException.refused(HttpStatus.FORBIDDEN,
                    "TRANSFER_NOT_AUTHORISED", "この振込は認可されていません。");
            case Submission.LimitExceeded exceeded -> throw ApiException.limitExceeded(exceeded.limit().name());
            case Submission.PayeeNotAllowed payee -> throw ApiException.refused(HttpStatus.FORBIDDEN,
                    "PAYEE_NOT_ALLOWED", "この振込先には振り込めません(ご本人名義の口座のみ)。");
            case Submission.Accepted accepted -> accepted(accepted.transfer());
        };
    }

    private static ResponseEntity<TransferView> accepted(Transfer transfer) {
        return switch (transfer.status()) {
            case COMPLETED, SCHEDULED -> ResponseEntity.status(HttpStatus.CREATED)
                    .contentType(MediaType.APPLICATION_JSON).body(TransferView.of(transfer));
            case FAILED -> throw TransferFailures.of(transfer.failureReason());
            // the core did not answer in time; the transfer is stored, a retry with the same key completes it
            case PENDING -> throw ApiException.refused(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                    "ただいまサービスを利用できません。同じ Idempotency-Key で再度お試しください。");
        };
    }

    /**
     * @param resultCode     1 完了 (executed), 2 未完了 (scheduled), as GMO Aozora writes it
     * @param transferStatus COMPLETED or SCHEDULED
     */
    record TransferView(String accountId, String applyNo, String resultCode, String transferStatus,
            String executionDate, String fee, String totalDebitAmount, String acceptDatetime) {

        static TransferView of(Transfer t) {
            return new TransferView(t.accountId(), t.applyNo(), t.status().name().equals("COMPLETED") ? "1" : "2",
                    t.status().name(), t.executionDate().toString(), Long.toString(t.fee()),
                    Long.toString(t.totalDebitAmount()), acceptDatetime(t));
        }

        /** 受付日時 to the second in Japan time, e.g. {@code 2026-04-15T10:00:00+09:00}. */
        static String acceptDatetime(Transfer t) {
            ZonedDateTime accepted = t.acceptedAt().atZone(BusinessClock.TOKYO);
            return accepted.format(DATE_TIME);
        }
    }
}

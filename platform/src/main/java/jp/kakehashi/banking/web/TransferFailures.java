package jp.kakehashi.banking.web;

import jp.kakehashi.banking.TransferStatusReason;
import org.springframework.http.HttpStatus;

/**
 * The HTTP answer to a transfer the core system refused (payment correctness), by its stored reason: the same answer to
 * every retry. A refusal the client can fix in the request is 400, one of the accounts' state is 409.
 */
final class TransferFailures {

    private TransferFailures() {
    }

    static ApiException of(TransferStatusReason reason) {
        String code = reason == null ? null : reason.name();
        return switch (reason) {
            case INSUFFICIENT_FUNDS -> ApiException.refused(HttpStatus.CONFLICT, code, "残高が不足しています。");
            case ACCOUNT_FROZEN -> ApiException.refused(HttpStatus.CONFLICT, code,
                    "出金口座はお取引が制限されています。");
            case ACCOUNT_NOT_FOUND -> ApiException.accountNotFound();
            case PAYEE_ACCOUNT_NOT_FOUND -> ApiException.refused(HttpStatus.BAD_REQUEST, code,
                    "振込先口座が見つかりません。");
            case PAYEE_ACCOUNT_FROZEN -> ApiException.refused(HttpStatus.CONFLICT, code,
                    "振込先口座はお取引が制限されています。");
            case SAME_ACCOUNT -> ApiException.refused(HttpStatus.BAD_REQUEST, code,
                    "出金口座と振込先口座が同じです。");
            case CONFIRMATION_EXPIRED -> ApiException.refused(HttpStatus.CONFLICT, code,
                    "お客さまによる確認が期限までになかったため、振込は実行されませんでした。");
            case INVALID_AMOUNT -> ApiException.refused(HttpStatus.BAD_REQUEST, code, "振込金額が正しくありません。");
            case null, default -> ApiException.refused(HttpStatus.CONFLICT, "TRANSFER_FAILED",
                    "振込を実行できませんでした。");
        };
    }
}

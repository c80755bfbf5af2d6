package jp.kakehashi.banking;

import jp.kakehashi.corebanking.spi.PostRefusal;
import jp.kakehashi.corebanking.spi.TransferRejection;
import jp.kakehashi.risk.RiskReason;

/**
 * Why a stored transfer (振込, B10) waits, failed or was cancelled: a closed list, stored by its name in
 * {@code transfers.status_reason}, audited (C3) and told to the customer's notice as it is. A transfer waiting
 * {@link TransferStatus#AWAITING_CONFIRMATION} carries the reason it waits; a {@link TransferStatus#FAILED} one the
 * core's refusal or the confirmation's lapse; a {@link TransferStatus#CANCELLED} one who cancelled it.
 */
public enum TransferStatusReason {
    /** Waits: the amount is above the bank's confirmation threshold for the customer (B10). */
    AMOUNT_ABOVE_CONFIRMATION_THRESHOLD,
    /** Waits: {@link RiskReason#TPP_REPORTED_AUTH_FAILURES}. */
    TPP_REPORTED_AUTH_FAILURES,
    /** Waits: {@link RiskReason#NEW_PAYEE_LARGE_AMOUNT}. */
    NEW_PAYEE_LARGE_AMOUNT,
    /** Waits: {@link RiskReason#UNUSUAL_TRANSFER_FREQUENCY}. */
    UNUSUAL_TRANSFER_FREQUENCY,
    /** Waits: {@link RiskReason#INVALID_RISK_SIGNALS}. */
    INVALID_RISK_SIGNALS,
    /** Failed: {@link TransferRejection#INVALID_AMOUNT}. */
    INVALID_AMOUNT,
    /** Failed: the debit account is gone or not the customer's ({@link TransferRejection}, {@link PostRefusal}). */
    ACCOUNT_NOT_FOUND,
    /** Failed: the debit account is frozen. */
    ACCOUNT_FROZEN,
    /** Failed: {@link TransferRejection#INSUFFICIENT_FUNDS} (残高不足). */
    INSUFFICIENT_FUNDS,
    /** Failed: the payee's account at this bank is gone. */
    PAYEE_ACCOUNT_NOT_FOUND,
    /** Failed: the payee's account at this bank is frozen. */
    PAYEE_ACCOUNT_FROZEN,
    /** Failed: {@link TransferRejection#SAME_ACCOUNT}. */
    SAME_ACCOUNT,
    /** Failed: {@link TransferRejection#DUPLICATE_REQUEST_MISMATCH}. */
    DUPLICATE_REQUEST_MISMATCH,
    /** Failed: {@link PostRefusal#RESERVATION_NOT_FOUND}. */
    RESERVATION_NOT_FOUND,
    /** Failed: the core's hold was voided before it was posted. */
    RESERVATION_VOIDED,
    /** Failed: the core's hold lapsed before it was posted. */
    RESERVATION_EXPIRED,
    /** Failed: the customer did not confirm it at the bank in time. */
    CONFIRMATION_EXPIRED,
    /** Cancelled by a client of the TPP that made it (取消). */
    CANCELLED_BY_TPP,
    /** Cancelled: the customer declined it on the bank's confirmation screen. */
    DECLINED_BY_CUSTOMER;

    /** The transfer waits for the customer because of this fraud rule. */
    public static TransferStatusReason of(RiskReason reason) {
        return valueOf(reason.name());
    }

    /** The transfer failed because the core refused to reserve it. */
    public static TransferStatusReason of(TransferRejection rejection) {
        return valueOf(rejection.name());
    }

    /** The transfer failed because the core refused to post it. */
    public static TransferStatusReason of(PostRefusal refusal) {
        return valueOf(refusal.name());
    }
}

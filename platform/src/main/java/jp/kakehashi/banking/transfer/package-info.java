/**
 * The payment API (更新系: B3, B9, B10, C3; payment correctness), free of HTTP (the {@code /v1} mapping lives in
 * {@code banking.web}):
 * <ul>
 * <li>{@link jp.kakehashi.banking.transfer.TransferPricing}: 振込手数料照会 — the Zengin rules of
 * {@link jp.kakehashi.banking.transfer.rules}, the request's totals, the execution date and the fee; no side
 * effects.</li>
 * <li>{@link jp.kakehashi.banking.transfer.TransferDesk}: 振込受付 — once per idempotency key of the TPP's client
 * (stored with the transfer, V9__transfers.sql), a single-use grant for an approved transfer (RFC 9396), the bank's
 * limits and payee rule (B10, {@link jp.kakehashi.banking.transfer.TransferLimitPolicy}) counted under a per-customer
 * lock, and same-day execution through the core's reserve and post. Later dates are stored as SCHEDULED and
 * executed on their date by {@link jp.kakehashi.banking.transfer.TransferScheduler}.</li>
 * <li>{@link jp.kakehashi.banking.transfer.TransferRecords}: 振込照会 within the grant's accounts.</li>
 * </ul>
 */
package jp.kakehashi.banking.transfer;

/**
 * Risk signals from TPPs and fraud rules (C3). The rules for transfers ({@link jp.kakehashi.risk.TransferRiskPolicy})
 * send a suspicious transfer to the customer's confirmation at the bank or decline it; the payment module records
 * each verdict with its reason code in the audit log. The signals: the FAPI headers a TPP sends about
 * its customer's session ({@code x-fapi-interaction-id}, {@code x-fapi-customer-ip-address},
 * {@code x-customer-user-agent}, {@code x-fapi-auth-date}, {@code x-kakehashi-auth-failure-count}), validated and
 * bounded once per {@code /v1} request and exposed as {@link jp.kakehashi.risk.RiskSignals} for the execution log.
 * The interaction id is echoed on every {@code /v1} response, errors included, so a TPP can always quote it to the
 * bank. The other headers are advisory: a malformed one is recorded as invalid, never refused, because a TPP's
 * sloppy header must not break its customers' reads; on a payment, the fraud rules decide what invalid signals mean.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Risk", allowedDependencies = "shared")
package jp.kakehashi.risk;

/**
 * Risk signals from TPPs, and later fraud rules, holds and alerts (C3). For now: the FAPI headers a TPP sends about
 * its customer's session ({@code x-fapi-interaction-id}, {@code x-fapi-customer-ip-address},
 * {@code x-customer-user-agent}, {@code x-fapi-auth-date}, {@code x-kakehashi-auth-failure-count}), validated and
 * bounded once per {@code /v1} request and exposed as {@link jp.kakehashi.risk.RiskSignals} for the execution log.
 * The interaction id is echoed on every {@code /v1} response, errors included, so a TPP can always quote it to the
 * bank. The other headers are advisory: a malformed one is recorded as invalid, never refused, because a TPP's
 * sloppy header must not break its customers' reads; fraud rules (issue 4) will decide what invalid signals mean.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk", allowedDependencies = "shared")
package jp.kakehashi.risk;

/**
 * Deliveries (B10, A5, A6, C6, E1, E2, E6, F3): mails to customers (transfer notices, incident warnings), notices to
 * TPPs (a JSON webhook, and kept for the portal), security event tokens (RFC 8417, OpenID Shared Signals) pushed to
 * TPPs and subscribed banks (RFC 8935) and received from trusted banks. Reacts to other modules' events only; HTTP
 * deliveries go through an outbox, retried and recorded.
 * <p>
 * One concern per sub-package: {@code mail} (customers), {@code webhook} (notices to TPPs), {@code secevent} (security
 * event tokens sent and received), {@code delivery} (TPPs' endpoints, the outbox and its guard against internal
 * addresses) and {@code signing} (the key of what is sent). The first four are named interfaces; {@code signing} and
 * the package-private types of each are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = { "shared", "banking", "tpp", "tpp :: monitoring", "incident",
                "availability" })
package jp.kakehashi.notification;

/**
 * Notices to customers (B10 "notification to the customer after every transfer", issue 4): a mail for every transfer
 * status the customer should know of, in the customer's language, to the address of the bank's customer file. Later
 * also TPPs (webhooks, security events) and other banks (E1, E2, E6). Reacts to other modules' events only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification",
        allowedDependencies = { "shared", "banking" })
package jp.kakehashi.notification;

/**
 * Customers' sign-in at the bank: credentials, lockout, the second factor, and the authentication that results.
 * Exposed to the demo data and to future customer-administration features.
 */
@org.springframework.modulith.NamedInterface("customer")
package jp.kakehashi.authorization.customer;

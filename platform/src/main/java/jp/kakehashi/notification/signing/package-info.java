/**
 * The key the bank signs what the notification module sends with (C2, A6, F3): security event tokens and the detached
 * signature of webhook notices, one ES256 key apart from the authorization server's, sealed under the master key in
 * PostgreSQL and made once by the first node. Internal: no other module signs with it.
 */
package jp.kakehashi.notification.signing;

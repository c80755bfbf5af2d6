/**
 * Security events between banks and to TPPs (E1, E2, F3; RFC 8417 security event tokens, OpenID Shared Signals):
 * incidents and a TPP cut off or back are transmitted to the TPP and to subscribed banks through the outbox of
 * {@code notification.delivery} (RFC 8935 push); the bank's transmitter metadata and keys are published; tokens other
 * trusted banks push are verified and kept ({@link jp.kakehashi.notification.secevent.ReceivedSecurityEvents}).
 * <p>
 * A named interface: the incident desk shows staff the events received.
 */
@org.springframework.modulith.NamedInterface("secevent")
package jp.kakehashi.notification.secevent;

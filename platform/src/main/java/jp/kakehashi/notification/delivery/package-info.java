/**
 * Where and how the bank's HTTP deliveries leave (A6, C6, E1, F3): the endpoints a TPP registers for its webhook and
 * its security events ({@link jp.kakehashi.notification.delivery.TppEndpoints}), the outbox ({@link
 * jp.kakehashi.notification.delivery.OutboundDeliveries}: stored in the deciding transaction, tried after commit,
 * retried with a doubling wait, claimed so two nodes never send one at once) and its guard against SSRF: a host is
 * resolved at every attempt, refused when any address is not public ({@code ReceiverAddresses},
 * {@code SpecialPurposeAddresses}), and the request goes to exactly the address checked ({@code PinnedPost}).
 * <p>
 * A named interface: the incident desk registers a TPP's endpoints and shows what was sent to it.
 */
@org.springframework.modulith.NamedInterface("delivery")
package jp.kakehashi.notification.delivery;

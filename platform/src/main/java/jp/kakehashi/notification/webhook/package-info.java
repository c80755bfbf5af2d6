/**
 * Notices to TPPs (A5, A6, C6, E6): what happened to the TPP (suspension, an improvement request, an incident, a
 * service stop), kept for the portal ({@link jp.kakehashi.notification.webhook.TppNotices}) and posted as a signed
 * JSON webhook through the outbox of {@code notification.delivery}, in reaction to other modules' events after commit.
 * <p>
 * A named interface: the portal's pages show a TPP its notices.
 */
@org.springframework.modulith.NamedInterface("webhook")
package jp.kakehashi.notification.webhook;

package jp.kakehashi.consent;

import jp.kakehashi.shared.CustomerId;
import jp.kakehashi.shared.GrantId;
import jp.kakehashi.shared.TppId;

/**
 * A grant was revoked; every token under it stops working in the same transaction (B8).
 *
 * @param grantId    the grant
 * @param customerId its customer
 * @param tppId      its TPP
 * @param revokedBy  who revoked it: {@code customer}, {@code staff:<id>}, {@code tpp}, {@code system}
 * @param reason     why
 */
public record GrantRevoked(GrantId grantId, CustomerId customerId, TppId tppId, String revokedBy, String reason) {
}

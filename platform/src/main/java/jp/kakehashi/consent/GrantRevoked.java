package jp.kakehashi.consent;

/**
 * A grant was revoked; every token under it stops working in the same transaction (B8).
 *
 * @param grantId    the grant
 * @param customerId its customer
 * @param tppId      its TPP
 * @param revokedBy  who revoked it: {@code customer}, {@code staff:<id>}, {@code tpp}, {@code system}
 * @param reason     why
 */
public record GrantRevoked(String grantId, String customerId, String tppId, String revokedBy, String reason) {
}

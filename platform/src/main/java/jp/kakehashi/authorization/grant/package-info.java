/**
 * FAPI Grant Management for OAuth 2.0 (B8, B9): the TPP names the platform's grant in its authorization request
 * ({@code grant_management_action} create, merge or replace with {@code grant_id}), learns the grant's id in the
 * token response, and queries or revokes the grant at the grant management endpoint. A grant is the consent module's
 * {@link jp.kakehashi.consent.Grant}; the customer's connected-services page shows the same grants.
 */
package jp.kakehashi.authorization.grant;

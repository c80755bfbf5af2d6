/**
 * Rich Authorization Requests (RFC 9396) for a single transfer (B5, B10, D1, D2): the {@code kakehashi_transfer}
 * detail type, its validation at the pushed authorization request, and what the consent screen and the access token
 * make of it. Spring's authorization server has no RAR support of its own, so {@code authorization_details} arrives
 * as an additional parameter of the pushed request.
 */
package jp.kakehashi.authorization.rar;
